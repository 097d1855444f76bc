/**
 * The shape of a guided topic flow. A flow is data: a few questions with button answers and
 * a pure function from the answers to advice and referrals. One state machine
 * (src/flows/machine.ts, shown by src/bot/features/flow.ts) runs every flow, so Back/Menu/Cancel, resuming after a restart,
 * stale buttons and language switches are handled once, not per topic.
 *
 * Every text is a Fluent key (locales/<lang>/flows.ftl). The engine renders each key with
 * the variables `role` ("child" | "parent" | "professional"), so a message can select its
 * wording for the role with a Fluent selector:
 *
 *   flow-bullying-intro = { $role ->
 *       [child] Short, warm words for a child.
 *      *[other] Practical words for adults.
 *   }
 */
import type { Role, ServiceKind, Topic } from "../domain.js";

/** What the user has answered so far: question id → option id. */
export type Answers = Readonly<Record<string, string>>;

/** What the engine knows about the user when it runs a flow. */
export interface FlowProfile {
  role: Role;
  /** Region code from data/regions.json, if the user chose or shared one. */
  region?: string;
}

export interface FlowOption {
  /** Stable id, stored in answers and in callback data (short: a-z, 0-9, _; at most 12 chars). */
  id: string;
  /** Fluent key of the button label. */
  label: string;
}

export interface FlowQuestion {
  /** Stable id (short: a-z, 0-9, _; at most 12 chars). */
  id: string;
  /** Fluent key of the question text. */
  ask: string;
  /** Two to six answers, each one button. */
  options: readonly FlowOption[];
  /** Ask this question only when this returns true (default: always). */
  when?: (answers: Answers, profile: FlowProfile) => boolean;
}

export interface FlowOutcome {
  /** Fluent keys of the advice paragraphs, shown in order before the referral cards. */
  advice: readonly string[];
  /** Directory topic whose services are ranked for the cards. */
  referralTopic: Topic;
  /** Service kinds to put first among the cards (e.g. guardianship for the care topic). */
  preferKinds?: readonly ServiceKind[];
  /** At most this many cards (default 4). */
  maxCards?: number;
  /** Send with protect_content (abuse, self-harm): no forwarding or saving. */
  protectContent?: boolean;
  /**
   * Someone may be in danger: the outcome leads with the emergency numbers and offers a person
   * now, and a case opened soon after starts at this risk ("emergency": it is happening now).
   */
  urgency?: "emergency" | "high";
  /**
   * For a child in danger: the Fluent key of one sentence of what to do. The child then gets
   * one short screen (the numbers, this sentence, a person) and the rest under "More".
   */
  brief?: string;
}

export interface FlowDef {
  topic: Topic;
  /** Fluent key of the first message of the flow (shown once, before the first question). */
  intro: string;
  /** At most five questions, asked in order (some skipped by `when`). */
  questions: readonly FlowQuestion[];
  /** Ask for the region (paged region picker) before the outcome when it is not known yet. */
  needsRegion: boolean;
  /** Pure: the answers and the profile decide the advice and the referrals. */
  outcome(answers: Answers, profile: FlowProfile): FlowOutcome;
}
