import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { LANGS, SERVICE_KINDS } from "../../src/domain.js";
import { loadDirectory, loadDirectorySync } from "../../src/directory/load.js";
import { coverageRegions } from "../../src/directory/schema.js";

const directory = loadDirectorySync();
/** Kinds kept as one entry per region and city of republican significance. */
const PER_REGION_KINDS = ["ombudsman_regional", "family_support_centre", "guardianship", "youth_health_centre", "psychological_support", "pmpk"];
/** Every contact the shipped data shows, each confirmed in kz-services.md. */
const SOURCED_PHONES = new Set(["112", "101", "102", "103", "104", "111", "150", "1414"]);
const SOURCED_URLS = new Set(["https://kids.enpf.kz", "https://egov.kz"]);
const KAZAKH_LETTERS = /[әіңғүұқөһӘІҢҒҮҰҚӨҺ]/;

describe("shipped data", () => {
  it("loads the same synchronously and asynchronously", async () => {
    expect(await loadDirectory()).toEqual(directory);
  });

  it("has the 20 regions of the kz-services.md table", () => {
    expect(directory.regions.map((r) => r.code)).toEqual([
      "astana", "almaty_city", "shymkent", "abai", "akmola", "aktobe", "almaty_region", "atyrau", "east_kz", "jambyl",
      "jetisu", "karaganda", "kostanay", "kyzylorda", "mangystau", "north_kz", "pavlodar", "turkistan", "ulytau", "west_kz",
    ]);
    expect(directory.regions.filter((r) => r.type === "city").map((r) => r.code)).toEqual(["astana", "almaty_city", "shymkent"]);
    const karaganda = directory.regions.find((r) => r.code === "karaganda");
    expect(karaganda?.name).toEqual({ kk: "Қарағанды облысы", ru: "Карагандинская область", en: "Karaganda Region" });
  });

  it.each(PER_REGION_KINDS)("has exactly one %s entry for every region", (kind) => {
    const counts = new Map<string, number>();
    for (const s of directory.services.filter((s) => s.kind === kind)) {
      const covered = coverageRegions(s.coverage);
      if (covered === "national") continue;
      for (const code of covered) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    for (const region of directory.regions) expect([region.code, counts.get(region.code)]).toEqual([region.code, 1]);
  });

  it("shows only contacts confirmed in kz-services.md", () => {
    for (const s of directory.services.filter((s) => s.contacts_verified)) {
      for (const phone of s.phones ?? []) expect(SOURCED_PHONES, s.id).toContain(phone);
      if (s.url) expect(SOURCED_URLS, s.id).toContain(s.url);
      expect(s.email, s.id).toBeUndefined();
      expect(s.address, s.id).toBeUndefined();
    }
  });

  it("keeps the unverified bodies unverified, each with a route in three languages", () => {
    const unverified = ["commissioner-childrens-rights", "committee-childrens-rights", "bala-qorgau-chat", "cyber-tumar", "un-crc-complaint", "crisis-centres", "guardianship-karaganda"];
    for (const id of unverified) {
      const s = directory.services.find((x) => x.id === id);
      expect(s?.contacts_verified, id).toBe(false);
      for (const lang of LANGS) expect(s?.route?.[lang], id).toBeTruthy();
    }
    for (const s of directory.services.filter((s) => !s.contacts_verified)) {
      expect(s.phones ?? s.url ?? s.email ?? s.address, s.id).toBeUndefined();
    }
  });

  it("has the national numbers of kz-services.md, 24/7 where a current source says so", () => {
    const national = directory.services.filter((s) => s.coverage.national && (s.kind === "emergency" || s.kind === "helpline"));
    const phones = national.flatMap((s) => s.phones ?? []);
    expect(phones.sort()).toEqual(["101", "102", "103", "104", "111", "112", "150"]);
    for (const s of national.filter((s) => s.phones && s.id !== "helpline-150")) expect(s.hours, s.id).toBe("24/7");
    // No 2023–2026 source confirms 150's hours or free calls from mobiles: neither is stated.
    const line150 = national.find((s) => s.id === "helpline-150");
    expect(line150).toMatchObject({ hours: "unknown", free: "unknown" });
    expect(line150?.notes?.en).not.toMatch(/around the clock|24\/7 free|free from landlines/i);
  });

  it("dates a check only where contacts were verified, and cites pages that can be opened again", () => {
    for (const s of directory.services) {
      if (!s.contacts_verified) expect(s.verified_on, s.id).toBeUndefined();
      for (const source of s.sources) expect(new URL(source.url).pathname.length + new URL(source.url).search.length, `${s.id} ${source.url}`).toBeGreaterThan(1);
    }
    // Not one date stamped on everything.
    expect(new Set(directory.services.map((s) => s.verified_on)).size).toBeGreaterThan(1);
  });

  it("does not send children to Bala Qorgau through the school QR code (2025 sources: the codes lead to 111)", () => {
    const chat = directory.services.find((s) => s.id === "bala-qorgau-chat");
    expect(chat?.route?.en).toContain("lead to the 111 contact centre");
    expect(chat?.route?.en).not.toMatch(/join the chat through the QR/i);
  });

  it("uses only known kinds and writes Kazakh in Kazakh", () => {
    for (const s of directory.services) {
      expect(SERVICE_KINDS).toContain(s.kind);
      // Not transliterated Russian: every Kazakh description uses Kazakh letters.
      expect(s.description.kk, s.id).toMatch(KAZAKH_LETTERS);
      expect(s.description.kk, s.id).not.toEqual(s.description.ru);
      if (s.route) expect(s.route.kk, s.id).toMatch(KAZAKH_LETTERS);
    }
  });

  it("keeps the data files free of a BOM and formatted as the CLI writes them", () => {
    const text = readFileSync("data/services/national.json", "utf8");
    expect(text.startsWith("{\n  \"about\"")).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });
});
