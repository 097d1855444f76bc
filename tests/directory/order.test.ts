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
