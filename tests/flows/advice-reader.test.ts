/**
 * Advice speaks to the person reading it (issue 16): every outcome of every flow, walked through
 * the flow machine as the bot walks it, rendered for every role in kk, ru and en as the bot
 * renders it (the reader's role on every text), and the crisis replies too. A child is told what
 * to do for themselves (never "your child"); a parent what to do for their child (never "tell a
 * trusted adult"); a professional their duties (never "your child", never sent to the school
 * psychologist, who may be the reader). Pure: no bot, no Redis.
 */
import { describe, expect, it } from "vitest";
import { LANGS, ROLES, TOPICS, type Lang, type Role, type Topic } from "../../src/domain.js";
import { createI18n } from "../../src/i18n.js";
import { beginFlow, stepFlow, type FlowStep } from "../../src/flows/machine.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import type { Answers, FlowOutcome } from "../../src/flows/types.js";

const texts = createI18n();

interface Ending {
  topic: Topic;
  role: Role;
  answers: Answers;
  outcome: FlowOutcome;
}

/** Every outcome a role can reach in a flow, by pressing every button the machine offers. */
function endings(topic: Topic, role: Role): Ending[] {
  const def = FLOWS[topic];
  const profile = { role };
  const found: Ending[] = [];
  const follow = (step: FlowStep): void => {
    if (step.kind === "left") return;
    if (step.kind === "finish") {
      found.push({ topic, role, answers: step.answers, outcome: def.outcome(step.answers, { role, region: step.region }) });
      return;
    }
    const { state } = step;
    if (state.at === "region") {
      follow(stepFlow(def, state, { kind: "region", code: "shymkent" }, profile));
      return;
    }
    const question = def.questions[state.at]!;
    for (const option of question.options) follow(stepFlow(def, state, { kind: "answer", question: question.id, option: option.id }, profile));
  };
  follow(beginFlow(def, profile));
  return found;
}

const ALL: readonly Ending[] = TOPICS.flatMap((topic) => ROLES.flatMap((role) => endings(topic, role)));

/** The outcome as the reader sees it: the numbers when urgent, the short screen of a child, every advice paragraph. */
function rendered(lang: Lang, e: Ending): string {
  const t = (key: string) => texts.t(lang, key, { role: e.role });
  const parts = e.outcome.advice.map(t);
  if (e.outcome.brief && e.role === "child") parts.unshift(t(e.outcome.brief));
  return parts.join("\n\n");
}

const where = (lang: Lang, e: Ending) => `${lang} ${e.role} ${e.topic} ${JSON.stringify(e.answers)}`;

/** What each reader must never be told, in each language. */
const NEVER: Record<Role, Record<Lang, RegExp>> = {
  // A child has no child of their own to look after.
  child: {
    en: /\byour (child|pupil)\b|\bthe parents pay\b/i,
    ru: /\bваш\p{L}* (реб|дет|учени)/iu,
    kk: /балаңыз|оқушыңыз/iu,
  },
  // "Tell a trusted adult", "ask your parents" are a child's advice.
  parent: {
    en: /\b(an? |any )?adult you trust|trusted adult|tell an adult|ask your parents|your parents can/i,
    ru: /взросл\p{L}*, котор\p{L}* доверя|скажи взрослому|попроси родителей|родители могут позвонить/iu,
    kk: /сенетін ересек|ересекке айт|ересек адамға айт|ата-анаңнан|ата-анаң/iu,
  },
  // A teacher, a school psychologist or a social worker: the child is not theirs, the school
  // psychologist may be the reader, and "tell a trusted adult" is a child's advice.
  professional: {
    en: /\byour (child|son|daughter)\b|\b(an? |any )?adult you trust|trusted adult|tell an adult|school psychologist|paid for you\b|\byou receive\b/i,
    ru: /\bваш\p{L}* (реб|сын|доч)|взросл\p{L}*, котор\p{L}* доверя|школьн\p{L}* психолог|психолог\p{L}* школы|за вас\b|вы получаете/iu,
    kk: /балаңыз|сенетін ересек|ересекке айт|мектеп психолог|сіз үшін.*төлен|аласыз\b/iu,
  },
};

