/**
 * Which entries are due for a check, and why: the editors' work list (`npm run directory --
 * stale`, and the warnings of `check`). An entry is due when its contacts are shown but nobody
 * dated a check, when its check is older than the limit, or when its newest source is older
 * than the limit (or carries no date at all): facts age even where no contact is shown.
 * Pure: the caller gives today's date in Kazakhstan.
 */
import { coverageRegions, type Region, type Service } from "./schema.js";

const DAY_MS = 86_400_000;

/** One reason an entry is due, with the field an editor fixes. */
export interface DueReason {
  field: "verified_on" | "sources";
  message: string;
}

/** Days from an ISO date (a month or a year counts from its first day) to today. */
function daysSince(date: string, today: string): number {
  const [y, m = "01", d = "01"] = date.split("-");
  return Math.round((Date.parse(today) - Date.parse(`${y}-${m}-${d}`)) / DAY_MS);
}

/** The newest dated source, by its date ("2025" sorts before "2025-03"). */
export function newestSourceDate(service: Service): string | undefined {
  let newest: string | undefined;
  for (const { date } of service.sources) if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  return newest;
}

/** Why this entry needs a check now; empty when it does not. `today` is YYYY-MM-DD in Kazakhstan. */
export function dueReasons(service: Service, today: string, maxAgeDays: number): DueReason[] {
  const reasons: DueReason[] = [];
  if (service.contacts_verified && service.verified_on === undefined) {
    reasons.push({ field: "verified_on", message: "the contacts are shown but no check is dated: compare them with the sources and set verified_on" });
  } else if (service.verified_on !== undefined && service.verified_on <= today) {
    const age = daysSince(service.verified_on, today);
    if (age > maxAgeDays) {
      reasons.push({ field: "verified_on", message: `last checked ${age} days ago (more than ${maxAgeDays}): re-check against the source` });
    }
  }
  const newest = newestSourceDate(service);
  if (newest === undefined) {
    reasons.push({ field: "sources", message: "no source has a date: find a dated page for these facts" });
  } else {
    const age = daysSince(newest, today);
    if (age > maxAgeDays) reasons.push({ field: "sources", message: `the newest source is from ${newest} (more than ${maxAgeDays} days ago): look for a current one` });
  }
  return reasons;
}

export interface StaleGroup {
  /** A region code, or "national". */
  region: string;
  entries: Array<{ service: Service; reasons: DueReason[] }>;
}

/**
 * Entries due for a check, grouped by where they work: national first, then the regions in
 * file order; an entry covering several regions is listed under each.
 */
export function staleByRegion(services: readonly Service[], regions: readonly Region[], today: string, maxAgeDays: number): StaleGroup[] {
  const groups = new Map<string, StaleGroup>([["national", { region: "national", entries: [] }]]);
  for (const region of regions) groups.set(region.code, { region: region.code, entries: [] });
  for (const service of services) {
    const reasons = dueReasons(service, today, maxAgeDays);
    if (reasons.length === 0) continue;
    const covered = coverageRegions(service.coverage);
    for (const code of covered === "national" ? ["national"] : covered) groups.get(code)?.entries.push({ service, reasons });
  }
  return [...groups.values()].filter((group) => group.entries.length > 0);
}
