/**
 * The case store, as the domain sees it: what the case service (service.ts) and the desk ask
 * of it. Redis implements it (storage/cases.ts: every change that must not race is one Lua
 * script, so several bot processes on one Redis behave as one).
 */
import type { Risk } from "../domain.js";
import type { QueuedJob, RelayDraft } from "./outbox.js";
import type { Case, Resolution } from "./types.js";

/** What opening a case needs: the case's own fields and the time. */
export type OpenRequest = Pick<Case, "user" | "chatId" | "lang" | "role" | "region" | "topic" | "risk" | "summary" | "staffChat" | "overflow"> & {
  now: number;
};

export interface OpenResult {
  case: Case;
  /** "created" a new case, "existing" open one, or "reopened" a recently resolved one. */
  how: "created" | "existing" | "reopened";
}

export type ClaimResult =
  | { ok: true; case: Case; /** The relays given to `claim`, queued with it. */ queued: QueuedJob[] }
  | { ok: false; reason: "missing" | "resolved" | "taken"; by?: number };

/**
 * What resolving did: the resolved case and the relays queued with it, or why nothing changed:
 * the case is gone (or erased), was resolved already, was reopened or began waiting again since
 * the resolver looked at it (`changed`), or no category was given.
 */
export type ResolveOutcome =
  | { ok: true; case: Case; queued: QueuedJob[] }
  | { ok: false; reason: "missing" | "resolved" | "changed" | "uncategorised" };

/** What a message an operator writes in a case topic did to the case (`CaseStore.relayFromTopic`). */
export type TopicRelay =
  | { kind: "none" }
  /** The topic's user erased their data (/forget): nothing reaches anyone any more. */
  | { kind: "erased" }
  | { kind: "closed"; case: Case }
  | {
      kind: "relayed";
      case: Case;
      queued: QueuedJob;
      logged: boolean;
      /** This message claimed the case; `notice` is then the claim's notice, queued with it. */
      claimedNow: boolean;
      notice?: QueuedJob;
    };

/** A forum topic in a staff group: `chat` a regional group's id, none for the national group's. */
export interface TopicRef {
  thread: number;
  chat?: number;
}

