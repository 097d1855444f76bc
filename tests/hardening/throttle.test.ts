/**
 * Telegram takes about 20 bot messages a minute in one group; past that it answers 429 and the
 * bot's messages wait anyway. Two real bot processes share one pace kept in Redis, so what they
 * send together into the staff group stays under the limit (here set to 120 a minute, to keep
 * the test short), nothing is lost and each case keeps its order; and when Telegram does say
 * "retry after N s" for the group, every case's messages to it wait, not only the refused one.
 */
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { UpdateFactory } from "../../src/testing/updates.js";
import { useTestRedis } from "../kit/harness.js";
import { busiest } from "../kit/pace.js";
import { postUpdate, startBotProcess, useBotApiServer } from "../kit/bot-process.js";

const SECRET = "throttle-test-secret-1234";
const STAFF = -1007770000009;
const PER_MINUTE = 120;
const { redis, prefix } = useTestRedis("throttle-processes", { shared: true });
const children: ChildProcess[] = [];
const fake = useBotApiServer(children);

function startBot(): Promise<{ port: number; child: ChildProcess }> {
  const env = { STAFF_GROUP_MESSAGES_PER_MINUTE: String(PER_MINUTE), USER_CHAT_MESSAGES_PER_MINUTE: "1200" };
  return startBotProcess({ prefix, apiRoot: fake.api.root, secret: SECRET, staffChatId: STAFF, env }, children);
}

const post = (port: number, update: Update) => postUpdate(port, SECRET, update);

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}


/** Users with an open case whose topic exists (so only their messages are measured). */
async function usersWithCases(port: number, firstId: number, n: number): Promise<UpdateFactory[]> {
  const users = Array.from({ length: n }, (_, i) => new UpdateFactory({ id: firstId + i, language_code: "en" }));
  for (const u of users) expect(await post(port, u.callback("m:person"))).toBe(200);
  const topics = async () => {
    const ids = await redis.keys(`${prefix}:case:*`);
    const threads = await Promise.all(ids.filter((k) => /case:\d+$/.test(k)).map((k) => redis.hget(k, "threadId")));
    return threads.filter(Boolean).length;
  };
  await until(async () => (await topics()) >= n, 30_000);
  // Let the pace recover from the cards before measuring.
  await new Promise((r) => setTimeout(r, 3_000));
  return users;
}

const copiesFrom = (users: UpdateFactory[], mark: number) => {
  const ids = new Set(users.map((u) => u.user.id));
  return fake.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === STAFF && ids.has(Number(c.payload.from_chat_id)));
};


describe("the pace of the staff group, shared by every process", () => {
  it("a burst of 24 messages from 6 children, over two processes, reaches the group at the pace: all of them, each child's in order", async () => {
    const [a, b] = await Promise.all([startBot(), startBot()]);
    const users = await usersWithCases(a.port, 886_100, 6);
    const mark = fake.api.telegram.mark();
    const sends: Array<Promise<number>> = [];
    for (let i = 1; i <= 4; i++) {
      users.forEach((u, n) => sends.push(post(n % 2 === 0 ? a.port : b.port, u.text(`message ${i}`))));
    }
    expect(await Promise.all(sends)).toEqual(sends.map(() => 200));
    await until(() => copiesFrom(users, mark).length >= 24, 40_000).catch(() => undefined);
    const copies = copiesFrom(users, mark);
    expect(copies).toHaveLength(24);
    // 120 a minute with a burst of 4: at most 3 + 5 s / 513 ms, about 12, in any 5 seconds.
    const interval = Math.ceil(60_000 / (PER_MINUTE - 4 + 1));
    expect(busiest(copies.map((c) => c.at!), 5_000)).toBeLessThanOrEqual(3 + Math.ceil(5_000 / interval));
    for (const u of users) {
      const order = copies.filter((c) => Number(c.payload.from_chat_id) === u.user.id).map((c) => Number(c.payload.message_id));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  }, 90_000);

  it("Telegram's 429 for the group holds every child's messages to it until retry_after, then all arrive", async () => {
    const [a] = await Promise.all([startBot()]);
    const users = await usersWithCases(a.port, 886_200, 5);
    const mark = fake.api.telegram.mark();
    fake.api.telegram.failNext("copyMessage", { error_code: 429, description: "Too Many Requests: retry after 4", parameters: { retry_after: 4 } }, 1);
    const refusedAt = Date.now();
    for (const u of users) expect(await post(a.port, u.text("are you there?"))).toBe(200);
    await until(() => copiesFrom(users, mark).length >= 5, 30_000).catch(() => undefined);
    const copies = copiesFrom(users, mark);
    expect(copies).toHaveLength(5);
    // None went while Telegram had said to wait (a little slack for the clocks of two processes).
    expect(Math.min(...copies.map((c) => c.at!))).toBeGreaterThanOrEqual(refusedAt + 3_800);
  }, 90_000);
});
