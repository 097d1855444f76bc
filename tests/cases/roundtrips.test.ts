/**
 * Redis round trips of the desk's updates, counted as the bench counts them (bench/lib/meter.ts:
 * a command, or a pipeline / MULTI…EXEC, is one round trip) on a client with production
 * settings (storage/redis.ts, auto-pipelining on). An operator's update (a message relayed to
 * the user, the Resolve button) takes at most 4, so a later change cannot quietly raise it;
 * the user's side has ceilings of its own.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createRedis } from "../../src/storage/redis.js";
import { staffGroup } from "../../src/testing/updates.js";
import { RedisMeter } from "../../bench/lib/meter.js";
import { REDIS_URL, TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";

const STAFF = -1001234500000;
const db = useTestRedis("roundtrips");
const redis = createRedis(REDIS_URL);
const meter = new RedisMeter(redis);
afterAll(() => redis.quit());

const staff = staffGroup(STAFF);
const operator = { id: 701, first_name: "Aigerim" };

async function openCase() {
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF });
  const user = new TestUser(h, { id: 9001, language_code: "en" });
  await onboard(user, "en", "child");
  /** Round trips of one update, and what it sent. */
  const measure = async (send: () => Promise<unknown>) => {
    const before = meter.roundTrips;
    await send();
    return meter.roundTrips - before;
  };
  const opened = await measure(() => user.press("m:person"));
  const topic = h.telegram.calls.find((c) => c.method === "createForumTopic")!;
  const thread = (topic.result as { message_thread_id: number }).message_thread_id;
  const fromStaff = (update: Update) => measure(() => h.send(update));
  return { h, user, thread, opened, measure, fromStaff };
}

describe("Redis round trips per desk update", () => {
  it("an operator's relay and a Resolve press take at most 4 each (a relay 3); the user's side stays low", async () => {
    const { h, user, thread, opened, measure, fromStaff } = await openCase();
    expect(opened).toBeLessThanOrEqual(7);

    const relayUser = await measure(() => user.say("hello, are you there?"));
    expect(relayUser).toBeLessThanOrEqual(5);

    // The first operator message (it also claims the case; staff membership asked of Telegram
    // and cached), then one more, as most are.
    const firstRelay = await fromStaff(staff.text(operator, "Hello, I am here", { thread }));
    const relay = await fromStaff(staff.text(operator, "Tell me more", { thread }));
    expect(firstRelay).toBeLessThanOrEqual(5);
    expect(relay).toBeLessThanOrEqual(3);

    const resolve = await fromStaff(staff.callback(operator, "c:out:1:helped", { thread }));
    expect(resolve).toBeLessThanOrEqual(4);

    // Everything arrived, in order: the operator's two messages, then the resolution.
    const toUser = h.telegram.calls.filter((c) => c.payload.chat_id === 9001 && (c.method === "copyMessage" || c.method === "sendMessage"));
    expect(toUser.slice(-3).map((c) => c.method)).toEqual(["copyMessage", "copyMessage", "sendMessage"]);
    expect(await h.deps.desk!.pendingRelays()).toBe(0);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("resolved");

    const rate = await measure(() => user.send(user.updates.callback("rate:1:5")));
    expect(rate).toBeLessThanOrEqual(3);
  });
});
