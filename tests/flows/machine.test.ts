/**
 * The flow state machine alone (flows/machine.ts): pure transitions, no Telegram, no Redis.
 * The Telegram side is tested through the fake transport in tests/bot/flow-engine.test.ts.
 */
import { describe, expect, it } from "vitest";
import { beginFlow, FLOW_VERSION, type FlowState, type FlowStep, isFlowState, stepFlow } from "../../src/flows/machine.js";
import type { FlowDef } from "../../src/flows/types.js";

const def: FlowDef = {
  topic: "family",
  intro: "intro",
  needsRegion: true,
  questions: [
    { id: "who", ask: "q1", options: [{ id: "me", label: "a" }, { id: "other", label: "b" }] },
    { id: "now", ask: "q2", options: [{ id: "yes", label: "a" }, { id: "no", label: "b" }], when: (a) => a.who === "me" },
    { id: "more", ask: "q3", options: [{ id: "x", label: "a" }, { id: "y", label: "b" }] },
  ],
  outcome: (answers) => ({ advice: [], referralTopic: "family", urgency: answers.now === "yes" ? "emergency" : undefined }),
};
const parent = { role: "parent" as const };

function asked(step: FlowStep): FlowState {
  if (step.kind !== "ask") throw new Error(`expected a question, got ${step.kind}`);
  return step.state;
}

describe("the flow state machine", () => {
  it("starts at the first question with the intro, editing the pressed menu", () => {
    const step = beginFlow(def, parent);
    expect(step).toMatchObject({ kind: "ask", intro: true, edit: true, state: { at: 0, answers: {}, history: [], v: FLOW_VERSION } });
  });

  it("skips a question whose `when` is false, then asks the region, then finishes with it", () => {
    let state = asked(beginFlow(def, parent));
    state = asked(stepFlow(def, state, { kind: "answer", question: "who", option: "other" }, parent));
    expect(state.at).toBe(2);
    state = asked(stepFlow(def, state, { kind: "answer", question: "more", option: "x" }, parent));
    expect(state.at).toBe("region");
    state = asked(stepFlow(def, state, { kind: "page", page: 1 }, parent));
    expect(state.page).toBe(1);
    expect(stepFlow(def, state, { kind: "region", code: "almaty_city" }, parent)).toEqual({
      kind: "finish",
      topic: "family",
      answers: { who: "other", more: "x" },
      region: "almaty_city",
      declinedRegion: false,
    });
    expect(stepFlow(def, state, { kind: "region", code: null }, parent)).toMatchObject({ kind: "finish", declinedRegion: true });
  });

  it("someone in danger now is not asked for a region; a known region is not asked again", () => {
    let state = asked(beginFlow(def, parent));
    state = asked(stepFlow(def, state, { kind: "answer", question: "who", option: "me" }, parent));
    state = asked(stepFlow(def, state, { kind: "answer", question: "now", option: "yes" }, parent));
    expect(stepFlow(def, state, { kind: "answer", question: "more", option: "y" }, parent)).toMatchObject({ kind: "finish" });
    const known = { role: "parent" as const, region: "abai" };
    let other = asked(beginFlow(def, known));
    other = asked(stepFlow(def, other, { kind: "answer", question: "who", option: "other" }, known));
    expect(stepFlow(def, other, { kind: "answer", question: "more", option: "x" }, known)).toMatchObject({ kind: "finish", answers: { who: "other", more: "x" } });
  });

  it("Back undoes the last answer; Back at the first question leaves", () => {
    const first = asked(beginFlow(def, parent));
    const second = asked(stepFlow(def, first, { kind: "answer", question: "who", option: "me" }, parent));
    const back = asked(stepFlow(def, second, { kind: "back" }, parent));
    expect(back).toEqual(first);
    expect(stepFlow(def, first, { kind: "back" }, parent)).toEqual({ kind: "left" });
  });

  it("a button of another step or an answer that is no option asks the same step again, in a new message", () => {
    const first = asked(beginFlow(def, parent));
    for (const input of [
      { kind: "answer", question: "more", option: "x" },
      { kind: "answer", question: "who", option: "nobody" },
      { kind: "region", code: "abai" },
      { kind: "page", page: 2 },
    ] as const) {
      expect(stepFlow(def, first, input, parent)).toEqual({ kind: "ask", state: first, edit: false, intro: false, notice: "stale" });
    }
    expect(stepFlow(def, first, { kind: "other", stale: false }, parent)).toMatchObject({ notice: "not-an-answer", state: first });
    expect(stepFlow(def, first, { kind: "resume" }, parent)).toEqual({ kind: "ask", state: first, edit: false, intro: false });
  });

  it("never changes the state it is given", () => {
    const first = asked(beginFlow(def, parent));
    const copy = structuredClone(first);
    stepFlow(def, first, { kind: "answer", question: "who", option: "me" }, parent);
    stepFlow(def, first, { kind: "back" }, parent);
    expect(first).toEqual(copy);
  });

  it("state of another version is not a flow state (it is dropped, the user starts again)", () => {
    expect(isFlowState(asked(beginFlow(def, parent)))).toBe(true);
    expect(isFlowState({ topic: "family", at: 0, answers: {}, history: [], page: 0 })).toBe(false);
    expect(isFlowState({ v: FLOW_VERSION - 1, topic: "family", at: 0 })).toBe(false);
    expect(isFlowState(null)).toBe(false);
  });
});
