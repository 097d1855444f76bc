import { describe, expect, it } from "vitest";
import { distanceKm, regionForLocation } from "../../src/directory/geo.js";
import { formatHoursSpec, kzClock, openStatus, parseHoursSpec } from "../../src/directory/hours.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import type { Hours } from "../../src/directory/schema.js";
import { SATURDAY_3AM_KZ } from "./helpers.js";

const OFFICE: Hours = { weekly: [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "09:00", close: "18:00" }] };
const kz = (local: string) => new Date(`${local}+05:00`);

describe("opening hours in Kazakhstan time", () => {
  it("reads the wall clock at UTC+5", () => {
    expect(kzClock(SATURDAY_3AM_KZ)).toEqual({ day: "sat", time: "03:00", date: "2026-11-21" });
  });

  it("knows open, closed and the next opening", () => {
    expect(openStatus(OFFICE, kz("2026-11-23T09:00:00"))).toEqual({ openNow: true });
    expect(openStatus(OFFICE, kz("2026-11-23T17:59:59"))).toEqual({ openNow: true });
    expect(openStatus(OFFICE, kz("2026-11-23T18:00:00"))).toEqual({ openNow: false, opensAt: kz("2026-11-24T09:00:00") });
    expect(openStatus(OFFICE, SATURDAY_3AM_KZ)).toEqual({ openNow: false, opensAt: kz("2026-11-23T09:00:00") });
    expect(openStatus("24/7", SATURDAY_3AM_KZ)).toEqual({ openNow: true });
    expect(openStatus("unknown", SATURDAY_3AM_KZ)).toEqual({ openNow: "unknown" });
  });

  it("handles openings past midnight, Sunday into Monday included", () => {
    const nights: Hours = { weekly: [{ days: ["sun"], open: "22:00", close: "06:00" }] };
    expect(openStatus(nights, kz("2026-11-22T23:00:00")).openNow).toBe(true);
    expect(openStatus(nights, kz("2026-11-23T05:59:00")).openNow).toBe(true);
    expect(openStatus(nights, kz("2026-11-23T06:00:00"))).toEqual({ openNow: false, opensAt: kz("2026-11-29T22:00:00") });
    const lateClose: Hours = { weekly: [{ days: ["sat"], open: "10:00", close: "24:00" }] };
    expect(openStatus(lateClose, kz("2026-11-21T23:59:00")).openNow).toBe(true);
  });

  it("writes and reads the compact CSV form", () => {
    const hours: Hours = {
      weekly: [
        { days: ["mon", "tue", "wed", "fri"], open: "09:00", close: "18:00" },
        { days: ["sat"], open: "10:00", close: "14:00" },
      ],
    };
    expect(formatHoursSpec(hours)).toBe("mon-wed,fri 09:00-18:00; sat 10:00-14:00");
    expect(parseHoursSpec("mon-wed,fri 09:00-18:00; sat 10:00-14:00")).toEqual(hours);
    expect(parseHoursSpec(" 24/7 ")).toBe("24/7");
    expect(() => parseHoursSpec("weekdays 9-18")).toThrow(/not like/);
    expect(() => parseHoursSpec("fri-mon 09:00-18:00")).toThrow(/range of days/);
    expect(() => parseHoursSpec("mon 25:00-26:00")).toThrow(/HH:MM/);
  });
});

describe("geography", () => {
  const { regions } = loadDirectorySync();

  it("measures great-circle distances", () => {
    expect(distanceKm({ lat: 51.1694, lon: 71.4491 }, { lat: 43.238, lon: 76.8829 })).toBeCloseTo(975, -1);
    expect(distanceKm({ lat: 43, lon: 76 }, { lat: 43, lon: 76 })).toBe(0);
  });

  it("places a point in the region of the nearest centre, inside Kazakhstan's box only", () => {
    expect(regionForLocation(42.34, 69.6, regions)?.code).toBe("shymkent");
    expect(regionForLocation(43.25, 76.92, regions)?.code).toBe("almaty_city");
    expect(regionForLocation(49.8, 73.1, regions)?.code).toBe("karaganda");
    expect(regionForLocation(51.17, 71.43, regions)?.code).toBe("astana");
    expect(regionForLocation(55.75, 37.62, regions)).toBeUndefined(); // Moscow
    expect(regionForLocation(Number.NaN, 70, regions)).toBeUndefined();
  });
});
