/**
 * Cases: a user's request to talk to a person, from opening to resolution. Plain values,
 * no grammY: the store keeps them in Redis, the staff desk and the user side show them.
 */
import type { Lang, Role, Topic } from "../domain.js";

export type Risk = "emergency" | "high" | "moderate" | "none";
export const RISKS: readonly Risk[] = ["emergency", "high", "moderate", "none"];
/** Lower is more urgent: the queue is ordered by this, then by waiting time. */
export const RISK_RANK: Readonly<Record<Risk, number>> = { emergency: 0, high: 1, moderate: 2, none: 3 };
export const RISK_ICON: Readonly<Record<Risk, string>> = { emergency: "🔴", high: "🟠", moderate: "🟡", none: "⚪" };

export function higherRisk(a: Risk, b: Risk): Risk {
  return RISK_RANK[a] <= RISK_RANK[b] ? a : b;
}
export function isRisk(value: unknown): value is Risk {
  return typeof value === "string" && (RISKS as readonly string[]).includes(value);
}

export type CaseStatus = "open" | "claimed" | "resolved";

export const OUTCOMES = ["helped", "referred", "emergency_services", "no_reply", "abusive", "other"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Case {
  id: number;
  /** Pseudonymous user id (never the Telegram id). */
  user: string;
  /** The private chat to relay to: kept only while the case lives. */
  chatId: number;
  lang: Lang;
  role?: Role;
  region?: string;
  topic?: Topic | "crisis";
  risk: Risk;
  /** What the user said when opening (clipped), for the case card. */
  summary: string;
  status: CaseStatus;
  openedAt: number;
  /** When the current wait began (opening or reopening), for the queue and the limits. */
  waitingSince: number;
  claimedAt?: number;
  /** Staff member who claimed it (staff side only, never shown to the user). */
  claimedBy?: number;
  resolvedAt?: number;
  /** A check-in was sent: an answer to it reopens the case until then, past the usual window. */
  reopenUntil?: number;
  outcome?: Outcome;
  /** Forum topic of the case in the staff group. */
  threadId?: number;
  /** How many waiting limits have been raised already. */
  raised: number;
  rating?: number;
}

/** Milliseconds an unclaimed case may wait before it is raised again, by risk (WAIT_LIMITS, parsed in config.ts). */
export interface WaitLimits {
  emergency: number;
  high: number;
  other: number;
}

export function limitFor(limits: WaitLimits, risk: Risk): number {
  return risk === "emergency" ? limits.emergency : risk === "high" ? limits.high : limits.other;
}

/** How long an answer to a check-in reopens its case (the case must be kept that long too). */
export const CHECK_IN_ANSWER_MS = 48 * 3_600_000;
