import { describe, expect, it } from "vitest";
import { DANGER_TOPICS } from "../../src/domain.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import { answersNow, hasRegionalServices, rankServices } from "../../src/directory/rank.js";
import type { Directory, Service } from "../../src/directory/schema.js";
import { SATURDAY_3AM_KZ } from "./helpers.js";

const directory = loadDirectorySync();
const ids = (list: ReturnType<typeof rankServices>) => list.map((r) => r.service.id);

/** An office-hours service for the danger topic, to see closed entries at night. */
const officeLine: Service = {
  id: "test-office-line",
  kind: "helpline",
  name: { kk: "Кеңсе желісі", ru: "Офисная линия", en: "Office line" },
  description: { kk: "Сынақ қызметі", ru: "Тестовая служба", en: "Test service" },
  coverage: { national: true },
  audience: ["child", "parent", "professional"],
  topics: ["danger"],
  url: "https://example.org",
  hours: { weekly: [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "09:00", close: "18:00" }] },
  free: true,
  anonymous: true,
  contacts_verified: true,
  priority: 100,
  sources: [{ url: "https://example.kz/test-fixture" }],
  verified_on: "2026-01-01",
};
const withOffice: Directory = { regions: directory.regions, services: [officeLine, ...directory.services] };

describe("rankServices", () => {
  it("Karaganda, parent, guardianship: the Karaganda guardianship route first, then 111 first among national ones", () => {
    const ranked = rankServices(directory, { topic: "care", audience: "parent", region: "karaganda", now: SATURDAY_3AM_KZ });
    expect(ranked[0]?.service.id).toBe("guardianship-karaganda");
    expect(ranked[0]?.regional).toBe(true);
    expect(ranked.find((r) => !r.regional)?.service.id).toBe("helpline-111");
    // Other regions' bodies are not shown.
    expect(ids(ranked).filter((id) => id.startsWith("guardianship-"))).toEqual(["guardianship-karaganda"]);
    // preferKinds keeps it first even among several regional kinds.
    const preferred = rankServices(directory, { topic: "violence", audience: "parent", region: "karaganda", now: SATURDAY_3AM_KZ, preferKinds: ["guardianship"] });
    expect(ids(preferred).slice(0, 2)).toEqual(["guardianship-karaganda", "family-support-karaganda"]);
  });

  it("a point in Shymkent lists Shymkent services first, with distance", () => {
    const ranked = rankServices(directory, { topic: "feeling_bad", audience: "child", location: { lat: 42.3417, lon: 69.5901 }, now: SATURDAY_3AM_KZ });
    const regional = ranked.filter((r) => r.regional);
    expect(ids(regional)).toEqual(["psych-support-shymkent", "youth-health-shymkent"]);
    expect(ranked.slice(0, 2)).toEqual(regional);
    for (const r of regional) {
      expect(r.distanceKm).toBeGreaterThan(0);
      expect(r.distanceKm).toBeLessThan(10);
      expect(r.distanceToCentreOf?.code).toBe("shymkent");
    }
    // National ones follow, without a distance; the national route-only twin of a regional entry is left out.
    expect(ranked.slice(2).every((r) => !r.regional && r.distanceKm === undefined)).toBe(true);
    expect(ids(ranked)).not.toContain("youth-health-centres");
    expect(ids(ranked)).toContain("helpline-150");
  });

  it("sorts by the service's own coordinates when it has them", () => {
    const near: Service = { ...officeLine, id: "near", coverage: { regions: ["shymkent"] }, topics: ["feeling_bad"], hours: "unknown", coordinates: { lat: 42.3, lon: 69.6 } };
    const far: Service = { ...near, id: "far", coordinates: { lat: 42.5, lon: 69.9 } };
    const dir: Directory = { regions: directory.regions, services: [far, near] };
    const ranked = rankServices(dir, { topic: "feeling_bad", audience: "child", location: { lat: 42.31, lon: 69.6 }, now: SATURDAY_3AM_KZ });
    expect(ids(ranked)).toEqual(["near", "far"]);
    expect(ranked[0]?.distanceToCentreOf).toBeUndefined();
  });

  it("Saturday 03:00 in Kazakhstan, danger: 24/7 services first, closed ones marked with their next opening", () => {
    const ranked = rankServices(withOffice, { topic: "danger", audience: "child", now: SATURDAY_3AM_KZ });
    const firstClosed = ranked.findIndex((r) => r.openNow !== true);
    expect(firstClosed).toBeGreaterThan(0);
    expect(ranked.slice(0, firstClosed).every((r) => r.service.hours === "24/7")).toBe(true);
    // 150's hours are not confirmed by a current source (kz-services.md): it follows the lines known to answer now.
    expect(ids(ranked).slice(0, 3)).toEqual(["emergency-112", "helpline-111", "police-102"]);
    expect(ranked.find((r) => r.service.id === "helpline-150")?.openNow).toBe("unknown");
    const office = ranked.find((r) => r.service.id === "test-office-line");
    expect(office).toMatchObject({ openNow: false, opensAt: new Date("2026-11-23T04:00:00Z") });
    expect(ranked.at(-1)?.service.id).toBe("test-office-line");
    // In office hours the same line is open and, with its priority, leads.
    const monday = rankServices(withOffice, { topic: "danger", audience: "child", now: new Date("2026-11-23T05:00:00Z") });
    expect(monday[0]).toMatchObject({ openNow: true, service: { id: "test-office-line" } });
  });

  it("always keeps one service that answers now for danger topics, whatever the limit", () => {
    const closedFirst = rankServices(withOffice, { topic: "danger", audience: "child", now: SATURDAY_3AM_KZ, preferKinds: ["helpline"], limit: 1 });
    expect(closedFirst).toHaveLength(1);
    expect(answersNow(closedFirst[0]!)).toBe(true);
    for (const topic of DANGER_TOPICS) {
      for (const audience of ["child", "parent", "professional"] as const) {
        const ranked = rankServices(directory, { topic, audience, region: "karaganda", now: SATURDAY_3AM_KZ, limit: 2 });
        expect(ranked.length, `${topic}/${audience}`).toBeLessThanOrEqual(2);
        expect(ranked.some(answersNow), `${topic}/${audience}`).toBe(true);
      }
    }
    // Karaganda parent, violence: two regional route-only entries would fill the list; the last gives way.
    const violence = rankServices(directory, { topic: "violence", audience: "parent", region: "karaganda", now: SATURDAY_3AM_KZ, limit: 2 });
    expect(violence[0]?.regional).toBe(true);
    expect(answersNow(violence[1]!)).toBe(true);
  });

  it("without region or location: national services only, and says regional ones exist", () => {
    const ranked = rankServices(directory, { topic: "family", audience: "parent", now: SATURDAY_3AM_KZ });
    expect(ranked.every((r) => !r.regional && r.service.coverage.national)).toBe(true);
    expect(hasRegionalServices(directory, { topic: "family", audience: "parent" })).toBe(true);
    expect(hasRegionalServices(directory, { topic: "benefits", audience: "parent" })).toBe(false);
  });

  it("filters by topic and audience, and ignores an unknown region code", () => {
    const ranked = rankServices(directory, { topic: "special_needs", audience: "child", region: "atlantis", now: SATURDAY_3AM_KZ });
    expect(ids(ranked)).toEqual(["school-psychologist"]);
    const akimat = rankServices(directory, { topic: "rights", audience: "parent", region: "kostanay", now: SATURDAY_3AM_KZ });
    expect(ids(akimat.filter((r) => r.regional))).toEqual(["ombudsman-kostanay", "akimat-childrens-rights-departments"]);
  });
});
