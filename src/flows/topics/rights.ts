/**
 * My rights and complaints: the Convention on the Rights of the Child, the Commissioner
 * and the regional ombudsmen, 111, and the individual complaint to the UN Committee once
 * national remedies are used up. Adults and children get different first questions.
 */
import type { ServiceKind } from "../../domain.js";
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

const OMBUDSMEN: readonly ServiceKind[] = ["ombudsman_regional", "ombudsman_national", "children_rights_body"];

function childOutcome(answers: Answers): FlowOutcome {
  const kid = answers.kid ?? "know";
  const first =
    kid === "broken"
      ? "flow-rights-advice-kid_broken"
      : kid === "nohelp"
        ? "flow-rights-advice-kid_nohelp"
        : "flow-rights-advice-crc";
  return {
    advice: [first, "flow-rights-advice-ombuds", "flow-rights-advice-111"],
    referralTopic: "rights",
    // The ombudsman of the child's region when it is known, else 111 before the national bodies.
    preferKinds: ["ombudsman_regional", "helpline", "ombudsman_national", "children_rights_body"],
  };
}

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  if (profile.role === "child") return childOutcome(answers);
  const what = answers.what ?? "know";
  const tried = answers.tried ?? "no";
  let advice: string[];
  let preferKinds: readonly ServiceKind[] = OMBUDSMEN;

  if (what === "know") {
    advice = ["flow-rights-advice-crc", "flow-rights-advice-ombuds", "flow-rights-advice-111"];
  } else if (what === "un") {
    advice =
      tried === "court"
        ? ["flow-rights-advice-un", "flow-rights-advice-111"]
        : ["flow-rights-advice-un", "flow-rights-advice-first", "flow-rights-advice-ombuds"];
    preferKinds = ["international", ...OMBUDSMEN];
  } else if (tried === "no") {
    advice = ["flow-rights-advice-start", "flow-rights-advice-ombuds", "flow-rights-advice-111"];
  } else if (tried === "org") {
    advice = ["flow-rights-advice-ombuds", "flow-rights-advice-111"];
  } else {
    advice = ["flow-rights-advice-ombuds", "flow-rights-advice-un", "flow-rights-advice-111"];
    preferKinds = [...OMBUDSMEN, "international"];
  }
  return { advice, referralTopic: "rights", preferKinds };
}

export const rightsFlow: FlowDef = {
  topic: "rights",
  intro: "flow-rights-intro",
  needsRegion: true,
  questions: [
    {
      id: "what",
      ask: "flow-rights-q-what",
      options: [
        { id: "know", label: "flow-rights-what-know", typed: ["права", "права ребенка", "құқықтар", "rights"] },
        { id: "broken", label: "flow-rights-what-broken", typed: ["нарушены", "нарушают", "бұзылды", "violated"] },
        { id: "un", label: "flow-rights-what-un", typed: ["ООН", "БҰҰ", "UN", "комитет", "committee"] },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "kid",
      ask: "flow-rights-q-kid",
      options: [
        { id: "know", label: "flow-rights-kid-know", typed: ["узнать права", "знать свои права", "білгім келеді"] },
        { id: "broken", label: "flow-rights-kid-broken", typed: ["нарушают", "бұзылып"] },
        { id: "nohelp", label: "flow-rights-kid-nohelp", typed: ["не помогло", "жаловался", "жаловалась", "көмектеспеді", "didn't help"] },
      ],
      when: (_answers, profile) => profile.role === "child",
    },
    {
      id: "tried",
      ask: "flow-rights-q-tried",
      options: [
        { id: "no", label: "flow-rights-tried-no", typed: ["никуда", "нигде", "ешқайда", "nowhere"] },
        { id: "org", label: "flow-rights-tried-org", typed: ["школа", "в школу", "больница", "акимат", "мектепке", "әкімдік", "school", "hospital", "akimat"] },
        { id: "court", label: "flow-rights-tried-court", typed: ["суд", "сотқа", "сот", "court"] },
      ],
      when: (answers, profile) => profile.role !== "child" && (answers.what === "broken" || answers.what === "un"),
    },
  ],
  outcome,
};
