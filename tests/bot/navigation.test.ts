/**
 * Navigation (issue 16): one Back on every picker page (no "◀ Previous" beside it), Back and
 * Menu on the "near me" picker, and the region list in the alphabetical order of the reader's
 * language.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { buttonsOf } from "../../src/testing/fake-telegram.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { REGIONS } from "../flows/e2e-helpers.js";

const db = useTestRedis("navigation");
let nextUserId = 960_000;

function start(lang: "kk" | "ru" | "en") {
  const h = createHarness({ redis: db.redis, prefix: db.fresh() });
  return { h, t: translator(h.deps.i18n, lang), user: new TestUser(h, { id: nextUserId++, language_code: lang }) };
}

describe("the region pickers", () => {
  it.each(["kk", "ru", "en"] as const)("list the twenty regions alphabetically in the reader's language (%s), one Back on each page", async (lang) => {
    const { t, user } = start(lang);
    await onboard(user, lang, "parent");
    await user.press("t:care");
    const page1 = await user.press("f:care:what:guardian");
    const page2 = await user.press("f:care:rpage:1");
    const regionButtons = (data: string[], buttons: string[]) => buttons.filter((_, i) => /^f:care:region:[a-z_]+$/.test(data[i]!));
    const names = [...regionButtons(page1.buttonData, page1.buttons), ...regionButtons(page2.buttonData, page2.buttons)];
    const expected = REGIONS.map((r) => r.name[lang]).sort(new Intl.Collator(lang).compare);
    expect(names).toEqual(expected);
    expect(page2.buttons).not.toContain(t("region-prev"));
    expect(page2.buttons.filter((b) => b === t("flow-back"))).toHaveLength(1);
    // That one Back goes to the first page, and from there to the question.
    const back = await user.press(t("flow-back"));
    expect(back.buttonData).toContain("f:care:rpage:1");
    const question = await user.press("f:back");
    expect(question.buttonData).toContain("f:care:what:guardian");
  });

  it.each(["kk", "ru", "en"] as const)("«Find help near me» has Back and Menu under its picker (%s)", async (lang) => {
    const { t, user } = start(lang);
    await onboard(user, lang, "child");
    const picker = await user.press("m:near");
    expect(picker.buttons).toContain(t("flow-back"));
    expect(picker.buttons).toContain(t("flow-menu"));
    const page2 = (await user.press("near:p:1")).calls.flatMap((c) => buttonsOf(c).map((b) => b.text));
    expect(page2.filter((b) => b === t("flow-back") || b === t("region-prev"))).toEqual([t("flow-back")]);
    const menu = await user.press("m:menu");
    expect(menu.text).toContain(t("menu-title"));
  });
});
