/**
 * Children without parental care: guardianship, adoption and foster families, professional
 * foster families (from 1 July 2025), and a child left without care. Adults and children
 * get different first questions. Every outcome ends with the route: the guardianship body
 * of the district/city akimat, or 111 for its contacts.
 */
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

const leftAlone = (answers: Answers, profile: FlowProfile): boolean =>
  profile.role === "child" ? answers.kid === "alone" : answers.what === "alone";

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const advice: string[] = [];
  const alone = leftAlone(answers, profile);
  const noShelter = alone && answers.safe === "no";
  if (noShelter) advice.push("flow-care-advice-nosafe");

  if (profile.role === "child") {
    advice.push(alone ? "flow-care-advice-kid_alone" : "flow-care-advice-kid_family");
  } else if (alone) {
    advice.push("flow-care-advice-alone");
  } else if (answers.what === "adopt") {
    advice.push("flow-care-advice-adopt");
  } else if (answers.what === "prof") {
    advice.push("flow-care-advice-prof");
  } else {
    advice.push("flow-care-advice-guardian");
  }
  advice.push("flow-care-advice-route");

  return {
    advice,
    referralTopic: "care",
    preferKinds: noShelter ? ["guardianship", "emergency", "helpline"] : ["guardianship", "helpline"],
    urgency: noShelter ? "high" : undefined,
  };
}

export const careFlow: FlowDef = {
  topic: "care",
  intro: "flow-care-intro",
  needsRegion: true,
  questions: [
    {
      id: "what",
      ask: "flow-care-q-what",
      options: [
        { id: "guardian", label: "flow-care-what-guardian", typed: ["опека", "опеку", "опекун", "қорғаншы", "қорғаншылық", "guardian", "guardianship"] },
        { id: "adopt", label: "flow-care-what-adopt", typed: ["усыновление", "усыновить", "приемная семья", "асырап алу", "adopt", "adoption", "foster"] },
        { id: "prof", label: "flow-care-what-prof", typed: ["профессиональная", "кәсіби", "professional"] },
        { id: "alone", label: "flow-care-what-alone", typed: ["без присмотра", "без заботы", "брошен", "қамқорсыз", "alone"] },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "kid",
      ask: "flow-care-q-kid",
      options: [
        { id: "alone", label: "flow-care-kid-alone", typed: ["никто не заботится", "ешкім", "nobody"] },
        { id: "family", label: "flow-care-kid-family", typed: ["у бабушки", "у родных", "у родственников", "туыстарымда", "әжемде", "relatives", "grandma"] },
      ],
      when: (_answers, profile) => profile.role === "child",
    },
    {
      id: "safe",
      ask: "flow-care-q-safe",
      options: [
        { id: "yes", label: "flow-care-safe-yes", typed: ["@yes"] },
        { id: "no", label: "flow-care-safe-no", typed: ["@no", "жоқ жер"] },
      ],
      when: leftAlone,
    },
  ],
  outcome,
};
