/**
 * The cards in the order that serves the reader (issue 16, "Short, right, in order"): 150 first
 * for thoughts of suicide (after 112 when it is happening now), a campaign never first, no
 * children's line for an adult victim, no school psychologist for a professional; every card
 * says cost and anonymity, and hours only where hours mean something.
 */
import { describe, expect, it } from "vitest";
import type { Lang, Role } from "../../src/domain.js";
import { createI18n, translator } from "../../src/i18n.js";
import { loadReferrals } from "../../src/directory/referrals.js";
import { rankServices } from "../../src/directory/rank.js";
import type { Directory, Service } from "../../src/directory/schema.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import type { Answers } from "../../src/flows/types.js";
import { REGIONS } from "../flows/e2e-helpers.js";

const texts = createI18n();
const { directory, referrals } = loadReferrals((lang, key, vars) => texts.t(lang, key, vars));
const NOW = new Date("2026-03-14T13:00:00Z");

/** The ids of the cards a flow ends with, as the bot asks for them. */
function cardsAfter(topic: keyof typeof FLOWS, answers: Answers, role: Role, region?: string): string[] {
  const outcome = FLOWS[topic].outcome(answers, { role, region });
  return rankServices(directory, {
    topic: outcome.referralTopic,
    audience: role,
    region,
    now: NOW,
    preferKinds: outcome.preferKinds,
    preferServices: outcome.preferServices,
    excludeServices: outcome.excludeServices,
    limit: outcome.maxCards ?? 4,
  }).map((r) => r.service.id);
}

const REGION_CODES = [undefined, ...REGIONS.map((r) => r.code)];

/** Monday 16 March 2026 in Kazakhstan (UTC+5): 11:00, and the night after, 01:00. */
const DAY = new Date("2026-03-16T06:00:00Z");
const NIGHT = new Date("2026-03-16T20:00:00Z");

/** The cards of a flow's outcome against any directory, at any time. */
function cardsOf(dir: Directory, topic: keyof typeof FLOWS, answers: Answers, role: Role, region: string | undefined, now: Date): string[] {
  const outcome = FLOWS[topic].outcome(answers, { role, region });
  return rankServices(dir, {
    topic: outcome.referralTopic,
    audience: role,
    region,
    now,
    preferKinds: outcome.preferKinds,
    preferServices: outcome.preferServices,
    excludeServices: outcome.excludeServices,
    limit: outcome.maxCards ?? 4,
  }).map((r) => r.service.id);
}

/**
 * Named cases, each with the order that serves the person: what they asked about first, then
 * among comparably relevant services those open now before those closed now.
 */