/** How long staff membership, once asked of Telegram, is trusted (`CaseStore.setStaffFlag`). */
export const STAFF_FLAG_MS = 5 * 60_000;

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
  /** The case of a forum topic of a staff group (`chat` a regional group's id; none: the national group's). */
  byThread(threadId: number, chat?: number): Promise<Case | undefined>;
  /** The case's forum topic in its group (`chat`, as in byThread), and its card's message when it is known. */
  setThread(id: number, threadId: number, cardId?: number, chat?: number): Promise<void>;
  /**
   * Exactly one operator gets an open case, whichever process they press in. The relays given
   * (the notice in the topic) are queued in the same step, only if this claim won.
   */
  claim(id: number, operator: number, now: number, relays?: RelayDraft[]): Promise<ClaimResult>;
  /** Hands a claimed case back to the queue, only if `by` claimed it (undefined: whoever did, for a supervisor). */
  release(id: number, by?: number): Promise<"released" | "not-claimed" | "not-yours">;
  /** Resolves (true if it was unresolved); the case and its transcript then expire after the retention period. */
  resolve(id: number, resolution: Resolution, now: number): Promise<boolean>;
  /**
   * Resolves as `resolve` does, with the category (required) and the note (kept in the
   * transcript as /note keeps notes) and, only if it was unresolved, queues the relays given
   * (the notice in the topic, the message to the user) in the same step. `seen`: the case's
   * waiting-since when the resolver looked at it; a case reopened since is not resolved.
   */
  resolveAndQueue(id: number, resolution: Resolution, now: number, relays: RelayDraft[], seen?: { waitingSince: number }): Promise<ResolveOutcome>;
  /**
   * An operator's message in the case topic of `thread`, in one step: a resolved case is
   * "closed"; otherwise the case is claimed if it was open, the entry written to its transcript
   * and the relay queued. `logged` false: the transcript was not written (the relay still was).
   */
  relayFromTopic(topic: TopicRef, operator: number, now: number, entry: TranscriptEntry, relay: RelayDraft, claimNotice?: RelayDraft): Promise<TopicRelay>;
  /**
   * A message of the conversation: written to the transcript and queued in one step (`logged`
   * as above). `summary`: the case card's summary, set only while it is empty (`summarised`).
   */
  record(id: number, entry: TranscriptEntry, relay: RelayDraft, now: number, summary?: string): Promise<{ queued: QueuedJob; logged: boolean; summarised: boolean }>;
  /** Raises the case's risk if `risk` is higher; its place in the queue follows. */
  raiseRisk(id: number, risk: Risk): Promise<boolean>;
  /** Marks the n-th waiting limit as raised; true only for the first process to do it. */
  markRaised(id: number, n: number): Promise<boolean>;
  rate(id: number, rating: number): Promise<void>;
  /**
   * The user's rating of their resolved case, in one step: the case and whether a check-in is
   * asked for already; undefined (and nothing stored) for anyone else's case or an open one.
   */
  rateResolved(id: number, user: string, rating: number): Promise<{ case: Case; hasCheckIn: boolean } | undefined>;
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
  /** The case's place among the cases of its staff group nobody has claimed (1 is next), 0 when it is not in the queue. */
  position(id: number): Promise<number>;
  /** How many cases of a regional staff group wait unclaimed (for the overflow rule). */
  waitingIn(chat: number): Promise<number>;
  /** The message id of the case card in its topic (to keep it up to date). */
  setCard(id: number, messageId: number): Promise<void>;
  appendLog(id: number, entry: TranscriptEntry): Promise<void>;
  log(id: number): Promise<TranscriptEntry[]>;
  /**
   * The copy of a relayed message on the other side (or the original a copy was made from):
   * `side` says where `messageId` is, the user's chat or the staff group. Undefined if unknown.
   */
  counterpart(id: number, side: "user" | "staff", messageId: number): Promise<number | undefined>;
  /** The staff group's messages of the conversation (copies of the user's, the operators' own), for /forget. */
  staffMessages(id: number): Promise<number[]>;
  /** Staff topics due for deletion: their case's retention ended, or their user erased their data a day ago. */
  expiredTopics(now: number, max?: number): Promise<TopicRef[]>;
  topicDeleted(topic: TopicRef): Promise<void>;
  /** The quick exit: messages to the user of this (unresolved or resolved) case are held from now on; false if it is not theirs. */
  hold(id: number, user: string): Promise<boolean>;
  /**
   * The user wrote again: their held messages are due now, in order (with their attempts
   * reset: waiting was no failure). True if the case was held.
   */
  unhold(id: number, now: number): Promise<boolean>;
  /** Blocks the user (kept through /forget: the key names only their pseudonym). */
  block(user: string): Promise<void>;
  isBlocked(user: string): Promise<boolean>;
  /** Lifts a block (supervisors); false if there was none. */
  unblock(user: string): Promise<boolean>;
  /** Whether a Telegram user is in a staff group (`chat` as in byThread), as cached, and for how much longer (undefined: not known). */
  staffFlag(userId: number, chat?: number): Promise<{ member: boolean; forMs: number } | undefined>;
  /** Caches membership for every process, for STAFF_FLAG_MS; a member's @username is remembered for /transfer. */
  setStaffFlag(userId: number, member: boolean, username?: string, chat?: number): Promise<void>;
  /** A staff member's Telegram id by @username (known once their membership was asked). */
  staffByName(username: string): Promise<number | undefined>;
  /**
   * Gives the case to a colleague: an open one, or one claimed by `from` (undefined: a
   * supervisor, whoever claimed it).
   */
  transfer(id: number, from: number | undefined, to: number, now: number): Promise<"transferred" | "not-yours" | "closed">;
  /**
   * /forget: every case of the user, their transcripts and queue entries; each case's topic is
   * marked erased for the retention period (an operator writing there is told), and a block stays.
   */
  eraseUser(user: string, now?: number): Promise<void>;
}