describe("advice speaks to its reader", () => {
  it("walks every flow for every role", () => {
    for (const topic of TOPICS) for (const role of ROLES) expect(endings(topic, role).length, `${topic} ${role}`).toBeGreaterThan(0);
    expect(ALL.length).toBeGreaterThan(150);
  });

  it.each(LANGS)("no outcome tells its reader what is meant for someone else (%s)", (lang) => {
    const wrong: string[] = [];
    for (const e of ALL) {
      const text = rendered(lang, e);
      const hit = NEVER[e.role][lang].exec(text);
      if (hit) wrong.push(`${where(lang, e)}: «${hit[0]}» in ${e.outcome.advice.join(", ")}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(LANGS)("a professional's questions and buttons never say «my child» (%s)", (lang) => {
    const mine = { en: /\bmy (child|son|daughter)/i, ru: /\bмо\p{L}* (реб|сын|доч)/iu, kk: /баламның|баламды|балама\b|балам\b/iu }[lang];
    for (const topic of TOPICS) {
      const def = FLOWS[topic];
      for (const key of [def.intro, ...def.questions.flatMap((q) => [q.ask, ...q.options.map((o) => o.label)])]) {
        expect(texts.t(lang, key, { role: "professional" }), `${topic} ${key}`).not.toMatch(mine);
      }
    }
  });

  it.each(LANGS)("the crisis replies speak to their reader (%s)", (lang) => {
    const keys = ["crisis-emergency", "crisis-high", "crisis-self-harm", "crisis-emergency-self-harm", "crisis-in-case", "crisis-numbers", "crisis-numbers-self-harm", "emergency-numbers"];
    for (const role of ROLES) {
      for (const key of keys) expect(texts.t(lang, key, { role }), `${lang} ${role} ${key}`).not.toMatch(NEVER[role][lang]);
    }
  });

  it.each(LANGS)("thoughts of suicide: a child is pointed to 150 first, an adult to 111 first, with 150 for a child (%s)", (lang) => {
    const reply = (role: Role) => `${texts.t(lang, "crisis-self-harm", { role })}\n\n${texts.t(lang, "crisis-numbers-self-harm", { role })}`;
    const first = (text: string) => /\b(111|150)\b/.exec(text)?.[1];
    expect(first(reply("child"))).toBe("150");
    for (const role of ["parent", "professional"] as const) {
      expect(first(reply(role)), role).toBe("111");
      expect(reply(role)).toMatch(/150/);
      expect(reply(role)).toMatch(/112/);
    }
  });

  /** The one outcome of a path (answers as the machine stores them). */
  const text = (lang: Lang, topic: Topic, role: Role, answers: Answers) => {
    const e = ALL.find((x) => x.topic === topic && x.role === role && JSON.stringify(x.answers) === JSON.stringify(answers));
    expect(e, `${topic} ${role} ${JSON.stringify(answers)} is reachable`).toBeDefined();
    return rendered(lang, e!);
  };

  const DUTY: Record<Lang, { report: RegExp; secret: RegExp; write: RegExp }> = {
    en: { report: /report/i, secret: /don't promise to keep it secret/i, write: /write down/i },
    ru: { report: /сообщите/i, secret: /не обещайте хранить (это в )?тайн/i, write: /запишите/i },
    kk: { report: /хабарла/i, secret: /уәде бермеңіз/i, write: /жазып алыңыз/i },
  };

  it.each(LANGS)("a professional is told their duties: report, write it down, promise no secrecy (%s)", (lang) => {
    const d = DUTY[lang];
    // A pupil who is hit at home.
    const hit = text(lang, "violence", "professional", { who: "child", kind: "hit", now: "often" });
    expect(hit).toMatch(d.report);
    expect(hit).toMatch(d.secret);
    expect(hit).toMatch(d.write);
    expect(hit).toContain("102");
    // A pupil who talks about death.
    const death = text(lang, "feeling_bad", "professional", { who: "child", long: "weeks", harm_c: "talks" });
    expect(death).toMatch(d.secret);
    expect(death).toMatch(d.write);
    // A pupil blackmailed with photos.
    const extort = text(lang, "bullying", "professional", { side: "victim", where: "online", threat: "photos" });
    expect(extort).toMatch(d.report);
    expect(extort).toContain("102");
  });

  it.each(LANGS)("an adult who feels bad themselves is not sent to the youth centres or the school psychologist (%s)", (lang) => {
    const youth = { en: /youth health|school psychologist/i, ru: /молод[её]жн\p{L}* центр|школьн\p{L}* психолог/iu, kk: /жастар денсаулық|мектеп психолог/iu }[lang];
    for (const role of ["parent", "professional"] as const) {
      for (const harm of ["no", "thoughts", "hurt"]) {
        expect(text(lang, "feeling_bad", role, { who: "me", long: "always", harm })).not.toMatch(youth);
      }
    }
    // A child still is.
    expect(text(lang, "feeling_bad", "child", { long: "always", harm: "no" })).toMatch(youth);
  });

  it.each(LANGS)("a child is told to tell an adult, a parent to believe their child (%s)", (lang) => {
    const adult = { en: /adult you trust/i, ru: /взрослому, которому доверяешь/iu, kk: /сенетін ересек/iu }[lang];
    const yourChild = { en: /your child/i, ru: /ребёнку|ребенку/iu, kk: /балаңыз/iu }[lang];
    expect(text(lang, "violence", "child", { who: "me", kind: "hit", now: "often" })).toMatch(adult);
    expect(text(lang, "violence", "parent", { who: "child", kind: "hit", now: "often" })).toMatch(yourChild);
  });

  it.each(LANGS)("a child telling about someone else's sexual abuse is not told «if someone touched you» (%s)", (lang) => {
    const touchedYou = { en: /touched you/i, ru: /тебя трогали/iu, kk: /саған тиіссе/iu }[lang];
    for (const who of ["child", "other"]) {
      const other = text(lang, "violence", "child", { who, kind: "sexual", now: "often" });
      expect(other).not.toMatch(touchedYou);
      expect(other).toMatch({ en: /adult you trust/i, ru: /взрослому, которому доверяешь/iu, kk: /сенетін ересек/iu }[lang]);
    }
    expect(text(lang, "violence", "child", { who: "me", kind: "sexual", now: "often" })).toMatch(touchedYou);
  });
});