describe("card order for the cases the issue names", () => {
  it.each([DAY, NIGHT])("a child bullied at school: the school psychologist, then 111 (open now), then 150 — before the regional centre (%s)", (now) => {
    for (const region of [undefined, "shymkent"]) {
      const ids = cardsOf(directory, "bullying", { who: "me", where: "school", threat: "none" }, "child", region, now);
      expect(ids.slice(0, 3), String(region)).toEqual(["school-psychologist", "helpline-111", "helpline-150"]);
    }
  });

  it.each([
    ["childcare", { what: "childcare", ins: "no" }, ["childcare-benefit", "egov-1414", "national-fund-for-children"]],
    ["the National Fund", { what: "fund", fq: "balance" }, ["national-fund-for-children", "egov-1414", "childcare-benefit"]],
    // Neither benefit was asked about: 1414 leads, the two benefits follow in the directory's order.
    ["other payments", { what: "other" }, ["egov-1414", "national-fund-for-children", "childcare-benefit"]],
  ] as const)("a parent in Shymkent asking about %s: that benefit first, then 1414, the same by day and by night", (_what, answers, expected) => {
    expect(cardsOf(directory, "benefits", answers, "parent", "shymkent", DAY)).toEqual(expected);
    expect(cardsOf(directory, "benefits", answers, "parent", "shymkent", NIGHT)).toEqual(expected);
  });

  it("a parent in Shymkent asking about benefits: among the other benefit services, an office open now comes before one of unknown hours by day, after it at night", () => {
    const office: Service = {
      ...directory.services.find((s) => s.id === "egov-1414")!,
      id: "test-benefits-office",
      contacts_verified: true,
      phones: ["1414"],
      hours: { weekly: [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "09:00", close: "18:00" }] },
    };
    const dir: Directory = { ...directory, services: [...directory.services, office] };
    const answers = { what: "childcare", ins: "yes" };
    expect(cardsOf(dir, "benefits", answers, "parent", "shymkent", DAY)).toEqual(["childcare-benefit", "egov-1414", "test-benefits-office", "national-fund-for-children"]);
    expect(cardsOf(dir, "benefits", answers, "parent", "shymkent", NIGHT)).toEqual(["childcare-benefit", "egov-1414", "national-fund-for-children", "test-benefits-office"]);
  });

  it.each([DAY, NIGHT])("a professional reporting violence against a child: the police (102), the guardianship body, then 111 (%s)", (now) => {
    expect(cardsOf(directory, "violence", { who: "child", kind: "hit", now: "often" }, "professional", "shymkent", now).slice(0, 3)).toEqual(["police-102", "guardianship-shymkent", "helpline-111"]);
    expect(cardsOf(directory, "violence", { who: "child", kind: "hit", now: "often" }, "professional", undefined, now).slice(0, 2)).toEqual(["police-102", "helpline-111"]);
    // Happening now: 112 first, before any regional office.
    expect(cardsOf(directory, "violence", { who: "child", kind: "hit", now: "now" }, "professional", "shymkent", now).slice(0, 3)).toEqual(["emergency-112", "police-102", "helpline-111"]);
  });

  it.each([DAY, NIGHT])("a child with suicidal thoughts: 150, then 111 (open now), then the regional centres (%s)", (now) => {
    for (const harm of ["thoughts", "now"]) {
      expect(cardsOf(directory, "feeling_bad", { long: "weeks", harm }, "child", "shymkent", now)).toEqual(["helpline-150", "helpline-111", "psych-support-shymkent", "youth-health-shymkent"]);
      expect(cardsOf(directory, "feeling_bad", { long: "weeks", harm }, "child", undefined, now).slice(0, 2)).toEqual(["helpline-150", "helpline-111"]);
    }
  });

  it.each(["parent", "professional"] as const)("an adult with thoughts of suicide themselves (%s): 111 first, as the crisis reply says, then 150", (role) => {
    for (const region of [undefined, "shymkent"]) {
      for (const harm of ["thoughts", "now", "hurt"]) {
        expect(cardsOf(directory, "feeling_bad", { who: "me", long: "weeks", harm }, role, region, DAY).slice(0, 2)).toEqual(["helpline-111", "helpline-150"]);
      }
    }
  });

  it.each(["parent", "professional"] as const)("an adult who feels bad themselves (%s): the regional centre and 111, never the school psychologist", (role) => {
    for (const now of [DAY, NIGHT]) {
      expect(cardsOf(directory, "feeling_bad", { who: "me", long: "weeks", harm: "no" }, role, "shymkent", now).slice(0, 2)).toEqual(["psych-support-shymkent", "helpline-111"]);
      const nowhere = cardsOf(directory, "feeling_bad", { who: "me", long: "weeks", harm: "no" }, role, undefined, now);
      expect(nowhere[0]).toBe("helpline-111");
      expect(nowhere).not.toContain("school-psychologist");
    }
  });

  it.each(["parent", "professional"] as const)("an adult victim of domestic violence (%s): a crisis centre, the family support centre, 111; 112 first when it is happening now; no children's lines, no guardianship", (role) => {
    for (const now of [DAY, NIGHT]) {
      const often = cardsOf(directory, "violence", { who: "me", kind: "hit", now: "often" }, role, "shymkent", now);
      expect(often.slice(0, 3)).toEqual(["crisis-centres", "family-support-shymkent", "helpline-111"]);
      const danger = cardsOf(directory, "violence", { who: "me", kind: "hit", now: "now" }, role, "shymkent", now);
      expect(danger.slice(0, 4)).toEqual(["emergency-112", "police-102", "helpline-111", "crisis-centres"]);
      for (const ids of [often, danger]) {
        expect(ids).not.toContain("helpline-150");
        expect(ids).not.toContain("bala-qorgau-chat");
        expect(ids).not.toContain("guardianship-shymkent");
      }
    }
  });
});

