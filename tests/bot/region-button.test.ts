/**
 * Wherever the cards say that choosing a region would show local services, the button to
 * choose it is in the same message; once a region is known, neither is shown.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import { escapeHtml } from "../../src/directory/card.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { driveFlow } from "../flows/e2e-helpers.js";

const db = useTestRedis("regionbtn");
let nextUserId = 950_000;

describe("the region hint and its button", () => {
  it.each(["kk", "ru", "en"] as const)("(%s) the cards that end with the hint carry «choose my region»; after choosing, no hint", async (lang) => {
    const h = createHarness({ redis: db.redis, prefix: db.fresh() });
    const t = translator(h.deps.i18n, lang);
    const user = new TestUser(h, { id: nextUserId++, language_code: lang });
    await onboard(user, lang, "parent");
    const run = await driveFlow(user, "bullying", { side: "victim", where: "school", threat: "none" });
    const hinted = run.outcome.messages.filter((m) => textOf(m).includes(escapeHtml(t("dir-regional-hint"))));
    expect(hinted).toHaveLength(1);
    expect(buttonsOf(hinted[0]!).map((b) => [b.text, b.callback_data])).toContainEqual([t("answers-choose-region"), "m:near"]);
    await user.press("m:near");
    const picked = await user.press("near:r:atyrau");
    expect(picked.buttonData).toContain("near:t:bullying");
    const cards = await user.press("near:t:bullying");
    expect(cards.text).not.toContain(escapeHtml(t("dir-regional-hint")));
    expect(cards.buttonData).not.toContain("m:near");
  });
});
