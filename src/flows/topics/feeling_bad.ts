/**
 * Feeling bad: sadness, anxiety, self-harm thoughts. An adult is first asked whether it is
 * about them or a child. The self-harm question is asked of the person themself; a parent
 * or professional is asked about signs in the child instead. Any sign of self-harm makes
 * the outcome urgent (150 and a person now) and content-protected.
 */
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

/** The national helpline of trust for children and youth (its id in data/services/national.json). */
const LINE_150 = "helpline-150";
/** The 111 contact centre: round the clock, free, psychological help for adults too. */
const LINE_111 = "helpline-111";
/** The school psychologist (data/services/education.json): a child's, not an adult's own. */
const SCHOOL_PSYCHOLOGIST = "school-psychologist";

const aboutChild = (answers: Answers, profile: FlowProfile): boolean =>
  profile.role !== "child" && answers.who === "child";

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const long = answers.long ?? "days";
  const advice: string[] = [];

  if (aboutChild(answers, profile)) {
    const signs = answers.harm_c ?? "unsure";
    const risk = signs === "talks" || signs === "hurt";
    if (risk) {
      advice.push("flow-feeling_bad-advice-c_risk", "flow-feeling_bad-advice-places");
    } else {
      if (signs === "unsure") advice.push("flow-feeling_bad-advice-ask");
      advice.push("flow-feeling_bad-advice-support");
      if (long !== "days" || signs === "unsure") advice.push("flow-feeling_bad-advice-places");
    }
    advice.push("flow-feeling_bad-advice-lines");
    return {
      advice,
      referralTopic: "feeling_bad",
      preferKinds: risk ? ["helpline", "emergency"] : ["psychological_support", "youth_health_centre", "school"],
      preferServices: risk ? [LINE_150] : undefined,
      protectContent: risk || signs === "unsure",
      urgency: risk ? "high" : undefined,
    };
  }

  const harm = answers.harm ?? "no";
  const risk = harm !== "no";
  // An adult about themselves: the places for adults, not the youth centres and the school psychologist.
  const places = profile.role === "child" ? "flow-feeling_bad-advice-places" : "flow-feeling_bad-advice-places_adult";
  if (harm === "now") {
    advice.push("flow-feeling_bad-advice-now");
  } else if (risk) {
    advice.push(harm === "hurt" ? "flow-feeling_bad-advice-hurt" : "flow-feeling_bad-advice-thoughts");
    advice.push(places);
  } else if (long === "always") {
    advice.push("flow-feeling_bad-advice-long", places);
  } else {
    advice.push("flow-feeling_bad-advice-cope");
    if (long === "weeks") advice.push(places);
  }
  advice.push("flow-feeling_bad-advice-lines");

  // An adult about themselves: the regional centre and 111, not the school psychologist.
  const calmKinds =
    profile.role === "child"
      ? (["youth_health_centre", "school", "psychological_support"] as const)
      : (["psychological_support", "helpline"] as const);
  return {
    advice,
    referralTopic: "feeling_bad",
    preferKinds: risk ? ["helpline", "emergency"] : calmKinds,
    // 150 first for a child's thoughts of suicide or self-harm (when it is happening now, 112 leads in the numbers above
    // the cards); an adult about themselves 111 first, as the crisis reply says, and 150 after it.
    preferServices: risk ? (profile.role === "child" ? [LINE_150] : [LINE_111, LINE_150]) : undefined,
    excludeServices: profile.role === "child" ? undefined : [SCHOOL_PSYCHOLOGIST],
    protectContent: risk,
    // "Right now" is an emergency; thoughts or harm done are urgent.
    urgency: harm === "now" ? "emergency" : risk ? "high" : undefined,
    brief: harm === "now" ? "flow-feeling_bad-brief" : undefined,
  };
}

export const feelingBadFlow: FlowDef = {
  topic: "feeling_bad",
  intro: "flow-feeling_bad-intro",
  needsRegion: true,
  questions: [
    {
      id: "who",
      ask: "flow-feeling_bad-q-who",
      options: [
        { id: "me", label: "flow-feeling_bad-who-me", typed: ["@me", "обо мне", "өзім туралы", "about me"] },
        { id: "child", label: "flow-feeling_bad-who-child", typed: ["о ребенке", "о ребёнке", "ребенок", "бала туралы", "баламыз", "балам", "my child", "сын", "дочь"] },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "long",
      ask: "flow-feeling_bad-q-long",
      options: [
        { id: "days", label: "flow-feeling_bad-long-days", typed: ["пару дней", "несколько дней", "дня", "дней", "күн", "days", "few days"] },
        { id: "weeks", label: "flow-feeling_bad-long-weeks", typed: ["недели", "две недели", "апта", "екі апта", "weeks", "two weeks"] },
        { id: "always", label: "flow-feeling_bad-long-always", typed: ["давно", "всегда", "месяц", "больше месяца", "месяцы", "көптен бері", "көптен", "ұзақ", "long time", "months", "always"] },
      ],
    },
    {
      id: "harm",
      ask: "flow-feeling_bad-q-harm",
      options: [
        { id: "no", label: "flow-feeling_bad-harm-no", typed: ["@no"] },
        { id: "thoughts", label: "flow-feeling_bad-harm-thoughts", typed: ["иногда", "бывают", "кейде", "sometimes", "occasionally"] },
        { id: "now", label: "flow-feeling_bad-harm-now", typed: ["прямо сейчас", "дәл қазір", "right now"] },
        { id: "hurt", label: "flow-feeling_bad-harm-hurt", typed: ["уже делаю", "режу себя", "already"] },
      ],
      when: (answers, profile) => !aboutChild(answers, profile),
    },
    {
      id: "harm_c",
      ask: "flow-feeling_bad-q-harm_c",
      options: [
        { id: "no", label: "flow-feeling_bad-harm_c-no", typed: ["@no"] },
        { id: "talks", label: "flow-feeling_bad-harm_c-talks", typed: ["өлім туралы"] },
        { id: "hurt", label: "flow-feeling_bad-harm_c-hurt" },
        { id: "unsure", label: "flow-feeling_bad-harm_c-unsure", typed: ["@unsure"] },
      ],
      when: aboutChild,
    },
  ],
  outcome,
};
