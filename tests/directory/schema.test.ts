import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DirectoryError, loadDirectory, loadDirectorySync, parseDirectory } from "../../src/directory/load.js";
import { ServiceSchema } from "../../src/directory/schema.js";
import { copyOfData } from "./helpers.js";

const valid = {
  id: "test-service",
  kind: "helpline",
  name: { kk: "Сынақ", ru: "Тест", en: "Test" },
  description: { kk: "Сипаттама", ru: "Описание", en: "Description" },
  coverage: { national: true },
  audience: ["child"],
  topics: ["danger"],
  phones: ["111"],
  hours: "24/7",
  free: true,
  anonymous: "unknown",
  contacts_verified: true,
  sources: [{ url: "https://example.kz/page", date: "2025-11-06" }],
  verified_on: "2026-01-01",
};

function fieldsOf(value: unknown): string[] {
  const parsed = ServiceSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
}

describe("service schema", () => {
  it("accepts a complete entry", () => {
    expect(fieldsOf(valid)).toEqual([]);
  });

  it.each([
    ["phones.0", { phones: ["11-1"] }],
    ["phones.0", { phones: ["+7701123456"] }],
    ["name.kk", { name: { kk: "  ", ru: "Тест", en: "Test" } }],
    ["description.en", { description: { kk: "а", ru: "б" } }],
    ["kind", { kind: "hotline" }],
    ["topics.0", { topics: ["homework"] }],
    ["audience", { audience: [] }],
    ["coverage", { coverage: { national: true, regions: ["astana"] } }],
    ["hours", { hours: "always" }],
    ["hours.weekly.0.open", { hours: { weekly: [{ days: ["mon"], open: "9:00", close: "18:00" }] } }],
    ["hours.weekly.0.days", { hours: { weekly: [{ days: ["fri", "mon"], open: "09:00", close: "18:00" }] } }],
    ["free", { free: "maybe" }],
    ["url", { url: "kids.enpf.kz" }],
    ["url", { url: "javascript:alert(1)" }],
    ["email", { email: "not-an-address" }],
    ["verified_on", { verified_on: "01.01.2026" }],
    ["sources", { sources: [] }],
    ["sources.0.url", { sources: [{ url: "inform.kz" }] }],
    ["sources.0.url", { sources: [{ url: "https://inform.kz" }] }],
    ["sources.0.url", { sources: [{ url: "https://inform.kz/" }] }],
    ["sources.0.date", { sources: [{ url: "https://inform.kz/ru/a-1", date: "August" }] }],
    ["verified_on", { contacts_verified: false, route: { kk: "111", ru: "111", en: "111" } }],
    ["route", { contacts_verified: false }],
    ["contacts_verified", { phones: undefined }],
    ["", { phone: ["111"] }],
  ])("names the field %s", (field, patch) => {
    expect(fieldsOf({ ...valid, ...patch })).toContain(field);
  });
});

describe("loading", () => {
  const regions = { file: "data/regions.json", text: readFileSync("data/regions.json", "utf8") };

  it("names the file, the field and the id of a bad entry", () => {
    const broken = { ...valid, phones: ["12"] };
    const result = parseDirectory(regions, [
      { file: "data/services/a.json", text: JSON.stringify({ services: [valid, broken] }) },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ file: "data/services/a.json", field: "services[1].phones[0]", id: "test-service" }),
    ]);
  });

  it("rejects unknown region codes, repeated ids and broken JSON", () => {
    const result = parseDirectory(regions, [
      { file: "a.json", text: JSON.stringify({ services: [{ ...valid, id: "other", coverage: { regions: ["atlantis"] } }] }) },
      { file: "b.json", text: JSON.stringify({ services: [valid, valid] }) },
      { file: "c.json", text: "{ services: " },
    ]);
    const lines = result.issues.map((i) => `${i.file} ${i.field} ${i.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^a\.json services\[0\]\.coverage\.regions\[0\] "atlantis" is not a region code/),
      expect.stringMatching(/^b\.json services\[1\]\.id repeats the id "test-service" \(already used in b\.json\)/),
      expect.stringMatching(/^c\.json \(file\) is not valid JSON/),
    ]);
  });

  it("loadDirectory throws a DirectoryError naming file, field and id", async () => {
    const { dir, cleanup } = copyOfData();
    try {
      const file = join(dir, "services", "national.json");
      const json = JSON.parse(readFileSync(file, "utf8"));
      json.services[0].hours = "sometimes";
      writeFileSync(file, JSON.stringify(json));
      expect(() => loadDirectorySync(dir)).toThrow(DirectoryError);
      await expect(loadDirectory(dir)).rejects.toThrow(/national\.json: services\[0\]\.hours \(id "emergency-112"\)/);
    } finally {
      cleanup();
    }
  });
});