describe("card order", () => {
  it.each(REGION_CODES)("a child with thoughts of self-harm gets 150 first (region %s)", (region) => {
    expect(cardsAfter("feeling_bad", { long: "weeks", harm: "thoughts" }, "child", region)[0]).toBe("helpline-150");
  });

  it.each(REGION_CODES)("a child about to harm themselves gets the emergency numbers (112 first), then 150 as the first card (region %s)", (region) => {
    expect(FLOWS.feeling_bad.outcome({ long: "weeks", harm: "now" }, { role: "child", region }).urgency).toBe("emergency");
    expect(cardsAfter("feeling_bad", { long: "weeks", harm: "now" }, "child", region)[0]).toBe("helpline-150");
  });

  it("a parent whose child talks about death gets 150 first", () => {
    expect(cardsAfter("feeling_bad", { who: "child", long: "weeks", harm_c: "talks" }, "parent", "shymkent")[0]).toBe("helpline-150");
  });

  it.each(["child", "parent", "professional"] as const)("online bullying (%s): the Cyber Tumar campaign is never the first card", (role) => {
    for (const region of REGION_CODES) {
      const ids = cardsAfter("bullying", { who: "me", side: "victim", where: "online", threat: "none" }, role, region);
      expect(ids[0]).not.toBe("cyber-tumar");
      expect(ids.length).toBeGreaterThan(1);
    }
  });

  it.each(["parent", "professional"] as const)("an adult victim of domestic violence (%s) is not sent to the children's line 150", (role) => {
    for (const region of REGION_CODES) {
      for (const now of ["now", "often", "past"]) {
        const ids = cardsAfter("violence", { who: "me", kind: "hit", now }, role, region);
        expect(ids).not.toContain("helpline-150");
      }
    }
  });

  it("a child telling about violence against their mum still gets the children's lines", () => {
    const ids = cardsAfter("violence", { who: "other", kind: "hit", now: "often" }, "child", "almaty_city");
    expect(ids.some((id) => id === "helpline-111" || id === "helpline-150")).toBe(true);
  });

  it.each([
    ["bullying", { side: "victim", where: "school", threat: "none" }],
    ["feeling_bad", { who: "child", long: "weeks", harm_c: "no" }],
    ["special_needs", { need: "school", pmpk: "yes" }],
  ] as const)("a professional is not referred to the school psychologist (%s)", (topic, answers) => {
    for (const region of REGION_CODES) expect(cardsAfter(topic, answers, "professional", region)).not.toContain("school-psychologist");
  });

  it("a parent is still referred to the school psychologist", () => {
    expect(cardsAfter("bullying", { side: "victim", where: "school", threat: "none" }, "parent")).toContain("school-psychologist");
  });
});

describe("what every card says", () => {
  const langs: Lang[] = ["kk", "ru", "en"];
  it.each(langs)("cost and anonymity on every card, with «not known» when unknown (%s)", (lang) => {
    const t = translator(texts, lang);
    for (const topic of Object.keys(FLOWS) as Array<keyof typeof FLOWS>) {
      for (const role of ["child", "parent", "professional"] as const) {
        const ranked = rankServices(directory, { topic, audience: role, now: NOW });
        if (ranked.length === 0) continue;
        const cards = referrals.referralCards({ topic, role, lang, now: NOW, limit: 100, regionalHint: false }).split("\n\n");
        expect(cards.length).toBe(ranked.length);
        ranked.forEach((r, i) => {
          const card = cards[i]!;
          const cost = { true: "dir-free-yes", false: "dir-free-no", unknown: "dir-free-unknown" }[`${r.service.free}`];
          const anon = { true: "dir-anon-yes", false: "dir-anon-no", unknown: "dir-anon-unknown" }[`${r.service.anonymous}`];
          expect(card, r.service.id).toContain(t(cost));
          expect(card, r.service.id).toContain(t(anon));
        });
      }
    }
  });

  it.each(langs)("no «Hours: not known» on a campaign or the UN procedure; a place you call keeps its hours line (%s)", (lang) => {
    const t = translator(texts, lang);
    const unknownHours = t("dir-hours", { hours: t("dir-hours-unknown") });
    const bullying = referrals.referralCards({ topic: "bullying", role: "parent", lang, now: NOW, limit: 100, regionalHint: false }).split("\n\n");
    const tumar = bullying.find((c) => c.includes(directory.services.find((s) => s.id === "cyber-tumar")!.name[lang]))!;
    expect(tumar).toBeDefined();
    expect(tumar).not.toContain(unknownHours);
    const rights = referrals.referralCards({ topic: "rights", role: "parent", lang, now: NOW, limit: 100, regionalHint: false }).split("\n\n");
    const un = rights.find((c) => c.includes(directory.services.find((s) => s.id === "un-crc-complaint")!.name[lang]))!;
    expect(un).toBeDefined();
    expect(un).not.toContain(t("dir-hours", { hours: "" }).trim());
    const school = bullying.find((c) => c.includes(directory.services.find((s) => s.id === "school-psychologist")!.name[lang]))!;
    expect(school).toContain(unknownHours);
  });
});
