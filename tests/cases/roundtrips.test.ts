/**
 * Redis round trips of the desk's updates, counted as the bench counts them (bench/lib/meter.ts:
 * a command, or a pipeline / MULTI…EXEC, is one round trip) on a client with production
 * settings (storage/redis.ts, auto-pipelining on). An operator's update (a message relayed to
 * the user, a step of the resolve dialogue) takes at most 4, so a later change cannot quietly raise it;
 * the user's side has ceilings of its own.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createRedis } from "../../src/storage/redis.js";
import { DONE_BATCH_MS } from "../../src/storage/guard.js";
import { staffGroup } from "../../src/testing/updates.js";
import { RedisMeter, delta } from "../../bench/lib/meter.js";
import { DESK_CB } from "../../src/bot/callbacks.js";
import { REDIS_URL, TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";

const STAFF = -1001234500000;
const db = useTestRedis("roundtrips");
const redis = createRedis(REDIS_URL);
const meter = new RedisMeter(redis);
afterAll(() => redis.quit());

const staff = staffGroup(STAFF);
/** Round trips of one update. */
async function measure(send: () => Promise<unknown>): Promise<number> {
  const before = meter.roundTrips;
  const names = meter.read();
  await send();
  // What the update left to write off its path (a staff update's "done" mark) counts too.
  await new Promise((r) => setTimeout(r, DONE_BATCH_MS * 3));
  if (process.env.SHOW_ROUNDTRIPS) console.log(meter.roundTrips - before, delta(meter.read(), names).byName);
  return meter.roundTrips - before;
}

/** A user's case from "Talk to a person" to their rating, with an operator: the round trips of each update. */
async function conversation(h: ReturnType<typeof createHarness>, userId: number, caseId: number, operatorId: number) {
  const user = new TestUser(h, { id: userId, language_code: "en" });
  const operator = { id: operatorId, first_name: "Aigerim" };
  await onboard(user, "en", "child");
  const opened = await measure(() => user.press("m:person"));
  const topic = h.telegram.calls.filter((c) => c.method === "createForumTopic").at(-1)!;
  const thread = (topic.result as { message_thread_id: number }).message_thread_id;
  const fromStaff = (update: Update) => measure(() => h.send(update));
  const relayUser = await measure(() => user.say("hello, are you there?"));
  // The first operator message (it also claims the case), then one more, as most are.
  const firstRelay = await fromStaff(staff.text(operator, "Hello, I am here", { thread }));
  const relay = await fromStaff(staff.text(operator, "Tell me more", { thread }));
  // Resolving is a dialogue: Resolve, an outcome, a category in two levels, no note.
  const c = { id: caseId, threadId: thread };
  const press = (data: string) => fromStaff(staff.callback(operator, data, { thread }));
  const steps = [
    await press(DESK_CB.resolveMenu(c)),
    await press(DESK_CB.outcome(c, "helped")),
    await press(DESK_CB.category(c, "family")),
    await press(DESK_CB.subcategory(c, "family.parents")),
  ];
  const resolve = await press(DESK_CB.skipNote(c));
  const rate = await measure(() => user.send(user.updates.callback(`rate:${caseId}:5`)));
  if (process.env.SHOW_ROUNDTRIPS) console.log({ opened, relayUser, firstRelay, relay, steps, resolve, rate });
  return { opened, relayUser, firstRelay, relay, steps, resolve, rate };
}

describe("Redis round trips per desk update", () => {
  it("an operator's relay takes at most 4 (its last marking the update done), each step of the resolve dialogue 4 and its last 6; the user's side stays low", async () => {
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF });
    // Once through first: Redis loads each script on its first use (one more round trip then).
    await conversation(h, 9001, 1, 701);
    // Operator 702's membership is asked of Telegram on their first message, then cached.
    const n = await conversation(h, 9002, 2, 702);
    // A staff update ends by marking itself done (fault 5 of issue #13: a delivery that died is
    // never taken for a duplicate): one round trip more than before, one at a time (under load
    // many marks share one pipeline).
    expect(n.firstRelay).toBeLessThanOrEqual(6);
    expect(n.relay).toBeLessThanOrEqual(4);
    // A step of the resolve dialogue: the update's check with the dialogue's state (one pipeline),
    // the case, the state written back (a text that may be a note costs nothing more: its read
    // shares the check's round trip). The last step resolves, and deletes the dialogue: one more
    // than the single press that resolved before the dialogue.
    for (const step of n.steps) expect(step).toBeLessThanOrEqual(4);
    expect(n.resolve).toBeLessThanOrEqual(6);
    // Opening posts the topic and card through the outbox (durable under 429s): two more than a direct call.
    expect(n.opened).toBeLessThanOrEqual(9);
    expect(n.relayUser).toBeLessThanOrEqual(5);
    expect(n.rate).toBeLessThanOrEqual(3);

    // Everything arrived, in order: the operator's two messages, the resolution, thanks for the rating.
    const toUser = h.telegram.calls.filter((c) => c.payload.chat_id === 9002 && (c.method === "copyMessage" || c.method === "sendMessage"));
    expect(toUser.slice(-4).map((c) => c.method)).toEqual(["copyMessage", "copyMessage", "sendMessage", "sendMessage"]);
    expect(h.telegram.calls.filter((c) => c.method === "copyMessage" && c.payload.chat_id === STAFF)).toHaveLength(2);
    expect(await h.deps.desk!.pendingRelays()).toBe(0);
    expect((await h.deps.desk!.store.get(2))?.status).toBe("resolved");
    expect((await h.deps.desk!.store.get(2))?.rating).toBe(5);
  });
});
