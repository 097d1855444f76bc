/**
 * Redis goes away during a conversation: the bot still answers emergencies and /start with
 * the national numbers from memory, tells others it will be back, fails those updates so
 * Telegram redelivers them, reconnects by itself, and the user's flow and case survive.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../src/storage/redis.js";
import { StorageUnavailable } from "../../src/bot/features/degraded.js";
import { createHarness, onboard, TestUser, testPrefix } from "../kit/harness.js";
import { PrivateRedis } from "../kit/redis-server.js";
import { textOf } from "../../src/testing/fake-telegram.js";

const server = new PrivateRedis();
beforeAll(() => server.start());
afterAll(() => server.destroy());

describe("Redis restart", () => {
  it("answers from memory while Redis is down and continues where the user was after", async () => {
    const redis = createRedis(server.url, { commandTimeoutMs: 500 });
    redis.on("error", () => undefined);
    const h = createHarness({ redis, prefix: testPrefix("redis-restart"), operatorChatId: -1005550001 });
    const user = new TestUser(h, { id: 66_001, language_code: "ru" });
    await onboard(user, "ru", "child");
    const question = await user.press("t:family"); // a flow is running
    const firstOption = question.buttonData[0]!;
    const opened = await user.send(user.updates.callback("m:person")); // and a case is open
    expect(opened.methods()).toContain("createForumTopic");

    await server.stop();

    const mark = h.telegram.mark();
    await expect(h.bot.handleUpdate(user.updates.text("я хочу умереть"))).rejects.toMatchObject({
      error: expect.any(StorageUnavailable),
    });
    const crisis = h.telegram.since(mark).find((c) => c.method === "sendMessage")!;
    expect(textOf(crisis)).toMatch(/112[\s\S]*150[\s\S]*111/);
    expect(crisis.payload.protect_content).toBe(true);

    const other = new TestUser(h, { id: 66_002, language_code: "kk" });
    const mark2 = h.telegram.mark();
    await expect(h.bot.handleUpdate(other.updates.text("/start"))).rejects.toBeDefined();
    const start = h.telegram.since(mark2).find((c) => c.method === "sendMessage")!;
    expect(textOf(start)).toContain("Сенім");
    expect(textOf(start)).toMatch(/112[\s\S]*150[\s\S]*111/);

    const third = new TestUser(h, { id: 66_003, language_code: "en" });
    const mark3 = h.telegram.mark();
    await expect(h.bot.handleUpdate(third.updates.text("hello"))).rejects.toBeDefined();
    expect(textOf(h.telegram.since(mark3).find((c) => c.method === "sendMessage")!)).toContain("back in a minute");

    await server.start();
    await new Promise((r) => setTimeout(r, 1_500)); // the client reconnects by itself

    // Telegram redelivers the failed update: now it reaches the operator's topic.
    const redelivered = await user.say("я хочу умереть");
    expect(redelivered.calls.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(-1005550001);
    const c = await h.deps.desk!.store.get(1);
    expect(c?.risk).toBe("emergency");
    expect(c?.status).toBe("open");
    // The flow that was running before the outage goes on from its question.
    const next = await user.send(user.updates.callback(firstOption));
    expect(next.buttonData.some((d) => d.startsWith("f:family:"))).toBe(true);
    await redis.quit();
  }, 30_000);
});
