import { afterEach, describe, expect, it } from "vitest";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runDirectoryCli } from "../../src/cli/directory.js";
import { CSV_COLUMNS, parseCsv, writeCsv } from "../../src/directory/csv.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import { captureIo, copyOfData } from "./helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function tempData(): string {
  const { dir, cleanup } = copyOfData();
  cleanups.push(cleanup);
  return dir;
}
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(join(dir, "services")).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, "services", f), "utf8")]));
}
function editJson(file: string, edit: (json: { services: Array<Record<string, unknown>> }) => void): void {
  const json = JSON.parse(readFileSync(file, "utf8"));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

describe("directory CLI: check", () => {
  it("passes on the shipped data: no errors, only the entries due for a check as warnings", async () => {
    const { out, io } = captureIo();
    expect(await runDirectoryCli(["check", "--data", tempData()], io)).toBe(0);
    expect(out.stdout).toMatch(/^OK: 20 regions, 139 services in 10 files, \d+ warning\(s\)\n$/);
    expect(out.stderr).not.toContain("error:");
    expect(out.stderr.split("\n").filter(Boolean).every((line) => line.startsWith("warning: "))).toBe(true);
  });

  it("exits 1 naming the file and the field when one field is broken", async () => {
    const dir = tempData();
    editJson(join(dir, "services", "national.json"), (json) => {
      json.services[0]!.phones = ["11a"];
    });
    const { out, io } = captureIo();
    expect(await runDirectoryCli(["check", "--data", dir], io)).toBe(1);
    expect(out.stderr).toContain(`error: ${join(dir, "services", "national.json")}: services[0].phones[0] (id "emergency-112"): must be a short code`);
    expect(out.stdout).toBe("");
  });

  it("checks the saved replies in data/ too: a reply without its Russian text is an error naming line and column", async () => {
    const dir = tempData();
    const file = join(dir, "replies.csv");
    const rows = parseCsv(readFileSync(file, "utf8")).map((r) => r.fields);
    const header = rows[0]!;
    rows[2]![header.indexOf("ru_child")] = "";
    rows[2]![header.indexOf("ru_adult")] = "";
    writeFileSync(file, writeCsv(rows, { bom: true }));
    const { out, io } = captureIo();
    expect(await runDirectoryCli(["check", "--data", dir], io)).toBe(1);
    expect(out.stderr).toContain(`error: ${file}: line 3: ru_child/ru_adult (id "safe"): has no text`);
  });

  it("rejects unknown regions, repeated ids, dates in the future, bare domains and a check date on unverified contacts", async () => {
    const dir = tempData();
    editJson(join(dir, "services", "guardianship.json"), (json) => {
      json.services[0]!.coverage = { regions: ["nowhere"] };
      json.services[1]!.id = "guardianship-shymkent";
      json.services[3]!.verified_on = "2026-06-02";
      json.services[4]!.sources = [{ url: "https://inform.kz" }];
    });
    editJson(join(dir, "services", "national.json"), (json) => {
      json.services[0]!.verified_on = "2026-06-02";
    });
    const { out, io } = captureIo(new Date("2026-06-01T12:00:00Z"));
    expect(await runDirectoryCli(["check", "--data", dir], io)).toBe(1);
    expect(out.stderr).toContain('services[0].coverage.regions[0] (id "guardianship-astana"): "nowhere" is not a region code');
    expect(out.stderr).toContain('services[2].id (id "guardianship-shymkent"): repeats the id');
    expect(out.stderr).toContain('services[3].verified_on (id "guardianship-abai"): is set but contacts_verified is false');
    expect(out.stderr).toContain('services[4].sources[0].url (id "guardianship-akmola"): is a bare domain');
    expect(out.stderr).toContain('verified_on (id "emergency-112"): 2026-06-02 is in the future');
  });

  it("warns (exit 0) about checks and sources older than --max-age-days, and contacts shown without a dated check", async () => {
    const dir = tempData();
    editJson(join(dir, "services", "national.json"), (json) => {
      json.services[0]!.verified_on = "2026-11-01";
    });
    const { out, io } = captureIo(new Date("2026-12-15T12:00:00Z"));
    expect(await runDirectoryCli(["check", "--max-age-days", "30", "--data", dir], io)).toBe(0);
    expect(out.stderr).toMatch(/warning: .*national\.json: verified_on \(id "emergency-112"\): last checked 44 days ago \(more than 30\)/);
    expect(out.stderr).toMatch(/warning: .*national\.json: sources \(id "emergency-112"\): the newest source is from 2021-09-08/);
    expect(out.stderr).toMatch(/warning: .*national\.json: verified_on \(id "helpline-150"\): the contacts are shown but no check is dated/);
    expect(out.stdout).toMatch(/OK: .*, \d+ warning\(s\)/);
  });

  it("stale lists the entries due for a check by region, national first", async () => {
    const { out, io } = captureIo(new Date("2026-12-15T12:00:00Z"));
    expect(await runDirectoryCli(["stale", "--data", tempData()], io)).toBe(0);
    const lines = out.stdout.split("\n");
    expect(lines[0]).toMatch(/^national \(\d+\)$/);
    expect(out.stdout).toMatch(/\n {2}helpline-150: verified_on: the contacts are shown but no check is dated/);
    // A regional entry is listed under its region, with the reason an editor acts on.
    const astana = lines.indexOf(lines.find((l) => /^astana \(\d+\)$/.test(l)) ?? "");
    expect(astana).toBeGreaterThan(0);
    expect(lines.slice(astana + 1).find((l) => l.includes("guardianship-astana"))).toContain("the newest source is from 2025-09-22");
    expect(lines.at(-2)).toMatch(/^\d+ of 139 entries are due for a check/);
    // A fresh check and a fresh source take an entry off the list.
    const fresh = captureIo(new Date("2026-12-15T12:00:00Z"));
    expect(await runDirectoryCli(["stale", "--max-age-days", "5000", "--data", tempData()], fresh.io)).toBe(0);
    expect(fresh.out.stdout).not.toContain("emergency-112");
    expect(fresh.out.stdout).toContain("helpline-150");
  });

  it("exits 2 on wrong usage", async () => {
    for (const argv of [[], ["frobnicate"], ["check", "--max-age-days", "soon"], ["export"], ["import"], ["import", "a.csv", "--out", "x.json", "--replace"], ["check", "--colour"]]) {
      const { out, io } = captureIo();
      expect(await runDirectoryCli(argv, io), argv.join(" ")).toBe(2);
      expect(out.stderr).toContain("Usage: npm run directory");
    }
  });
});

describe("directory CLI: export and import", () => {
  it("export --csv writes one row per service to stdout, or to a file with a BOM", async () => {
    const dir = tempData();
    const { out, io } = captureIo();
    expect(await runDirectoryCli(["export", "--csv", "--data", dir], io)).toBe(0);
    const records = parseCsv(out.stdout);
    expect(records[0]?.fields).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(140);
    expect(records.find((r) => r.fields[0] === "guardianship-karaganda")?.fields[1]).toBe("guardianship.json");

    const file = join(dir, "..", "directory.csv");
    expect(await runDirectoryCli(["export", "--csv", file, "--data", dir], captureIo().io)).toBe(0);
    expect(readFileSync(file, "utf8").startsWith("\uFEFFid,file,kind,")).toBe(true);
  });

  it("round trip: export then import --replace leaves every file as it was", async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const file = join(dir, "..", "directory.csv");
    expect(await runDirectoryCli(["export", "--csv", file, "--data", dir], captureIo().io)).toBe(0);
    const { out, io } = captureIo();
    expect(await runDirectoryCli(["import", file, "--replace", "--data", dir], io)).toBe(0);
    expect(out.stdout).toContain("Imported 139 services");
    expect(snapshot(dir)).toEqual(before);
    expect(loadDirectorySync(dir)).toEqual(loadDirectorySync("data"));
  });

  it("import --out adds new services in one file and refuses ids that already exist", async () => {
    const dir = tempData();
    const { out, io } = captureIo();
    await runDirectoryCli(["export", "--csv", "--data", dir], io);
    const [header, first] = parseCsv(out.stdout);
    const renamed = [...first!.fields];
    const id = first!.fields[0]!;
    renamed[0] = `${id}-copy`;
    const file = join(dir, "..", "new.csv");
    writeFileSync(file, writeCsv([header!.fields, renamed]));
    const target = join(dir, "services", "imported.json");
    expect(await runDirectoryCli(["import", file, "--data", dir], captureIo().io)).toBe(0);
    expect(JSON.parse(readFileSync(target, "utf8")).services[0].id).toBe(`${id}-copy`);

    writeFileSync(file, writeCsv([header!.fields, first!.fields]));
    const clash = captureIo();
    expect(await runDirectoryCli(["import", file, "--out", join(dir, "services", "more.json"), "--data", dir], clash.io)).toBe(1);
    expect(clash.out.stderr).toContain(`line 2 (id "${id}"): id: repeats the id "${id}"`);
    expect(clash.out.stderr).toContain("nothing was written");
  });

  it("a CSV with one bad row among good ones is refused as a whole, naming that row", async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const { out, io } = captureIo();
    await runDirectoryCli(["export", "--csv", "--data", dir], io);
    const records = parseCsv(out.stdout);
    const bad = records[7]!;
    bad.fields[CSV_COLUMNS.indexOf("coverage")] = "regions:karaganda|narnia";
    const file = join(dir, "..", "edited.csv");
    writeFileSync(file, writeCsv(records.map((r) => r.fields)));

    const result = captureIo();
    expect(await runDirectoryCli(["import", file, "--replace", "--data", dir], result.io)).toBe(1);
    expect(result.out.stderr).toContain(`line ${bad.line} (id "${bad.fields[0]}"): coverage: "narnia" is not a region code`);
    expect(result.out.stderr).toContain("nothing was written");
    expect(bad.line).toBe(8);
    expect(snapshot(dir)).toEqual(before);
  });
});
