/**
 * The outbox of relayed messages, as the domain sees it. A relay is stored before anything is
 * sent, then delivered; a failed delivery is retried until it succeeds or is reported
 * undeliverable. Redis implements it (storage/outbox.ts), shared by every process.
 */

export type RelayJob =
  /** The case's card (with its buttons) in its topic; the topic is created first when there is none. */
  | { kind: "card"; caseId: number; dir: "to_staff" }
  /**
   * Copy a message between the user's chat and the case's topic (direction says which way).
   * `replyTo`: the message it answers, on the side it comes from (shown as a reply on the other).
   */
  | { kind: "copy"; caseId: number; dir: "to_staff" | "to_user"; fromChat: number; messageId: number; replyTo?: number }
  /** A text from the bot: saved replies to the user, notices in the topic. */
  | {
      kind: "text";
      caseId: number;
      dir: "to_staff" | "to_user";
      text: string;
      /** Inline buttons as [label, callback data] rows. */
      buttons?: Array<Array<[string, string]>>;
    };

/** A relay as a change to a case queues it: the job without its case id (the store fills it in). */
export type RelayDraft = WithoutCase<RelayJob>;
type WithoutCase<J> = J extends unknown ? Omit<J, "caseId"> : never;

/**
 * A job just stored. `leased`: nothing waited before it in its line, so it was leased to this
 * process as it was stored; the caller delivers it now (`Outbox.drain`'s `first`), and if this
 * process dies first, the lease runs out and any process delivers it.
 */
export interface QueuedJob {
  id: string;
  job: RelayJob;
  leased: boolean;
}

/** What a delivery attempt concluded. */
export type DeliveryResult = "sent" | "retry" | "undeliverable" | RetryAfter | Copied;

/**
 * A copy was sent as message `sentAs` on the other side: the outbox remembers the pair (both
 * ways) as it marks the job done, so that an edit or a reply can find its counterpart.
 */
export interface Copied {
  sentAs: number;
}

/** Whether a delivery attempt got the job through. */
export function delivered(result: DeliveryResult): boolean {
  return result === "sent" || (typeof result === "object" && "sentAs" in result);
}

/** Telegram said when to try again (429 retry_after): not before then, and it is no failure of the job. */
export interface RetryAfter {
  retryAfterMs: number;
  /**
   * Telegram refused the destination chat itself for that long (429 retry_after): every line
   * to that chat waits, not only this job's.
   */
  flood?: boolean;
}

export interface Outbox {
  /** Stores a job; it is safe (will be delivered) once this resolves. Returns its id. */
  enqueue(job: RelayJob): Promise<string>;
  /** Stores a job as `enqueue` does, and leases it at once when it is first in its line (to pass to `drain`). */
  enqueueLeased(job: RelayJob): Promise<QueuedJob>;
  /**
   * Delivers what is due, in order: jobs of one case in one direction go out in the order
   * they were queued, and one that fails holds back the later ones of its line. A job that
   * keeps failing is given up and handed to `giveUp` (to report it). Returns how many were sent.
   * `first`: jobs this process just queued; those it leased then are delivered first, without
   * asking for them again, and what else is due is leased as they are marked done.
   */
  drain(
    deliver: (job: RelayJob, attempts: number) => Promise<DeliveryResult>,
    giveUp?: (job: RelayJob) => Promise<void>,
    max?: number,
    first?: readonly QueuedJob[],
  ): Promise<number>;
  /** Jobs stored and not yet delivered. */
  pending(): Promise<number>;
}
