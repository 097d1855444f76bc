/**
 * Cases: a user's request to talk to a person, from opening to resolution. Plain values,
 * no grammY: the store keeps them in Redis, the staff desk and the user side show them.
 */
import type { Lang, Risk, Role, Topic } from "../domain.js";
import type { CategoryCode } from "./categories.js";

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
  /**
   * The regional staff group the case belongs to, for life (chosen when it opened); absent: the
   * national group (OPERATOR_CHAT_ID). Its topic, card, relays and raises are all in that group.
   */
  staffChat?: number;
  /**
   * The case came to the national group although its region has a group, because that group
   * had this many cases waiting unclaimed (the overflow rule, rules.routeCase).
   */
  overflow?: number;
  /** What the case was about (categories.ts), chosen when it was resolved. */
  category?: CategoryCode;
  /** An internal note was written when it was resolved (the note is in the transcript). */
  noted?: boolean;
  /** Forum topic of the case in its staff group. */
  threadId?: number;
  /** The case card's message in its topic (edited as the case changes). */
  cardId?: number;
  /**
   * Contact history, for the card: how many earlier cases of the same user are still kept
   * (within the retention), and the outcome and risk of the last one. Never a name.
   */
  earlier?: number;
  lastOutcome?: Outcome;
  lastRisk?: Risk;
  /** How many waiting limits have been raised already. */
  raised: number;
  rating?: number;
  /**
   * The user left by the quick exit (/hide): messages to them are held (parked in the outbox,
   * in order) until they write again.
   */
  held?: boolean;
}

/** Milliseconds an unclaimed case may wait before it is raised again, by risk (WAIT_LIMITS, parsed in config.ts). */
export interface WaitLimits {
  emergency: number;
  high: number;
  other: number;
}

/**
 * How an operator resolves a case (the resolve dialogue): the outcome, the category (required),
 * and an internal note, if any, kept in the transcript as /note keeps notes.
 */
export interface Resolution {
  outcome: Outcome;
  category: CategoryCode;
  note?: string;
}
