/**
 * The metrics port: what the bot reports as it works. Every label comes from a small fixed set
 * (a kind of update, a topic, a risk level): nothing names a user, a chat or what was written.
 * server/metrics.ts implements it with prom-client; `noMetrics` where nobody scrapes.
 */
import type { Risk, Topic } from "./domain.js";

export const UPDATE_KINDS = ["private_message", "private_button", "staff_message", "staff_button", "group", "other"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** What the bot reports as it works; `noMetrics` where nobody scrapes (tests, the console). */
export interface Metrics {
  /** An update was handled in `seconds`; "error" when the user got the apology instead. */
  update(kind: UpdateKind, seconds: number, outcome: "ok" | "error"): void;
  /** An update dropped before handling: a redelivered duplicate, or a user over the flood limit. */
  dropped(reason: "duplicate" | "flood"): void;
  /** Redis could not be reached; the user was answered from memory. */
  storageUnavailable(): void;
  /** The crisis check graded a message above "none". */
  crisis(level: Exclude<Risk, "none">): void;
  flow(topic: Topic, event: "started" | "finished"): void;
  /** A user asked for a person and a new case was opened (or a closed one reopened). */
  caseOpened(risk: Risk, how: "created" | "reopened"): void;
  /** A case waited this long, from when it began waiting, until it was claimed or got its first operator reply. */
  caseWaited(stage: "claim" | "first_reply", risk: Risk, seconds: number): void;
  /** A relayed message was given up (Telegram refused it for good). */
  undeliverable(dir: "to_user" | "to_staff"): void;
}

export const noMetrics: Metrics = {
  update: () => undefined,
  dropped: () => undefined,
  storageUnavailable: () => undefined,
  crisis: () => undefined,
  flow: () => undefined,
  caseOpened: () => undefined,
  caseWaited: () => undefined,
  undeliverable: () => undefined,
};
