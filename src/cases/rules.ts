/**
 * The rules of a case, pure: when a message reopens a resolved case, when a message raises its
 * risk, when a check-in can be offered and when it comes, when operators are on duty, and when
 * an unclaimed case is raised past its waiting limit. No Redis, no Telegram: the service
 * (service.ts) applies them to the store, the desk (bot/desk/) shows what they decided.
 */
import { higherRisk, RISK_RANK, type Risk } from "../domain.js";
import { openStatus, parseHoursSpec } from "../directory/hours.js";
import type { Hours } from "../directory/schema.js";
import type { Case, WaitLimits } from "./types.js";

/** The desk's settings that the rules read (from the config). */
export interface CasePolicy {
  /** When operators are on duty. */
  hours: Hours;
  /** Who may block a user (besides acting as staff). */
  supervisors: readonly number[];
  /** How long after resolving a message from the user reopens the case. */
  reopenWindowMs: number;
  /** How long a resolved case (and its transcript) is kept. */
  retentionMs: number;
  /** How long an unclaimed case waits, by risk, before it is raised in the staff group. */
  limits: WaitLimits;
  /** How many times an unclaimed case is raised again at most. */
  maxRaises: number;
  /** Regional staff groups by region code (STAFF_GROUPS); a region without one goes to the national group. */
  groups?: Readonly<Record<string, number>>;
  /** A regional group with this many cases waiting unclaimed overflows to the national group (STAFF_GROUP_OVERFLOW). */
  overflowAt?: number;
}

/** Where a new case goes: a regional group (`staffChat`), or the national group (none), and why (`overflow`). */
export type Route = Pick<Case, "staffChat" | "overflow">;

/** The regional group a new case of `region` would go to, if the region has one. */
export function regionalGroup(region: string | undefined, policy: Pick<CasePolicy, "groups">): number | undefined {
  return region === undefined ? undefined : policy.groups?.[region];
}

/**
 * The overflow rule: a new case goes to its region's group unless that group already has
 * `overflowAt` cases waiting that nobody has claimed; then to the national group, which is
 * told how many were waiting there. (A soft limit: two cases opened at the same instant may
 * both still go to the regional group.)
 */
export function routeCase(group: number | undefined, waitingThere: number, policy: Pick<CasePolicy, "overflowAt">): Route {
  if (group === undefined) return {};
  return waitingThere >= (policy.overflowAt ?? Number.POSITIVE_INFINITY) ? { overflow: waitingThere } : { staffChat: group };
}

/** How long an answer to a check-in reopens its case (the case must be kept that long too). */
export const CHECK_IN_ANSWER_MS = 48 * 3_600_000;
/** Days after the user's "yes" that the check-in comes. */
export const CHECK_IN_DAYS = 3;
/** Check-ins come in the Kazakhstan daytime only: they must not wake anyone or light up a phone at night. */
const CHECK_IN_HOURS = parseHoursSpec("mon-sun 10:00-19:00");

/** Whether operators are on duty, and if not, when they next are. */
export interface Duty {
  onDuty: boolean;
  opensAt?: Date;
}

export function duty(hours: Hours, now: number): Duty {
  const status = openStatus(hours, new Date(now));
  return { onDuty: status.openNow !== false, opensAt: status.opensAt };
}

/** The waiting limit of a case of this risk. */
export function limitFor(limits: WaitLimits, risk: Risk): number {
  return risk === "emergency" ? limits.emergency : risk === "high" ? limits.high : limits.other;
}

/**
 * How long danger found in a message or a flow is carried into a case the user opens: long
 * enough to read the advice and ask for a person, short enough that an old answer does not
 * put a calm request at the top of the queue.
 */
export const PENDING_MS = 2 * 3_600_000;

/** Whether danger found at `at` still counts for a case opened at `now`. */
export function pendingFresh(at: number, now: number): boolean {
  return now >= at && now - at <= PENDING_MS;
}

/** The risk a new case opens with: what the user just wrote (if graded), or what they asked for, whichever is graver. */
export function openingRisk(pending: Risk | undefined, asked: Risk): Risk {
  return pending === undefined ? asked : higherRisk(pending, asked);
}

/** Whether a message graded `incoming` raises a case of risk `current`. */
export function raisesRisk(current: Risk, incoming: Risk): boolean {
  return RISK_RANK[incoming] > RISK_RANK[current];
}

/** Whether a message from the user at `now` reopens this resolved case (else it stays closed). */
export function canReopen(c: Case, now: number, policy: Pick<CasePolicy, "reopenWindowMs">): boolean {
  if (c.status !== "resolved") return false;
  return now - (c.resolvedAt ?? 0) <= policy.reopenWindowMs || now <= (c.reopenUntil ?? 0);
}

/**
 * Whether a check-in due at `dueAt` (and two days to answer it) comes while the resolved case
 * is still kept; past the retention period the case, and so the check-in, would be gone.
 */
export function checkInFits(c: Case, dueAt: number, policy: Pick<CasePolicy, "retentionMs">): boolean {
  const keptUntil = (c.resolvedAt ?? 0) + policy.retentionMs;
  return c.status === "resolved" && dueAt + CHECK_IN_ANSWER_MS <= keptUntil;
}

/** When a check-in asked for at `now` is sent: three days later, moved into the daytime. */
export function checkInTime(now: number): number {
  const due = now + CHECK_IN_DAYS * 24 * 3_600_000;
  const status = openStatus(CHECK_IN_HOURS, new Date(due));
  return status.openNow === true ? due : (status.opensAt?.getTime() ?? due);
}

/** Whether check-ins may go out at `now` (after an outage the ones due overnight wait for the morning). */
export function isCheckInHour(now: number): boolean {
  return openStatus(CHECK_IN_HOURS, new Date(now)).openNow === true;
}

/**
 * The waiting limit an unclaimed case has just passed and that was not raised yet (1 for the
 * first limit, 2 for twice the limit…), or undefined: nothing to raise now.
 */
export function dueRaise(c: Case, now: number, policy: Pick<CasePolicy, "limits" | "maxRaises">): number | undefined {
  if (c.status !== "open") return undefined;
  const n = Math.floor((now - c.waitingSince) / limitFor(policy.limits, c.risk));
  if (n < 1 || n <= c.raised || c.raised >= policy.maxRaises) return undefined;
  return n;
}
