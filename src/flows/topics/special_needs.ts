/**
 * Special needs and inclusive education: what help is needed and, for school questions,
 * whether the child already has a PMPK report. PMPK first among the cards.
 */
import type { ServiceKind } from "../../domain.js";
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

const asksPmpk = (answers: Answers, profile: FlowProfile): boolean =>
  profile.role !== "child" && (answers.need === "school" || answers.need === "refused");

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const need = answers.need ?? "assess";
  const advice: string[] = [];
  let preferKinds: ServiceKind[] = ["pmpk", "school"];

  if (profile.role === "child") {
    advice.push("flow-special_needs-advice-kid");
  } else {
    const hasReport = answers.pmpk === "yes";
    switch (need) {
      case "school":
        if (!hasReport) advice.push("flow-special_needs-advice-pmpk");
        advice.push("flow-special_needs-advice-school");
        break;
      case "refused":
        advice.push("flow-special_needs-advice-refused");
        if (!hasReport) advice.push("flow-special_needs-advice-pmpk");
        preferKinds = ["pmpk", "ombudsman_regional"];
        break;
      case "support":
        advice.push("flow-special_needs-advice-support");
        preferKinds = ["pmpk", "family_support_centre", "psychological_support"];
        break;
      default:
        advice.push("flow-special_needs-advice-pmpk");
    }
  }
  advice.push("flow-special_needs-advice-where");
  return { advice, referralTopic: "special_needs", preferKinds };
}

export const specialNeedsFlow: FlowDef = {
  topic: "special_needs",
  intro: "flow-special_needs-intro",
  needsRegion: true,
  questions: [
    {
      id: "need",
      ask: "flow-special_needs-q-need",
      options: [
        { id: "assess", label: "flow-special_needs-need-assess", typed: ["оценка", "диагностика", "обследование", "бағалау", "assessment"] },
        { id: "school", label: "flow-special_needs-need-school", typed: ["учеба", "учёба", "обучение", "оқу", "learning"] },
        { id: "refused", label: "flow-special_needs-need-refused", typed: ["отказывает", "отказ", "не берут", "бас тартты", "refuses"] },
        { id: "support", label: "flow-special_needs-need-support", typed: ["поддержка", "поддержка семьи", "қолдау", "support"] },
      ],
    },
    {
      id: "pmpk",
      ask: "flow-special_needs-q-pmpk",
      options: [
        { id: "yes", label: "flow-special_needs-pmpk-yes", typed: ["@yes", "есть заключение"] },
        { id: "no", label: "flow-special_needs-pmpk-no", typed: ["@no"] },
        { id: "unknown", label: "flow-special_needs-pmpk-unknown", typed: ["@unsure", "что это", "что такое пмпк", "бұл не", "what is it", "пмпк это что"] },
      ],
      when: asksPmpk,
    },
  ],
  outcome,
};
