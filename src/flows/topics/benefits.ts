/**
 * Money and benefits: the National Fund for Children and the childcare benefit to 1.5
 * years. A child (teen) is only asked about the National Fund for Children. National
 * topic: no region question.
 */
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

const aboutFund = (answers: Answers, profile: FlowProfile): boolean =>
  profile.role === "child" || answers.what === "fund";

/** The directory's entries (data/services/benefits.json): the benefit asked about comes first, then the 1414 contact centre. */
const FUND = "national-fund-for-children";
const CHILDCARE = "childcare-benefit";
const LINE_1414 = "egov-1414";

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const advice: string[] = [];
  let preferServices: readonly string[];
  if (aboutFund(answers, profile)) {
    preferServices = [FUND, LINE_1414];
    advice.push("flow-benefits-advice-fund");
    advice.push(answers.fq === "use" ? "flow-benefits-advice-fund_use" : "flow-benefits-advice-fund_bal");
    advice.push("flow-benefits-advice-1414");
  } else if (answers.what === "childcare") {
    preferServices = [CHILDCARE, LINE_1414];
    const ins = answers.ins ?? "unsure";
    if (ins !== "no") advice.push("flow-benefits-advice-cc_ins");
    if (ins !== "yes") advice.push("flow-benefits-advice-cc_allow");
    advice.push("flow-benefits-advice-cc_apply", "flow-benefits-advice-1414");
  } else {
    preferServices = [LINE_1414];
    advice.push("flow-benefits-advice-other");
  }
  return { advice, referralTopic: "benefits", preferKinds: ["benefits"], preferServices };
}

export const benefitsFlow: FlowDef = {
  topic: "benefits",
  intro: "flow-benefits-intro",
  needsRegion: false,
  questions: [
    {
      id: "what",
      ask: "flow-benefits-q-what",
      options: [
        { id: "fund", label: "flow-benefits-what-fund", typed: ["нацфонд", "национальный фонд", "ұлттық қор", "national fund"] },
        { id: "childcare", label: "flow-benefits-what-childcare", typed: ["декрет", "декретные", "уход за ребенком", "бала күтімі", "childcare", "maternity"] },
        { id: "other", label: "flow-benefits-what-other", typed: ["другие", "другие выплаты", "басқа", "other"] },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "fq",
      ask: "flow-benefits-q-fq",
      options: [
        { id: "balance", label: "flow-benefits-fq-balance", typed: ["сколько", "накоплено", "накопилось", "баланс", "қанша", "balance", "how much"] },
        { id: "use", label: "flow-benefits-fq-use", typed: ["когда", "когда можно получить", "на что", "қашан", "when"] },
      ],
      when: aboutFund,
    },
    {
      id: "ins",
      ask: "flow-benefits-q-ins",
      options: [
        { id: "yes", label: "flow-benefits-ins-yes", typed: ["@yes", "работаю", "жұмыс істеймін"] },
        { id: "no", label: "flow-benefits-ins-no", typed: ["@no"] },
        { id: "unsure", label: "flow-benefits-ins-unsure", typed: ["@unsure"] },
      ],
      when: (answers, profile) => profile.role !== "child" && answers.what === "childcare",
    },
  ],
  outcome,
};
