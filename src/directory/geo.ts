/**
 * Distances for "find help near me". A shared location is used once, to pick the region and
 * sort by distance; it is never stored.
 */
import type { Region } from "./schema.js";

export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Kazakhstan's bounding box (about 40.6–55.4° N, 46.5–87.3° E, with a small margin). A box,
 * not the border: points just across it (Bishkek, Tashkent, Omsk) fall inside.
 */
export const KZ_BOUNDS = { minLat: 40.5, maxLat: 55.5, minLon: 46.4, maxLon: 87.4 } as const;

export function inKazakhstanBounds(lat: number, lon: number): boolean {
  return lat >= KZ_BOUNDS.minLat && lat <= KZ_BOUNDS.maxLat && lon >= KZ_BOUNDS.minLon && lon <= KZ_BOUNDS.maxLon;
}

/**
 * The region whose centre is nearest to the point, or undefined outside Kazakhstan's box. An
 * approximation of the real border, good enough to pre-select a region the user can change.
 */
export function regionForLocation(lat: number, lon: number, regions: readonly Region[]): Region | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !inKazakhstanBounds(lat, lon)) return undefined;
  let best: Region | undefined;
  let bestKm = Infinity;
  for (const region of regions) {
    const km = distanceKm({ lat, lon }, region.centre);
    if (km < bestKm) {
      best = region;
      bestKm = km;
    }
  }
  return best;
}
