/**
 * Which services to show, in which order (the product design, "Referrals"). Pure: the directory and
 * the request in, the ordered list out; the bot, the console and the tests share it.
 *
 * Order: what the person asked about first — the services the flow names (preferServices, in
 * that order), then the kinds it prefers, each kind a tier of comparably relevant services, then
 * everything else. Within a tier: services of the user's region before national ones; then those
 * that answer now (24/7 or open at the current Kazakhstan time) before those with unknown hours,
 * and those before closed ones; then the nearest; then `priority`, the order of SERVICE_KINDS and
 * the order in the files. So a bullied child gets the school psychologist and 111 before a
 * regional centre, and someone in danger now 112 before any office of their region. A campaign
 * (online_safety: "this is not a helpline") is never first when anything else is shown, and a
 * professional is not referred to the school psychologist (they are the school's staff, often
 * that very person).
 */
import { DANGER_TOPICS, SERVICE_KINDS, type Role, type ServiceKind, type Topic } from "../domain.js";
import { distanceKm, regionForLocation, type LatLon } from "./geo.js";
import { openStatus } from "./hours.js";
import { coverageRegions, type Directory, type Region, type Service } from "./schema.js";

export interface RankOptions {
  topic: Topic;
  /** Who is asking: only services for this audience are shown. */
  audience: Role;
  /** Region code from data/regions.json; without it a shared location picks the region. */
  region?: string;
  /** A location the user shared: picks the region if none is set, and sorts by distance. */
  location?: LatLon;
  now: Date;
  /** Kinds to put first, most wanted first: each kind is a tier, before the services of other kinds. */
  preferKinds?: readonly ServiceKind[];
  /** At most this many (at least 1); for danger topics one that answers now is always kept. */
  limit?: number;
  /** Service ids to put before all others, in this order (150 first for thoughts of suicide). */
  preferServices?: readonly string[];
  /** Service ids not to show (the children's line to an adult victim). */
  excludeServices?: readonly string[];
}

export interface Ranked {
  service: Service;
  /** Whether someone answers at `now`; "unknown" when the hours are not known. */
  openNow: boolean | "unknown";
  /** When closed: the next opening. */
  opensAt?: Date;
  /** Kilometres from the shared location to the service (only when its address is known). */
  distanceKm?: number;
  /** True when the service covers the user's region specifically (not the whole country). */
  regional: boolean;
}

/** The user's region: the chosen one if it exists, else the one around the shared location. */
export function resolveRegion(
  directory: Directory,
  options: Pick<RankOptions, "region" | "location">,
): Region | undefined {
  const chosen = directory.regions.find((r) => r.code === options.region);
  if (chosen) return chosen;
  return options.location ? regionForLocation(options.location.lat, options.location.lon, directory.regions, directory.areas) : undefined;
}

function serves(service: Service, topic: Topic, audience: Role): boolean {
  return service.topics.includes(topic) && service.audience.includes(audience);
}

/** Someone picks up now on a number we can show. */
export function answersNow(ranked: Ranked): boolean {
  return ranked.openNow === true && ranked.service.contacts_verified && (ranked.service.phones?.length ?? 0) > 0;
}

/**
 * Does the directory have regional services for this topic and audience? When the user has
 * given no region, the cards then end with a hint that choosing one shows more.
 */
export function hasRegionalServices(directory: Directory, options: Pick<RankOptions, "topic" | "audience">): boolean {
  return directory.services.some(
    (s) => serves(s, options.topic, options.audience) && coverageRegions(s.coverage) !== "national",
  );
}

function toRanked(service: Service, regional: boolean, options: RankOptions): Ranked {
  const status = openStatus(service.hours, options.now);
  const ranked: Ranked = { service, regional, openNow: status.openNow };
  if (status.opensAt) ranked.opensAt = status.opensAt;
  // A distance only to a place the card names: a service whose address is unknown gets none
  // (a distance to its region's centre would read as the distance to the service).
  if (options.location && service.coordinates && service.address && service.contacts_verified) {
    ranked.distanceKm = distanceKm(options.location, service.coordinates);
  }
  return ranked;
}

const OPEN_ORDER = { true: 0, unknown: 1, false: 2 } as const;

export function rankServices(directory: Directory, options: RankOptions): Ranked[] {
  const region = resolveRegion(directory, options);
  const index = new Map<Service, number>();
  const candidates: Ranked[] = [];
  directory.services.forEach((service, i) => {
    index.set(service, i);
    if (!serves(service, options.topic, options.audience)) return;
    if (options.excludeServices?.includes(service.id)) return;
    if (options.audience === "professional" && service.kind === "school") return;
    const covered = coverageRegions(service.coverage);
    const regional = covered !== "national" && region !== undefined && covered.includes(region.code);
    if (covered !== "national" && !regional) return;
    candidates.push(toRanked(service, regional, options));
  });

  // A national entry without verified contacts only says "ask 111 for the one near you": once
  // the regional entry of the same kind is shown it adds nothing.
  const regionalKinds = new Set(candidates.filter((c) => c.regional).map((c) => c.service.kind));
  const kept = candidates.filter(
    (c) => c.regional || c.service.contacts_verified || !regionalKinds.has(c.service.kind),
  );

  const prefer = options.preferKinds ?? [];
  const preferRank = (kind: ServiceKind) => {
    const i = prefer.indexOf(kind);
    return i < 0 ? prefer.length : i;
  };
  const named = options.preferServices ?? [];
  const namedRank = (id: string) => {
    const i = named.indexOf(id);
    return i < 0 ? named.length : i;
  };
  kept.sort(
    (a, b) =>
      namedRank(a.service.id) - namedRank(b.service.id) ||
      preferRank(a.service.kind) - preferRank(b.service.kind) ||
      Number(b.regional) - Number(a.regional) ||
      OPEN_ORDER[`${a.openNow}`] - OPEN_ORDER[`${b.openNow}`] ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      (b.service.priority ?? 0) - (a.service.priority ?? 0) ||
      SERVICE_KINDS.indexOf(a.service.kind) - SERVICE_KINDS.indexOf(b.service.kind) ||
      (index.get(a.service) ?? 0) - (index.get(b.service) ?? 0),
  );

  // A campaign says of itself that it is not a helpline: it never leads.
  const lead = kept.findIndex((r) => r.service.kind !== "online_safety");
  if (lead > 0) kept.unshift(...kept.splice(lead, 1));
  const limit = options.limit === undefined ? kept.length : Math.max(1, Math.floor(options.limit));
  const result = kept.slice(0, limit);
  if (DANGER_TOPICS.includes(options.topic) && !result.some(answersNow)) {
    const open = kept.slice(limit).find(answersNow) ?? emergencyFallback(directory, options);
    if (open) {
      if (result.length >= limit) result[result.length - 1] = open;
      else result.push(open);
    }
  }
  return result;
}

/** When nothing for the topic answers now: the best national danger service for this audience. */
function emergencyFallback(directory: Directory, options: RankOptions): Ranked | undefined {
  return directory.services
    .filter((s) => serves(s, "danger", options.audience) && coverageRegions(s.coverage) === "national")
    .map((s) => toRanked(s, false, options))
    .filter(answersNow)
    .sort((a, b) => (b.service.priority ?? 0) - (a.service.priority ?? 0))[0];
}
