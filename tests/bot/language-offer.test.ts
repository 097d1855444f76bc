/**
 * A message in another language than the chosen one offers to switch: the offer is written in
 * the language the user writes in, and its one button switches and goes on from where they were.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/domain.js";
import { translator } from "../../src/i18n.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { stepOf } from "../flows/e2e-helpers.js";

const db = useTestRedis("langoffer");
let nextUserId = 940_000;

function start(lang: Lang) {
  const h = createHarness({ redis: db.redis, prefix: db.fresh() });
  return { h, user: new TestUser(h, { id: nextUserId++, language_code: lang }) };
}

describe("a message in another language", () => {
  it.each([
    ["kk", "привет мне нужна помощь", "ru"],
    ["kk", "по русски можно?", "ru"],
    ["ru", "сәлеметсіз бе, қазақша бола ма?", "kk"],
    ["ru", "salem, kazaksha bola ma", "kk"],
    ["en", "здравствуйте, подскажите пожалуйста", "ru"],
    ["ru", "hello, can we talk in english", "en"],
  ] as const)("(%s mode) «%s» is offered %s, in it, and the button switches", async (from, text, to) => {
    const { h, user } = start(from);
    await onboard(user, from, "parent");
    const reply = await user.say(text);
    const t = translator(h.deps.i18n, to);
    expect(reply.text).toContain(t("language-offer", { role: "parent" }));
    expect(reply.buttonData).toEqual([`lang:${to}:menu`]);
    const switched = await user.press(`lang:${to}:menu`);
    expect(switched.text).toContain(t("language-changed"));
  });

  it("a child is offered the language in the informal words", async () => {
    const { h, user } = start("en");
    await onboard(user, "en", "child");
    const reply = await user.say("привет как дела");
    expect(reply.text).toContain(translator(h.deps.i18n, "ru")("language-offer", { role: "child" }));
    expect(reply.text).toContain("ты пишешь");
  });

  it.each([
    ["kk", "сәлем, мен мектепте оқимын"],
    ["ru", "здравствуйте, подскажите пожалуйста"],
    ["kk", "ok"],
    ["ru", "Мен анаммен сөйлестім, а она не понимает"],
  ] as const)("(%s mode) «%s» (the same language, one word, or mixed) offers nothing", async (lang, text) => {
    const { user } = start(lang);
    await onboard(user, lang, "parent");
    const reply = await user.say(text);
    expect(reply.buttonData.some((d) => d.startsWith("lang:"))).toBe(false);
  });

  it("inside a flow, words in another language that are no answer offer the language, and the flow goes on in it", async () => {
    const { h, user } = start("kk");
    await onboard(user, "kk", "parent");
    await user.press("t:special_needs");
    const reply = await user.say("а можно по-русски?");
    const ru = translator(h.deps.i18n, "ru");
    expect(reply.text).toContain(ru("language-offer", { role: "parent" }));
    expect(stepOf(reply, "special_needs")).toMatchObject({ kind: "question", qid: "need" });
    await user.press("lang:ru:menu");
    const resumed = await user.press("f:resume");
    expect(resumed.text).toContain(ru("flow-special_needs-q-need", { role: "parent" }));
  });

  it("inside a flow, an answer typed in another language is taken as the answer, with no offer", async () => {
    const { user } = start("kk");
    await onboard(user, "kk", "parent");
    await user.press("t:family");
    const reply = await user.say("развод");
    expect(reply.buttonData.some((d) => d.startsWith("lang:"))).toBe(false);
    expect(stepOf(reply, "family")).toMatchObject({ kind: "question", qid: "safe" });
  });
});
