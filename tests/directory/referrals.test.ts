/**
 * The referrals are domain code: built from a plain Translator (no I18n, no grammY), they
 * ask it for the query's language and print what it returns.
 */
import { describe, expect, it } from "vitest";
import type { Lang, Translator } from "../../src/domain.js";
import { loadReferrals } from "../../src/directory/referrals.js";
import { createI18n } from "../../src/i18n.js";
import { SATURDAY_3AM_KZ } from "./helpers.js";

describe("referrals with a plain translator", () => {
  it("translates in the query's language through the function it was given", () => {
    const asked = new Set<Lang>();
    const fake: Translator = (lang, key) => {
      asked.add(lang);
      return `[${lang}:${key}]`;
    };
    const { referrals } = loadReferrals(fake);
    const cards = referrals.referralCards({ topic: "danger", role: "child", lang: "kk", now: SATURDAY_3AM_KZ });
    expect([...asked]).toEqual(["kk"]);
    expect(cards).toContain("[kk:");
  });

  it("built from the I18n, it renders the same cards as the bot's translations", () => {
    const i18n = createI18n();
    const { referrals } = loadReferrals((lang, key, vars) => i18n.t(lang, key, vars));
    const cards = referrals.referralCards({ topic: "danger", role: "parent", lang: "en", now: SATURDAY_3AM_KZ });
    expect(cards).toContain("112");
    expect(cards).not.toMatch(/\bdir-[a-z-]+/); // no untranslated keys
  });
});
