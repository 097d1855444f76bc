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

/** The directory's entries (data/services/national.json). */
const POLICE = "police-102";
const CHILDRENS_LINES: readonly string[] = ["helpline-150", "bala-qorgau-chat"];

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
  // A child telling about someone else is not told "if someone touched you".
  if (kindAdvice) advice.push(kind === "sexual" && profile.role === "child" && who !== "me" ? "flow-violence-advice-sexual_other" : kindAdvice);
  // Adults get what the 2024 law changed, unless there is no time for it.
  if (profile.role !== "child" && !now) advice.push("flow-violence-advice-law");
  advice.push("flow-violence-advice-lines");

  // A professional reporting what happens to a child: the police first (the duty to report), then the guardianship body.
  const reporting = profile.role === "professional" && who === "child" && !now && kind !== "neglect";
  let preferKinds: ServiceKind[];
  if (now) preferKinds = adultVictim ? ["emergency", "helpline", "crisis_centre"] : ["emergency", "helpline"];
  else if (kind === "neglect") preferKinds = ["guardianship", "helpline"];
  else if (adultVictim) preferKinds = ["crisis_centre", "family_support_centre", "helpline", "emergency"];
  else if (reporting) preferKinds = ["guardianship", "helpline", "family_support_centre"];
  else preferKinds = ["helpline", "guardianship", "family_support_centre"];

  return {
    advice,
    referralTopic: "violence",
    preferKinds,
    preferServices: reporting ? [POLICE] : undefined,
    // The children's lines (150, the children's rights chat): an adult reading about an adult victim is referred to 111 and the crisis centres.
    excludeServices: profile.role !== "child" && adultVictim ? CHILDRENS_LINES : undefined,
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
        { id: "me", label: "flow-violence-who-me", typed: ["@me"] },
        { id: "child", label: "flow-violence-who-child", typed: ["с братом", "с сестрой", "с другом", "ребенок", "ребёнок", "мой ребенок", "сын", "дочь", "бала", "балам", "інім", "қарындасым", "my child"] },
        { id: "other", label: "flow-violence-who-other", typed: ["с мамой", "маму", "мама", "анам", "анаммен", "взрослый", "mum", "mom", "adult"] },
      ],
    },
    {
      id: "kind",
      ask: "flow-violence-q-kind",
      options: [
        { id: "hit", label: "flow-violence-kind-hit", typed: ["бьют", "бьет", "бьёт", "избивают", "ұрады", "ұрып", "соғады", "hit", "hits", "hitting", "beat", "beats"] },
        { id: "sexual", label: "flow-violence-kind-sexual", typed: ["трогают", "домогаются", "изнасилование", "sexual", "touching"] },
        { id: "neglect", label: "flow-violence-kind-neglect", typed: ["не кормят", "голодный", "тамақ бермейді", "neglect", "no food"] },
        { id: "words", label: "flow-violence-kind-words", typed: ["кричат", "орут", "угрожают", "угрозы", "унижают", "айқайлайды", "ұрсады", "shouting", "yelling", "threats"] },
      ],
    },
    {
      id: "now",
      ask: "flow-violence-q-now",
      options: [
        { id: "now", label: "flow-violence-now-now", typed: ["@yes", "опасно", "сейчас", "қазір", "қауіпті", "now", "unsafe"] },
        { id: "often", label: "flow-violence-now-often", typed: ["часто", "постоянно", "повторяется", "всегда", "жиі", "үнемі", "often", "always"] },
        { id: "past", label: "flow-violence-now-past", typed: ["раньше", "было раньше", "бұрын", "past", "before"] },
      ],
    },
  ],
  outcome,
};
