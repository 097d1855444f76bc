/**
 * Register in conversation: what a child reads is informal, what a parent or a professional
 * reads is formal, in Kazakh and Russian; before a role is chosen the bot speaks as to a
 * child; words typed instead of a role ask the question again rather than guess; the messages
 * of a case (the bot's and the operators' saved replies) follow the role of its user.
 */
import { describe, expect, it } from "vitest";
import { textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("register");
const redis = db.redis;

describe("each person is spoken to as they are", () => {
  it("a child reads «сен» / «ты», a parent and a professional «сіз» / «вы»", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const cases = [
      ["kk", "child", "Не туралы сөйлескің келеді? Тақырыпты таңда"],
      ["kk", "parent", "Не туралы сөйлескіңіз келеді? Тақырыпты таңдаңыз"],
      ["kk", "professional", "Не туралы сөйлескіңіз келеді?"],
      ["ru", "child", "О чём хочешь поговорить? Выбери тему"],
      ["ru", "parent", "О чём хотите поговорить? Выберите тему"],
      ["ru", "professional", "О чём хотите поговорить?"],
    ] as const;
    let id = 31_000;
    for (const [lang, role, menu] of cases) {
      const user = new TestUser(h, { id: id++, language_code: lang });
      expect((await onboard(user, lang, role)).text, `${lang} ${role}`).toContain(menu);
      const privacy = await user.say("/privacy");
      if (role === "child") {
        expect(privacy.text).toMatch(lang === "kk" ? /Телефон нөміріңді/ : /Твоего номера телефона/);
        expect(privacy.text).not.toMatch(lang === "kk" ? /сіз|ңыз|ңіз/i : /\bвы\b|\bваш/i);
      } else {
        expect(privacy.text).toMatch(lang === "kk" ? /Телефон нөміріңізді/ : /Вашего номера телефона/);
        expect(privacy.text).not.toMatch(lang === "kk" ? /\bсен\b|сенің/i : /\bты\b|\bтвоего\b/i);
      }
    }
  });

  it("/privacy names the chat id for what it is, not 'your Telegram number'", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    for (const [lang, words] of [
      ["ru", "идентификатор чата"],
      ["kk", "чат идентификаторын"],
      ["en", "the chat id"],
    ] as const) {
      const user = new TestUser(h, { id: 31_100 + lang.length + lang.charCodeAt(0), language_code: lang });
      await onboard(user, lang, "parent");
      const privacy = await user.say("/privacy");
      expect(privacy.text).toContain(words);
      expect(privacy.text).not.toMatch(/Not your Telegram number|Не ваш номер в Telegram|Telegram нөміріңізді емес/);
    }
  });

  it("before a role is chosen the bot speaks as to a child, and typing instead of choosing asks again", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 31_200, language_code: "ru" });
    const greeting = await user.say("/start");
    expect(greeting.text).toContain("Привет!");
    expect(greeting.text).toContain("Выбери язык");
    const ask = await user.press("lang:ru:role");
    expect(ask.text).toContain("Кто мне пишет?");

    const again = await user.say("привет, у меня вопрос");
    expect(again.text).toContain("мне сначала нужно знать, кто ты");
    expect(again.buttonData).toEqual(["role:child", "role:parent", "role:professional"]);
    const prefs = await redis.keys(`${db.prefix}:prefs:*`);
    const stored = prefs.length > 0 ? ((await redis.get(prefs[0]!)) ?? "") : "";
    expect(stored).not.toContain('"role"');

    // A topic opened before a role is chosen asks a child's questions (with "me" among the answers).
    const bullying = await user.send(user.updates.callback("t:bullying"));
    expect(bullying.text).toContain("Кого обижают?");
    expect(bullying.buttons).toContain("Меня");

    const menu = await user.say("/menu");
    expect(menu.text).toContain("О чём хочешь поговорить?");
    await user.send(user.updates.callback("role:parent"));
    expect((await user.say("/menu")).text).toContain("О чём хотите поговорить?");
    // With a role, words are words: no question about the role again.
    const typed = await user.say("привет, у меня вопрос");
    expect(typed.text).not.toContain("мне сначала нужно знать");
  });

  it("in Kazakh too: a role-less user is asked again, in a child's words", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 31_300, language_code: "kk" });
    expect((await user.say("/start")).text).toContain("Тілді таңда:");
    expect((await user.press("lang:kk:role")).text).toContain("Кім жазып отыр?");
    const again = await user.say("сәлем");
    expect(again.text).toContain("кім екеніңді білуім керек");
    expect(again.buttonData).toEqual(["role:child", "role:parent", "role:professional"]);
  });
});

describe("a case speaks to its user as they are", () => {
  const STAFF = -1001234500077;
  const staff = staffGroup(STAFF);

  async function caseFor(role: "child" | "parent", id: number) {
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF });
    const user = new TestUser(h, { id, language_code: "ru" });
    await onboard(user, "ru", role);
    const opened = await user.press("m:person");
    const toUser = opened.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === id).map(textOf).join("\n");
    const greeting = await h.send(staff.callback({ id: 701, first_name: "Aigerim" }, "c:tpl:1:greeting"));
    const relayed = greeting
      .filter((c) => c.method === "sendMessage" && c.payload.chat_id === id)
      .map(textOf)
      .join("\n");
    return { toUser, relayed };
  }

  it("a child's case: «твой запрос», and the operator's greeting says «ты»", async () => {
    const { toUser, relayed } = await caseFor("child", 31_400);
    expect(toUser).toContain("Я передал твой запрос");
    expect(toUser).not.toMatch(/\bваш/);
    expect(relayed).toContain("Привет, я консультант Сенім");
  });

  it("a parent's case: «ваш запрос», and the operator's greeting says «вы»", async () => {
    const { toUser, relayed } = await caseFor("parent", 31_401);
    expect(toUser).toContain("Я передал ваш запрос");
    expect(relayed).toContain("Здравствуйте, я консультант Сенім");
  });
});
