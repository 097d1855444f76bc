/**
 * The crisis check in the bot: it runs on every free-text message before anything else,
 * also mid-flow (the flow is kept), answers emergencies with 112/150/111 first, high risk
 * with the matching cards, moderate with the matching topic; abuse and self-harm replies are
 * sent with content protection.
 */
import { describe, expect, it } from "vitest";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("crisis");
const redis = db.redis;

async function onboarded(lang: "kk" | "ru" | "en", id: number, operatorChatId?: number) {
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId });
  const user = new TestUser(h, { id, language_code: lang });
  await onboard(user, lang, "child");
  return { h, user };
}

describe("emergency", () => {
  it.each([
    ["ru", "я хочу умереть", "Если ты можешь навредить себе прямо сейчас"],
    ["kk", "өлгім келеді", "дәл қазір өзіңе зиян келтіріп алуың мүмкін болса"],
    ["kk", "olgim keledi", "дәл қазір өзіңе зиян келтіріп алуың мүмкін болса"],
    ["en", "I want to kill myself tonight", "If you might hurt yourself right now"],
  ] as const)("%s %s: the very next reply is 112, 150 and 111 with when to call which", async (lang, text, lead) => {
    const { user } = await onboarded(lang, 8100 + text.length, -1009990001);
    const reply = await user.say(text);
    expect(reply.messages).toHaveLength(1);
    const message = reply.messages[0]!;
    expect(String(message.payload.text)).toContain(lead);
    expect(String(message.payload.text)).toMatch(/112[\s\S]*150[\s\S]*111/);
    expect(message.payload.protect_content).toBe(true);
    expect(reply.buttonData).toContain("m:person:now");
  });

  it("mid-flow: the numbers come first and the flow is kept (Continue re-asks the question)", async () => {
    const { user } = await onboarded("ru", 8201);
    await user.press("t:family");
    const reply = await user.say("папа бьёт маму прямо сейчас, мне страшно");
    expect(reply.text).toContain("112");
    expect(reply.buttonData).toContain("f:resume");
    const again = await user.press("f:resume");
    expect(again.buttonData.some((d) => d.startsWith("f:family:"))).toBe(true);
  });

  it("'Talk to a person now' opens a top-priority case with what was said", async () => {
    const { h, user } = await onboarded("en", 8202, -1009990001);
    await user.say("I want to die");
    const opened = await user.press("m:person:now");
    const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
    expect(String(topic.payload.name)).toMatch(/^🔴 #1 · en · danger/);
    const c = await h.deps.desk!.store.get(1);
    expect(c).toMatchObject({ risk: "emergency", summary: "I want to die" });
  });
});

describe("high and moderate", () => {
  it("high: the matching referral cards and the offer of a person, protected", async () => {
    const { user } = await onboarded("ru", 8301, -1009990001);
    const reply = await user.say("отчим трогает меня и говорит никому не рассказывать");
    expect(reply.text).toContain("Спасибо, что рассказываешь");
    expect(reply.text).toContain("111");
    expect(reply.buttonData).toContain("m:person:now");
    expect(reply.messages.every((m) => m.payload.protect_content === true)).toBe(true);
  });

  it("moderate: the matching topic is offered", async () => {
    const { user } = await onboarded("en", 8302);
    const reply = await user.say("kids at school keep bullying me every day");
    expect(reply.text).toContain("weighing on you");
    expect(reply.buttonData).toContain("t:bullying");
  });

  it("idioms are not crises: the router or the menu answers", async () => {
    const { user } = await onboarded("ru", 8303);
    const reply = await user.say("умираю со смеху 😂");
    expect(reply.text).not.toContain("112");
    const game = await user.say("мой персонаж умер в игре");
    expect(game.text).not.toContain("112");
  });
});

describe("free text routing", () => {
  it("words that name a topic open it, in any script", async () => {
    const { user } = await onboarded("kk", 8401);
    const reply = await user.say("korganshy bolgym keledi");
    expect(reply.buttonData.some((d) => d.startsWith("f:care:"))).toBe(true);
    // Mid-flow, text about another topic offers a way there and keeps the flow.
    const midFlow = await user.say("нацфонд туралы білгім келеді");
    expect(midFlow.buttonData).toContain("t:benefits");
    expect(midFlow.buttonData.some((d) => d.startsWith("f:care:"))).toBe(true);
    await user.say("/cancel");
    const other = await user.say("нацфонд туралы білгім келеді");
    expect(other.buttonData.some((d) => d.startsWith("f:benefits:"))).toBe(true);
  });

  it("text naming no topic shows the menu with an invitation", async () => {
    const { user } = await onboarded("en", 8402);
    const reply = await user.say("hello there");
    expect(reply.text).toContain("choose one of the topics");
    expect(reply.buttonData).toContain("t:danger");
  });
});
