import { describe, expect, it } from "vitest";
import { group } from "../../src/testing/updates.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("robustness");
const redis = db.redis;

describe("odd input gets a clear answer and loses nothing", () => {
  it("stickers and voice messages: we read text only, and the numbers are given", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5001, language_code: "kk" });
    for (const update of [user.updates.sticker(), user.updates.voice()]) {
      const reply = await user.send(update);
      expect(reply.messages).toHaveLength(1);
      expect(reply.text).toContain("тек мәтінді оқимын");
      expect(reply.text).toMatch(/112[\s\S]*150[\s\S]*111/);
    }
  });

  it("unknown and stale buttons are answered and lead back to the menu", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5002, language_code: "en" });
    for (const data of ["nonsense", "t:unknown_topic", "lang:xx:menu", "role:alien", "f:bullying:where:online"]) {
      const reply = await user.send(user.updates.callback(data));
      expect(reply.methods()).toContain("answerCallbackQuery");
      expect(reply.messages.length).toBeGreaterThanOrEqual(1);
    }
    const stale = await user.send(user.updates.callback("f:bullying:where:online"));
    expect(stale.text).toContain("old message");
    expect(stale.buttons.join(" ")).toContain("Start");
  });

  it("a huge text gets one answer, not a crash", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5003, language_code: "ru" });
    const reply = await user.say("а".repeat(50_000));
    expect(reply.messages).toHaveLength(1);
  });

  it("an unknown command shows the menu", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5004, language_code: "ru" });
    const reply = await user.say("/doesnotexist");
    expect(reply.text).toContain("Такой команды я не знаю");
  });

  it("leaves a random group it is added to, but not the staff group", async () => {
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: -100777 });
    const added = (chatId: number) => group(chatId).myChatMember({ id: 1, first_name: "A" }, "left", "member");
    expect((await h.send(added(-100123))).map((c) => c.method)).toContain("leaveChat");
    expect((await h.send(added(-100777))).map((c) => c.method)).not.toContain("leaveChat");
  });

  it("an error while handling a user brings an apology with 112, 150, 111, and a log without the text", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 918_273_645, language_code: "kk" });
    h.telegram.failNext("sendMessage", { error_code: 400, description: "Bad Request: something broke" });
    const secret = "менің құпия хабарым";
    const reply = await user.say(secret);
    expect(reply.text).toContain("Кешір, бір қате шықты"); // no role chosen: a child's words
    expect(reply.text).toMatch(/112[\s\S]*150[\s\S]*111/);
    const log = h.logs.lines.join("\n");
    expect(log).toContain("update failed");
    expect(log).not.toContain(secret);
    // As a whole number: a short id could turn up inside a timestamp or the process id.
    expect(log).not.toMatch(/(?<!\d)918273645(?!\d)/);
  });
});

describe("/forget", () => {
  it("after confirming, nothing in Redis references the user", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5006, language_code: "ru" });
    await user.say("/start src-poster1");
    await user.press("Русский");
    await user.press("родитель");
    const pseudo = h.deps.pseudonym(5006);
    expect((await redis.keys(`${db.prefix}:*${pseudo}*`)).length).toBeGreaterThan(0);
    const ask = await user.say("/forget");
    expect(ask.buttons).toEqual(["Да, удалить всё", "Нет, оставить"]);
    const done = await user.press("Да, удалить всё");
    expect(done.text).toContain("Удалено");
    expect(await redis.keys(`${db.prefix}:*${pseudo}*`)).toEqual([]);
  });
});

describe("/hide", () => {
  it("deletes the recent messages of the chat, clears the session and leaves one neutral line", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 5010, language_code: "ru" });
    await onboard(user, "ru", "child");
    await user.press("t:violence");
    const hidden = await user.say("/hide");
    const deletions = hidden.calls.filter((c) => c.method === "deleteMessages");
    expect(deletions.length).toBeGreaterThanOrEqual(1);
    const hideId = (user.updates as unknown as { messageId: number }).messageId - 1;
    expect((deletions[0]!.payload.message_ids as number[])[0]).toBe(hideId);
    expect(hidden.text).toBe("Привет!");
    const prefs = JSON.parse((await redis.get(`${db.prefix}:prefs:${h.deps.pseudonym(5010)}`)) ?? "{}");
    expect(prefs).toEqual({});
    expect(await redis.exists(`${db.prefix}:flow:${h.deps.pseudonym(5010)}`)).toBe(0);
  });
});
