/**
 * The case store, as the domain sees it: what the case service (service.ts) and the desk ask
 * of it. Redis implements it (storage/cases.ts: every change that must not race is one Lua
 * script, so several bot processes on one Redis behave as one).
 */
import type { Risk } from "../domain.js";
import type { Case, Outcome } from "./types.js";

/** What opening a case needs: the case's own fields and the time. */
export type OpenRequest = Pick<Case, "user" | "chatId" | "lang" | "role" | "region" | "topic" | "risk" | "summary"> & {
  now: number;
};

export interface OpenResult {
  case: Case;
  /** "created" a new case, "existing" open one, or "reopened" a recently resolved one. */
  how: "created" | "existing" | "reopened";
}

export type ClaimResult = { ok: true; case: Case } | { ok: false; reason: "missing" | "resolved" | "taken"; by?: number };

export interface TranscriptEntry {
  from: "user" | "operator" | "note" | "system";
  kind: string;
  text?: string;
  at: number;
}

export interface CaseStore {
  /** Opens a case for the user, or returns their open one, or reopens a recent one (raising its risk if higher). */
  open(req: OpenRequest): Promise<OpenResult>;
  get(id: number): Promise<Case | undefined>;
  /** The user's unresolved case, if any. */
  openCaseOf(user: string): Promise<Case | undefined>;
  /** The user's latest case, resolved or not (for reopening and rating). */
  latestCaseOf(user: string): Promise<Case | undefined>;
  byThread(threadId: number): Promise<Case | undefined>;
  setThread(id: number, threadId: number): Promise<void>;
  /** Exactly one operator gets an open case, whichever process they press in. */
  claim(id: number, operator: number, now: number): Promise<ClaimResult>;
  /** Hands a claimed case back to the queue (transfer to another operator). */
  release(id: number): Promise<boolean>;
  /** Resolves (true if it was unresolved); the case and its transcript then expire after the retention period. */
  resolve(id: number, outcome: Outcome, now: number): Promise<boolean>;
  /** Raises the case's risk if `risk` is higher; its place in the queue follows. */
  raiseRisk(id: number, risk: Risk): Promise<boolean>;
  /** Marks the n-th waiting limit as raised; true only for the first process to do it. */
  markRaised(id: number, n: number): Promise<boolean>;
  rate(id: number, rating: number): Promise<void>;
  /** An answer to a check-in reaches the operators: the case may be reopened until `until`. */
  allowReopenUntil(id: number, until: number): Promise<void>;
  /** The user agreed to be asked later how they are: the case id and when, nothing else. */
  scheduleCheckIn(id: number, dueAt: number): Promise<void>;
  hasCheckIn(id: number): Promise<boolean>;
  cancelCheckIn(id: number): Promise<void>;
  /**
   * Check-ins due by `now`, leased for a while (several processes may ask; each gets its
   * own): the caller queues the message and then calls `cancelCheckIn`.
   */
  leaseDueCheckIns(now: number, max?: number, leaseMs?: number): Promise<number[]>;
  /** How many cases wait in the queue (open or claimed). */
  queueLength(): Promise<number>;
  /** Unresolved cases, most urgent first, then longest waiting. */
  queue(limit?: number): Promise<Case[]>;
  /** The case's place in the queue (1 is next), 0 when it is not in it. */
  position(id: number): Promise<number>;
  appendLog(id: number, entry: TranscriptEntry): Promise<void>;
  log(id: number): Promise<TranscriptEntry[]>;
  block(user: string): Promise<void>;
  isBlocked(user: string): Promise<boolean>;
  /** Whether a Telegram user is in the staff group, as cached (undefined: not known). */
  staffFlag(userId: number): Promise<boolean | undefined>;
  setStaffFlag(userId: number, member: boolean): Promise<void>;
  /** /forget: every case of the user, their transcripts, thread links and queue entries. */
  eraseUser(user: string): Promise<void>;
}
