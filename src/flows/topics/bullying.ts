/**
 * Bullying, cyberbullying, online threats and sextortion. A child is asked whether it is
 * them or a friend; an adult whether their child (pupil) is bullied or bullies others.
 * Online cases always get the evidence advice, every case ends with 150 and 111.
 */
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const child = profile.role === "child";
  const where = answers.where ?? "school";
  const online = where === "online" || where === "both";
  const atSchool = where === "school" || where === "both";
  const advice: string[] = [];

  if (!child && answers.side === "bully") {
    advice.push("flow-bullying-advice-bully", "flow-bullying-advice-law");
    if (atSchool) advice.push("flow-bullying-advice-school");
    advice.push("flow-bullying-advice-lines");
    return { advice, referralTopic: "bullying", preferKinds: ["school", "helpline"] };
  }

  const threat = answers.threat ?? "none";
  const extortion = threat === "photos" || threat === "money";
  if (child) {
    if (answers.who === "friend") advice.push("flow-bullying-advice-friend");
    // The extortion paragraph says "not your fault" itself.
    else if (!extortion) advice.push("flow-bullying-advice-child");
  }
  if (extortion) advice.push("flow-bullying-advice-extort");
  if (threat === "harm") advice.push("flow-bullying-advice-threat");
  if (online) {
    advice.push("flow-bullying-advice-evidence");
    // General online-safety tips only when nothing more pressing takes the screen.
    if (threat === "none") advice.push("flow-bullying-advice-online");
  }
  if (atSchool) advice.push("flow-bullying-advice-school");
  if (!child) advice.push("flow-bullying-advice-law");
  advice.push("flow-bullying-advice-lines");

  return {
    advice,
    referralTopic: "bullying",
    preferKinds: online ? ["online_safety", "helpline", "school"] : ["school", "helpline"],
    protectContent: threat === "photos",
  };
}

export const bullyingFlow: FlowDef = {
  topic: "bullying",
  intro: "flow-bullying-intro",
  needsRegion: false,
  questions: [
    {
      id: "who",
      ask: "flow-bullying-q-who",
      options: [
        { id: "me", label: "flow-bullying-who-me" },
        { id: "friend", label: "flow-bullying-who-friend" },
      ],
      when: (_answers, profile) => profile.role === "child",
    },
    {
      id: "side",
      ask: "flow-bullying-q-side",
      options: [
        { id: "victim", label: "flow-bullying-side-victim" },
        { id: "bully", label: "flow-bullying-side-bully" },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "where",
      ask: "flow-bullying-q-where",
      options: [
        { id: "school", label: "flow-bullying-where-school" },
        { id: "online", label: "flow-bullying-where-online" },
        { id: "both", label: "flow-bullying-where-both" },
      ],
    },
    {
      id: "threat",
      ask: "flow-bullying-q-threat",
      options: [
        { id: "none", label: "flow-bullying-threat-none" },
        { id: "harm", label: "flow-bullying-threat-harm" },
        { id: "photos", label: "flow-bullying-threat-photos" },
        { id: "money", label: "flow-bullying-threat-money" },
      ],
      when: (answers) => answers.side !== "bully",
    },
  ],
  outcome,
};
