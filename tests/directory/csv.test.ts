import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CsvSyntaxError, columnOf, parseCsv, rowsToServices, serviceToRow, writeCsv } from "../../src/directory/csv.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import { ServiceSchema } from "../../src/directory/schema.js";

const directory = loadDirectorySync();

describe("parseCsv / writeCsv", () => {
  it("reads quotes, commas, newlines in quoted fields, CRLF and a BOM, with each record's first line", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nplain,,""\n"last"';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\r\nlines"] },
      { line: 5, fields: ["plain", "", ""] },
      { line: 6, fields: ["last"] },
    ]);
  });

  it("keeps empty trailing fields and handles a final line without a line break", () => {
    expect(parseCsv("a,\n,b")).toEqual([
      { line: 1, fields: ["a", ""] },
      { line: 2, fields: ["", "b"] },
    ]);
  });

  it("names the line of a syntax error", () => {
    expect(() => parseCsv('a\nb\n"open, never closed\n')).toThrow(new CsvSyntaxError(3, "a quoted field is not closed"));
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/line 2: unexpected text after a closing quote/);
    expect(() => parseCsv('a\nfoo"bar\n')).toThrow(/line 2: a quote inside an unquoted field/);
  });

  it("writes what it reads back", () => {
    const rows = [["id", "text"], ["1", 'Comma, "quote"\nand a newline'], ["2", " padded "], ["3", ""]];
    const text = writeCsv(rows, { bom: true });
    expect(text.startsWith("\uFEFFid,text\r\n")).toBe(true);
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});

describe("services as CSV rows", () => {
  it("round-trips every shipped service", () => {
    const text = writeCsv([[...CSV_COLUMNS], ...directory.services.map((s) => serviceToRow(s))]);
    const { rows, issues } = rowsToServices(text);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.service)).toEqual(directory.services);
  });

  it("accepts grouped phone numbers and any column order", () => {
    const service = { ...directory.services[0]!, phones: ["+77172123456", "112"] };
    const row = serviceToRow(service);
    expect(row[CSV_COLUMNS.indexOf("phones")]).toBe("+7 717 212 34 56|112");
    const reversed = [[...CSV_COLUMNS].reverse(), [...row].reverse()];
    expect(rowsToServices(writeCsv(reversed)).rows[0]?.service).toEqual(service);
  });

  it("reports every bad row by line and column, counting lines of multi-line cells", () => {
    const good = serviceToRow(directory.services[0]!);
    const multiLine = serviceToRow({ ...directory.services[1]!, notes: { kk: "бір\nекі", ru: "раз\nдва", en: "one\ntwo" } });
    const bad = serviceToRow(directory.services[2]!);
    bad[CSV_COLUMNS.indexOf("hours")] = "sometimes";
    bad[CSV_COLUMNS.indexOf("name_kk")] = "";
    bad[CSV_COLUMNS.indexOf("phones")] = "12";
    const { rows, issues } = rowsToServices(writeCsv([[...CSV_COLUMNS], good, multiLine, bad]));
    expect(rows).toHaveLength(2);
    const id = directory.services[2]!.id;
    expect(issues).toEqual([
      { line: 7, column: "name_kk", message: "must not be empty", id },
      { line: 7, column: "hours", message: expect.stringContaining('"sometimes" is not like'), id },
    ]);
    // Schema problems come once the cells are well-formed.
    bad[CSV_COLUMNS.indexOf("hours")] = "24/7";
    bad[CSV_COLUMNS.indexOf("name_kk")] = "Атауы";
    const again = rowsToServices(writeCsv([[...CSV_COLUMNS], good, bad]));
    expect(again.issues).toEqual([{ line: 3, column: "phones", message: expect.stringContaining("short code"), id }]);
  });

  it("refuses a header with missing or unknown columns", () => {
    const header = CSV_COLUMNS.filter((c) => c !== "verified_on");
    expect(rowsToServices(writeCsv([[...header, "colour"]])).issues).toEqual([
      { line: 1, column: "(header)", message: "missing columns: verified_on; unknown columns: colour" },
    ]);
  });

  it("has a column for every field of the schema", () => {
    for (const field of Object.keys(ServiceSchema.shape)) {
      const columns = field === "coordinates" ? ["lat", "lon"] : [field, `${field}_kk`];
      expect(columns.some((c) => (CSV_COLUMNS as readonly string[]).includes(c)), field).toBe(true);
    }
  });

  it("maps schema paths to columns", () => {
    expect(columnOf(["name", "kk"])).toBe("name_kk");
    expect(columnOf(["coordinates", "lat"])).toBe("lat");
    expect(columnOf(["hours", "weekly", 0, "open"])).toBe("hours");
    expect(columnOf(["phones", 1])).toBe("phones");
  });
});
