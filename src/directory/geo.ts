/**
 * Distances for "find help near me". A shared location is used once, to pick the region and
 * sort by distance; it is never stored.
 */
import type { Area, Region } from "./schema.js";

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

/** Whether a point is inside a ring of [lon, lat] (ray casting; a point on the edge may go either way). */
function inRing(lat: number, lon: number, ring: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inArea(lat: number, lon: number, area: Area): boolean {
  return area.polygons.some(([outer, ...holes]) => inRing(lat, lon, outer!) && !holes.some((hole) => inRing(lat, lon, hole)));
}

function nearestCentre(point: LatLon, regions: readonly Region[]): Region | undefined {
  let best: Region | undefined;
  let bestKm = Infinity;
  for (const region of regions) {
    const km = distanceKm(point, region.centre);
    if (km < bestKm) {
      best = region;
      bestKm = km;
    }
  }
  return best;
}

/**
 * The region a point lies in: by the regions' areas (data/region-boundaries.json, the first
 * area that contains it; within an oblast split in 2022, the successor whose centre is nearer),
 * and undefined outside them all (Tashkent). Without areas, the region whose centre is nearest,
 * inside Kazakhstan's box. The bot confirms the region with the user either way.
 */
export function regionForLocation(lat: number, lon: number, regions: readonly Region[], areas?: readonly Area[]): Region | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !inKazakhstanBounds(lat, lon)) return undefined;
  if (areas === undefined) return nearestCentre({ lat, lon }, regions);
  const area = areas.find((a) => inArea(lat, lon, a));
  if (area === undefined) return undefined;
  return nearestCentre({ lat, lon }, regions.filter((r) => area.regions.includes(r.code)));
}
