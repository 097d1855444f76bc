/**
 * Danger right now: who is in danger and whether it is happening now. Always urgent: the
 * engine leads with the emergency numbers, the advice then says what to do meanwhile.
 * No region question: 112, 102, 103, 150 and 111 are national.
 */
import type { Answers, FlowDef, FlowOutcome } from "../types.js";

function outcome(answers: Answers): FlowOutcome {
  const who = answers.who ?? "me";
  const now = answers.now ?? "now";
  const advice = ["flow-danger-advice-call"];
  if (now === "past") advice.push("flow-danger-advice-after");
  else if (now === "soon") advice.push("flow-danger-advice-soon");
  else advice.push(who === "me" ? "flow-danger-advice-safe" : "flow-danger-advice-help");
  advice.push("flow-danger-advice-lines");
  return {
    advice,
    referralTopic: "danger",
    preferKinds: ["emergency", "helpline"],
    maxCards: 3,
    // Whatever the danger is, it may be violence or self-harm: keep the reply from being forwarded.
    protectContent: true,
    // Happening now is an emergency; what happened or is feared is still urgent.
    urgency: now === "now" ? "emergency" : "high",
    brief: now === "now" ? (who === "me" ? "flow-danger-brief-me" : "flow-danger-brief-other") : undefined,
  };
}

export const dangerFlow: FlowDef = {
  topic: "danger",
  intro: "flow-danger-intro",
  needsRegion: false,
  questions: [
    {
      id: "who",
      ask: "flow-danger-q-who",
      options: [
        { id: "me", label: "flow-danger-who-me" },
        { id: "child", label: "flow-danger-who-child" },
        { id: "other", label: "flow-danger-who-other" },
      ],
    },
    {
      id: "now",
      ask: "flow-danger-q-now",
      options: [
        { id: "now", label: "flow-danger-now-now" },
        { id: "past", label: "flow-danger-now-past" },
        { id: "soon", label: "flow-danger-now-soon" },
      ],
    },
  ],
  outcome,
};
