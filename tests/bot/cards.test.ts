/**
 * Referral cards in the chat (issue #16): their links show no preview, wherever the cards come
 * from — a flow's outcome, a crisis reply, "find help near me". A preview would put a site's
 * picture and title on a screen someone else may see.
 */
import { describe, expect, it } from "vitest";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import type { ApiCall } from "../../src/testing/fake-telegram.js";

const db = useTestRedis("cards");

const cardMessages = (calls: ApiCall[]) => calls.filter((c) => c.method === "sendMessage" && /https?:\/\/|\d{3}/.test(String(c.payload.text)));

describe("referral cards", () => {
  it("a flow's outcome and a crisis reply send their cards without link previews", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 7_700_001, language_code: "ru" });
    await onboard(user, "ru", "parent");
    await user.press("t:danger");
    await user.press("f:danger:who:child");
    const outcome = await user.press("f:danger:now:past");
    const flowCards = outcome.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).includes(h.deps.i18n.t("ru", "flow-referrals-title")));
    expect(flowCards.length).toBeGreaterThan(0);
    for (const call of flowCards) expect(call.payload.link_preview_options).toEqual({ is_disabled: true });

    const crisis = await user.say("отчим трогает меня и говорит никому не рассказывать");
    const crisisCards = cardMessages(crisis.calls);
    expect(crisisCards.length).toBeGreaterThan(0);
    for (const call of crisisCards) expect(call.payload.link_preview_options).toEqual({ is_disabled: true });
  });
});
