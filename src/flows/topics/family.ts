/**
 * Family difficulties: conflict, divorce, parenting, hardship. Conflict and divorce are
 * followed by a screening question: if anyone at home is afraid or gets hurt, the outcome
 * turns to violence (content-protected, crisis centres first).
 */
import type { Answers, FlowDef, FlowOutcome } from "../types.js";

const WHAT_ADVICE: Readonly<Record<string, string>> = {
  conflict: "flow-family-advice-conflict",
  divorce: "flow-family-advice-divorce",
  parenting: "flow-family-advice-parenting",
  hardship: "flow-family-advice-hardship",
};

const asksSafety = (answers: Answers): boolean => answers.what === "conflict" || answers.what === "divorce";

function outcome(answers: Answers): FlowOutcome {
  const advice = [WHAT_ADVICE[answers.what ?? "conflict"] ?? "flow-family-advice-conflict"];
  const safe = asksSafety(answers) ? (answers.safe ?? "no") : "no";
  const unsafe = safe === "yes" || safe === "unsure";
  if (unsafe) advice.push("flow-family-advice-unsafe");
  advice.push("flow-family-advice-centres");
  return {
    advice,
    referralTopic: safe === "yes" ? "violence" : "family",
    preferKinds: safe === "yes" ? ["crisis_centre", "family_support_centre"] : ["family_support_centre"],
    protectContent: unsafe,
  };
}

export const familyFlow: FlowDef = {
  topic: "family",
  intro: "flow-family-intro",
  needsRegion: true,
  questions: [
    {
      id: "what",
      ask: "flow-family-q-what",
      options: [
        { id: "conflict", label: "flow-family-what-conflict", typed: ["ссорятся", "ссоры", "ругаются", "конфликт", "ұрыс", "ұрысады", "ұрсысады", "жанжал", "arguing", "fighting", "conflict"] },
        { id: "divorce", label: "flow-family-what-divorce", typed: ["развод", "разводятся", "ажырасу", "ажырасып", "divorce", "separation"] },
        { id: "parenting", label: "flow-family-what-parenting", typed: ["воспитание", "трудно с ребенком", "не слушается", "тәрбие", "parenting"] },
        { id: "hardship", label: "flow-family-what-hardship", typed: ["деньги", "денег нет", "работу", "потерял работу", "ақша", "ақша жетпейді", "money", "job"] },
      ],
    },
    {
      id: "safe",
      ask: "flow-family-q-safe",
      options: [
        { id: "no", label: "flow-family-safe-no", typed: ["@no"] },
        { id: "yes", label: "flow-family-safe-yes", typed: ["@yes", "бывает", "болады", "bolady"] },
        { id: "unsure", label: "flow-family-safe-unsure", typed: ["@unsure"] },
      ],
      when: asksSafety,
    },
  ],
  outcome,
};
