/**
 * Violence or abuse at home: who is affected, what kind, whether there is danger now.
 * Every outcome is sent with content protection; "danger now" makes it urgent.
 */
import type { ServiceKind } from "../../domain.js";
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

function whoAdvice(who: string, role: FlowProfile["role"]): string {
  if (role === "child") {
    if (who === "child") return "flow-violence-advice-friend";
    if (who === "other") return "flow-violence-advice-home";
    return "flow-violence-advice-child";
  }
  if (who === "me") return "flow-violence-advice-dv";
  if (who === "other") return "flow-violence-advice-support";
  return role === "professional" ? "flow-violence-advice-pro" : "flow-violence-advice-parent";
}

const KIND_ADVICE: Readonly<Record<string, string>> = {
  sexual: "flow-violence-advice-sexual",
  neglect: "flow-violence-advice-neglect",
  words: "flow-violence-advice-words",
};

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const who = answers.who ?? "me";
  const kind = answers.kind ?? "hit";
  const now = answers.now === "now";
  const adultVictim = profile.role === "child" ? who === "other" : who !== "child";

  const advice: string[] = [];
  if (now) advice.push("flow-violence-advice-now");
  advice.push(whoAdvice(who, profile.role));
  const kindAdvice = KIND_ADVICE[kind];
  if (kindAdvice) advice.push(kindAdvice);
  // Adults get what the 2024 law changed, unless there is no time for it.
  if (profile.role !== "child" && !now) advice.push("flow-violence-advice-law");
  advice.push("flow-violence-advice-lines");

  let preferKinds: ServiceKind[];
  if (now) preferKinds = ["emergency", "helpline"];
  else if (kind === "neglect") preferKinds = ["guardianship", "helpline"];
  else if (adultVictim) preferKinds = ["crisis_centre", "family_support_centre"];
  else preferKinds = ["helpline", "guardianship", "family_support_centre"];

  return {
    advice,
    referralTopic: "violence",
    preferKinds,
    protectContent: true,
    urgency: now ? "emergency" : undefined,
    brief: now ? "flow-violence-brief" : undefined,
  };
}

export const violenceFlow: FlowDef = {
  topic: "violence",
  intro: "flow-violence-intro",
  needsRegion: true,
  questions: [
    {
      id: "who",
      ask: "flow-violence-q-who",
      options: [
        { id: "me", label: "flow-violence-who-me" },
        { id: "child", label: "flow-violence-who-child" },
        { id: "other", label: "flow-violence-who-other" },
      ],
    },
    {
      id: "kind",
      ask: "flow-violence-q-kind",
      options: [
        { id: "hit", label: "flow-violence-kind-hit" },
        { id: "sexual", label: "flow-violence-kind-sexual" },
        { id: "neglect", label: "flow-violence-kind-neglect" },
        { id: "words", label: "flow-violence-kind-words" },
      ],
    },
    {
      id: "now",
      ask: "flow-violence-q-now",
      options: [
        { id: "now", label: "flow-violence-now-now" },
        { id: "often", label: "flow-violence-now-often" },
        { id: "past", label: "flow-violence-now-past" },
      ],
    },
  ],
  outcome,
};
