/**
 * A shared location is placed by the regions' boundaries (data/region-boundaries.json), not by
 * the nearest centre: Kaskelen and Talgar are in Almaty Region (not Almaty city), Saryagash in
 * Turkistan Region (not Shymkent), Tashkent outside Kazakhstan.
 */
import { describe, expect, it } from "vitest";
import { regionForLocation } from "../../src/directory/geo.js";
import { loadDirectorySync } from "../../src/directory/load.js";

const directory = loadDirectorySync();
const placed = (lat: number, lon: number) => regionForLocation(lat, lon, directory.regions, directory.areas)?.code;

describe("placing a shared location", () => {
  it("has the boundaries loaded, every area naming known regions", () => {
    expect(directory.areas?.length).toBeGreaterThan(15);
  });

  it.each([
    ["Kaskelen", 43.2, 76.62, "almaty_region"],
    ["Talgar", 43.3, 77.24, "almaty_region"],
    ["Saryagash", 41.45, 69.17, "turkistan"],
  ] as const)("%s is in its region, though another region's centre is nearer", (_place, lat, lon, code) => {
    expect(placed(lat, lon)).toBe(code);
    // What the nearest centre said before (Almaty city, Shymkent): the reason for boundaries.
    expect(regionForLocation(lat, lon, directory.regions)?.code).not.toBe(code);
  });

  it("Tashkent is outside Kazakhstan, though inside its bounding box", () => {
    expect(placed(41.31, 69.28)).toBeUndefined();
    expect(regionForLocation(41.31, 69.28, directory.regions)).toBeDefined();
  });

  it.each([
    ["Almaty, Abai Avenue", 43.24, 76.9, "almaty_city"],
    ["Astana, Baiterek", 51.128, 71.43, "astana"],
    ["Shymkent centre", 42.3417, 69.5901, "shymkent"],
    ["Turkistan", 43.3, 68.25, "turkistan"],
    ["Semey", 50.41, 80.23, "abai"],
    ["Oskemen", 49.95, 82.6, "east_kz"],
    ["Taldykorgan", 45.02, 78.37, "jetisu"],
    ["Konaev", 43.87, 77.07, "almaty_region"],
    ["Zhezkazgan", 47.8, 67.71, "ulytau"],
    ["Karaganda", 49.8, 73.1, "karaganda"],
    ["Aktau", 43.65, 51.16, "mangystau"],
    ["Uralsk", 51.23, 51.37, "west_kz"],
    ["Bishkek", 42.87, 74.59, undefined],
    ["Omsk", 54.99, 73.37, undefined],
    ["Urumqi", 43.83, 87.62, undefined],
  ] as const)("%s is in %s (undefined: outside Kazakhstan)", (_place, lat, lon, code) => {
    expect(placed(lat, lon)).toBe(code);
  });
});
