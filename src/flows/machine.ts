/**
 * A topic flow as a plain state machine. Where a user is in a flow (question, answers so
 * far, the way back) is a small value kept in the session's short-lived flow key; each
 * update is one transition from that value, with no replay and no log of what was sent. A
 * restart or a deploy resumes where the user was; a changed FLOW_VERSION discards old state.
 *
 * Pure: no grammY, no Redis, no texts. The Telegram layer (bot/features/flow.ts) reads an
 * update into a FlowInput, calls `stepFlow`, stores the new state and shows what it says.
 * What the user typed never reaches this module: the Telegram layer turns it into an option
 * id (or into "not an answer") first.
 */
import type { Topic } from "../domain.js";
import type { Answers, FlowDef, FlowProfile } from "./types.js";

/** Bump when FlowState changes shape incompatibly: running flows restart cleanly. */
export const FLOW_VERSION = 3;

/** A question of the flow (its index) or the region picker. */
export type Cursor = number | "region";

/** Where a user is in a flow: kept in the session (the short-lived flow key), no text, no ids. */
export interface FlowState {
  v: typeof FLOW_VERSION;
  topic: Topic;
  at: Cursor;
  /** Question id → option id. */
  answers: Record<string, string>;
  /** The steps answered, for Back. */
  history: Cursor[];
  /** The page of the region picker. */
  page: number;
}

/** What the user did at a step, as the Telegram layer read it. */
export type FlowInput =
  /** An option of a question: its button, or a typed answer the Telegram layer recognised. */
  | { kind: "answer"; question: string; option: string }
  /** A region from the picker (a known code), or null for "skip". */
  | { kind: "region"; code: string | null }
  | { kind: "page"; page: number }
  | { kind: "back" }
  /** "Go on with the flow" (after a crisis reply or a language switch). */
  | { kind: "resume" }
  /** Anything else: a button of another message (`stale`), text that is no answer, a sticker. */
  | { kind: "other"; stale: boolean };

/** What to do after a transition. */
export type FlowStep =
  /**
   * Show the current step of `state`. `edit`: in place of the pressed message when there is
   * one; `intro`: the flow's intro above the question; `notice`: first say why the step is
   * asked again.
   */
  | { kind: "ask"; state: FlowState; edit: boolean; intro: boolean; notice?: "stale" | "not-an-answer" }
  /** The flow is over: show the outcome of `answers`. `region`: the region the user chose now. */
  | { kind: "finish"; topic: Topic; answers: Answers; region?: string; declinedRegion: boolean }
  /** Back from the first question: the user left the flow. */
  | { kind: "left" };

/** A stored value is a flow state of this version (anything else is discarded). */
export function isFlowState(value: unknown): value is FlowState {
  return typeof value === "object" && value !== null && (value as { v?: unknown }).v === FLOW_VERSION;
}

/** The first step of a flow, or its outcome at once when it has nothing to ask. */
export function beginFlow(def: FlowDef, profile: FlowProfile): FlowStep {
  const at = nextCursor(def, -1, {}, profile);
  if (at === undefined) return { kind: "finish", topic: def.topic, answers: {}, declinedRegion: false };
  return { kind: "ask", state: { v: FLOW_VERSION, topic: def.topic, at, answers: {}, history: [], page: 0 }, edit: true, intro: true };
}

/** One transition. Never changes `state`; the step carries the new one. */
export function stepFlow(def: FlowDef, state: FlowState, input: FlowInput, profile: FlowProfile): FlowStep {
  const ask = (next: FlowState, edit = true): FlowStep => ({ kind: "ask", state: next, edit, intro: false });
  switch (input.kind) {
    case "back": {
      const previous = state.history.at(-1);
      if (previous === undefined) return { kind: "left" };
      const answers = { ...state.answers };
      if (typeof previous === "number") delete answers[def.questions[previous]!.id];
      return ask({ ...state, at: previous, answers, history: state.history.slice(0, -1) });
    }
    case "resume":
      return ask(state, false);
    case "page":
      if (state.at === "region") return ask({ ...state, page: Math.max(0, Math.trunc(input.page) || 0) });
      break;
    case "region":
      if (state.at === "region") {
        const region = input.code ?? undefined;
        return { kind: "finish", topic: def.topic, answers: state.answers, region, declinedRegion: input.code === null };
      }
      break;
    case "answer": {
      const q = typeof state.at === "number" ? def.questions[state.at] : undefined;
      if (!q || q.id !== input.question || !q.options.some((o) => o.id === input.option)) break;
      const answers = { ...state.answers, [q.id]: input.option };
      const next = nextCursor(def, state.at as number, answers, profile);
      if (next === undefined) return { kind: "finish", topic: def.topic, answers, declinedRegion: false };
      return ask({ ...state, at: next, answers, page: 0, history: [...state.history, state.at] });
    }
    case "other":
      return { kind: "ask", state, edit: false, intro: false, notice: input.stale ? "stale" : "not-an-answer" };
  }
  // A button of this flow that does not fit the current step (an older message's).
  return { kind: "ask", state, edit: false, intro: false, notice: "stale" };
}

/** The next question to ask after `from` (or the region step, or the end). */
function nextCursor(def: FlowDef, from: number, answers: Answers, profile: FlowProfile): Cursor | undefined {
  for (let i = from + 1; i < def.questions.length; i++) {
    const q = def.questions[i]!;
    if (!q.when || q.when(answers, profile)) return i;
  }
  // Someone in danger right now gets the numbers at once, not a region picker first.
  if (def.needsRegion && !profile.region && !def.outcome(answers, { role: profile.role }).urgency) return "region";
  return undefined;
}
