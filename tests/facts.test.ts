/**
 * Facts the texts state, as kz-services.md sources them: what a child or parent reads must not
 * promise what no current source confirms (150's hours, a 6-month shelter), and must carry the
 * facts added in issue #17 (liability from 16, protective orders, the 2026 allowance, the
 * National Fund's credits and its use at 18, the anti-bullying team), in all three languages.
 */
import { describe, expect, it } from "vitest";
import { LANGS, ROLES } from "../src/domain.js";
import { createI18n } from "../src/i18n.js";

const i18n = createI18n();
const every = (key: string) => LANGS.flatMap((lang) => ROLES.map((role) => ({ lang, role, text: i18n.t(lang, key, { role }) })));

describe("facts in the texts", () => {
  it("a child thinking of suicide is sent first to 111 (confirmed 24/7, free from mobiles), with 150 beside it", () => {
    for (const { lang, text } of every("flow-feeling_bad-advice-now").filter((t) => t.role === "child")) {
      expect(text.indexOf("<b>111</b>"), lang).toBeGreaterThanOrEqual(0);
      expect(text.indexOf("<b>111</b>"), lang).toBeLessThan(text.indexOf("<b>150</b>"));
    }
  });

  it("no text promises shelter for up to 6 months", () => {
    for (const key of ["flow-violence-advice-dv", "flow-violence-advice-home", "flow-violence-advice-support", "flow-family-advice-unsafe"]) {
      for (const { lang, text } of every(key)) expect(text, `${key} ${lang}`).not.toMatch(/6 months|6 месяц|6 айға/);
    }
  });

  it("states the facts added from the sources", () => {
    const t = (key: string, lang: (typeof LANGS)[number], role = "parent") => i18n.t(lang, key, { role });
    expect(LANGS.map((l) => t("flow-bullying-advice-law", l))).toEqual([
      expect.stringContaining("16 жастан бастап жасөспірім өзі жауап береді"),
      expect.stringContaining("с 16 лет подросток отвечает сам"),
      expect.stringContaining("from 16, the teenager answers for it personally"),
    ]);
    expect(LANGS.map((l) => t("flow-violence-advice-dv", l))).toEqual([
      expect.stringContaining("қорғау нұсқамасын"),
      expect.stringContaining("защитное предписание"),
      expect.stringContaining("protective order"),
    ]);
    for (const lang of LANGS) {
      expect(t("flow-benefits-advice-cc_allow", lang)).toMatch(/24.912 ₸[\s\S]*29.453 ₸[\s\S]*33.951 ₸[\s\S]*38.493 ₸/);
      expect(t("flow-benefits-advice-fund", lang)).toMatch(/100[.,]52[\s\S]*129[.,]38[\s\S]*130[.,]71/);
      expect(t("flow-benefits-advice-fund_use", lang)).toContain("enpf-otbasy.kz");
      expect(t("flow-bullying-advice-school", lang)).toContain("ДосболLIKE");
    }
    expect(t("flow-bullying-advice-school", "en")).toContain("anti-bullying team");
  });
});
