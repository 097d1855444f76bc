/**
 * Typed answers in a running flow, through the bot: the words a person types instead of
 * pressing a button, in any language and script, move the flow on; words that could mean two
 * buttons, or none, ask again with the buttons; a region typed any way is taken and said back.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/domain.js";
import { translator } from "../../src/i18n.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { stepOf } from "../flows/e2e-helpers.js";

const db = useTestRedis("typed");
let nextUserId = 930_000;

function start(lang: Lang) {
  const h = createHarness({ redis: db.redis, prefix: db.fresh() });
  return { h, t: translator(h.deps.i18n, lang), user: new TestUser(h, { id: nextUserId++, language_code: lang }) };
}

describe("typed answers in a flow", () => {
  it.each([
    ["kk", "Russian letters", "ажырасу", "жок", "Шымкент"],
    ["kk", "Latin", "ajyrasu", "joq", "Shymkent"],
    ["ru", "Russian", "развод", "нет", "Шымкентте"],
    ["en", "English, with a Kazakh no", "divorse", "жоқ", "shymkent city"],
  ] as const)("a parent (%s, %s) answers the family flow and names the region by typing", async (lang, _script, what, safe, region) => {
    const { h, t, user } = start(lang);
    await onboard(user, lang, "parent");
    await user.press("t:family");
    const afterWhat = await user.say(what);
    expect(stepOf(afterWhat, "family")).toMatchObject({ kind: "question", qid: "safe" });
    const afterSafe = await user.say(safe);
    expect(stepOf(afterSafe, "family")).toMatchObject({ kind: "region" });
    const outcome = await user.say(region);
    const name = h.deps.referrals.regions(lang).find((r) => r.code === "shymkent")!.name;
    expect(outcome.text).toContain(t("near-region-set", { region: name }));
    expect(outcome.text).toContain(t("flow-family-advice-divorce", { role: "parent" }));
    expect(outcome.text).not.toContain(t("flow-family-advice-unsafe", { role: "parent" }));
  });

  it("a child types «иа» to «is anyone scared at home?» and gets the advice for an unsafe home", async () => {
    const { t, user } = start("kk");
    await onboard(user, "kk", "child");
    await user.press("t:family");
    await user.press("f:family:what:conflict");
    const reply = await user.say("иа");
    expect(stepOf(reply, "family")).toMatchObject({ kind: "region" });
    const outcome = await user.press("f:family:region:-");
    expect(outcome.text).toContain(t("flow-family-advice-unsafe", { role: "child" }));
  });

  it("a yes that could be two buttons («да» to thoughts of self-harm: sometimes, or right now?) asks again with the buttons", async () => {
    const { t, user } = start("ru");
    await onboard(user, "ru", "child");
    await user.press("t:feeling_bad");
    const atHarm = await user.say("пару дней");
    expect(stepOf(atHarm, "feeling_bad")).toMatchObject({ kind: "question", qid: "harm" });
    const again = await user.say("да");
    expect(again.text).toContain(t("flow-choose-button"));
    expect(stepOf(again, "feeling_bad")).toMatchObject({ kind: "question", qid: "harm", options: ["no", "thoughts", "now", "hurt"] });
  });

  it("a button's number picks it; a word that names no button asks again", async () => {
    const { t, user } = start("en");
    await onboard(user, "en", "child");
    await user.press("t:bullying");
    const who = await user.say("2");
    expect(stepOf(who, "bullying")).toMatchObject({ kind: "question", qid: "where" });
    const none = await user.say("at home");
    expect(none.text).toContain(t("flow-choose-button"));
    expect(stepOf(none, "bullying")).toMatchObject({ kind: "question", qid: "where" });
    const typo = await user.say("in the interent");
    expect(stepOf(typo, "bullying")).toMatchObject({ kind: "question", qid: "threat" });
  });

  it("a place outside Kazakhstan typed at the region question is not taken for a region", async () => {
    const { t, user } = start("ru");
    await onboard(user, "ru", "parent");
    await user.press("t:family");
    await user.press("f:family:what:hardship");
    const reply = await user.say("Ташкент");
    expect(reply.text).toContain(t("flow-choose-button", { role: "parent" }));
    expect(stepOf(reply, "family")).toMatchObject({ kind: "region" });
  });

  it.each([
    ["ru", "Туркестанская", "turkistan"],
    ["kk", "Shymkent", "shymkent"],
    ["en", "Алматы облысы", "almaty_region"],
  ] as const)("(%s) after «Find help near me», «%s» typed instead of a button is taken as the region", async (lang, typed, code) => {
    const { h, t, user } = start(lang);
    await onboard(user, lang, "parent");
    await user.press("m:near");
    const reply = await user.say(typed);
    const name = h.deps.referrals.regions(lang).find((r) => r.code === code)!.name;
    expect(reply.text).toContain(t("near-region-set", { region: name }));
    expect(reply.buttonData).toContain("near:t:bullying");
  });
});
