/**
 * Telegram takes about 20 bot messages a minute in one group and about one a second in one
 * private chat; past that it answers 429. The outbox paces what every process sends to each
 * destination by one budget kept in Redis, and a 429 for a chat pauses all of that chat's lines.
 */
import { describe, expect, it } from "vitest";
import type { DeliveryResult, RelayJob } from "../../src/cases/outbox.js";
import { RedisOutbox, type Throttle } from "../../src/storage/outbox.js";
import { keyspace } from "../../src/storage/keys.js";
import { useTestRedis } from "../kit/harness.js";
import { busiest } from "../kit/pace.js";

const db = useTestRedis("throttle");

const TELEGRAM: Throttle = { staffPerMinute: 20, userPerMinute: 60 };

const copy = (caseId: number, messageId: number, dir: RelayJob["dir"] = "to_staff"): RelayJob => ({ kind: "copy", caseId, dir, fromChat: 1, messageId });

/** Two processes on one Redis and one clock; `deliver` records when each job went out. */
function twoProcesses(throttle: Throttle | undefined) {
  let clock = 1_000_000;
  const keys = keyspace(db.prefix);
  const options = { now: () => clock, throttle, leaseMs: 30_000 };
  const processes = [new RedisOutbox(db.redis, keys, options), new RedisOutbox(db.redis, keys, options)];
  const sent: Array<{ at: number; job: RelayJob }> = [];
  const deliver = async (job: RelayJob): Promise<DeliveryResult> => {
    sent.push({ at: clock - 1_000_000, job });
    return "sent";
  };
  return {
    processes,
    sent,
    deliver,
    /** Both processes drain every `stepMs` until `untilMs` (simulated). */
    async run(untilMs: number, stepMs = 250, result: (job: RelayJob) => Promise<DeliveryResult> = deliver) {
      for (let t = 0; t <= untilMs; t += stepMs) {
        clock = 1_000_000 + t;
        for (const p of processes) await p.drain(result);
      }
    },
    set(t: number) {
      clock = 1_000_000 + t;
    },
  };
}


describe("the outbox keeps each chat under Telegram's limits, across processes", () => {
  it("30 messages from 30 cases reach the staff group at no more than 20 a minute, all of them", async () => {
    const p = twoProcesses(TELEGRAM);
    for (let id = 1; id <= 30; id++) await p.processes[id % 2]!.enqueue(copy(id, id));
    await p.run(180_000, 500);
    expect(p.sent).toHaveLength(30);
    expect(busiest(p.sent.map((s) => s.at), 60_000)).toBeLessThanOrEqual(20);
    // A burst goes at once (nobody waits for the pace when the group was quiet) …
    expect(p.sent.filter((s) => s.at === 0).length).toBeGreaterThanOrEqual(3);
    // … and the rest follow at the pace, not all at the end.
    expect(Math.max(...p.sent.map((s) => s.at))).toBeLessThan(120_000);
    // The pace's keys live only as long as they hold anyone back.
    const paces = await db.redis.keys(`${db.prefix}:throttle:*`);
    expect(paces.length).toBeGreaterThan(0);
    for (const key of paces) expect(await db.redis.pttl(key)).toBeGreaterThan(0);
  });

  it("a child's chat gets a short burst, then about one message a second; another child's chat is not held up", async () => {
    const p = twoProcesses(TELEGRAM);
    for (let m = 1; m <= 10; m++) await p.processes[m % 2]!.enqueue(copy(5, m, "to_user"));
    await p.processes[0]!.enqueue(copy(6, 1, "to_user"));
    await p.run(20_000, 100);
    const five = p.sent.filter((s) => s.job.caseId === 5);
    expect(five).toHaveLength(10);
    expect(busiest(five.map((s) => s.at), 1_000)).toBeLessThanOrEqual(3);
    // In the order the operator wrote them.
    expect(five.map((s) => (s.job.kind === "copy" ? s.job.messageId : 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.sent.find((s) => s.job.caseId === 6)?.at).toBe(0);
  });

  it("a 429 for the staff group pauses every case's messages to it until retry_after, then they all go", async () => {
    const p = twoProcesses(TELEGRAM);
    for (let id = 1; id <= 3; id++) await p.processes[0]!.enqueue(copy(id, 1));
    let refused = false;
    await p.run(30_000, 500, async (job) => {
      if (!refused) {
        refused = true;
        return { retryAfterMs: 10_000, flood: true };
      }
      return p.deliver(job);
    });
    expect(p.sent).toHaveLength(3);
    expect(Math.min(...p.sent.map((s) => s.at))).toBeGreaterThanOrEqual(10_000);
  });

  it("a message queued while there is room is leased to its process at once (no wait, no extra round trip)", async () => {
    const p = twoProcesses(TELEGRAM);
    const first = await p.processes[0]!.enqueueLeased(copy(1, 1));
    expect(first.leased).toBe(true);
    // Past the burst, the next one is left to the pace: not leased, due later.
    const more = [];
    for (let id = 2; id <= 8; id++) more.push(await p.processes[1]!.enqueueLeased(copy(id, 1)));
    expect(more.filter((q) => !q.leased).length).toBeGreaterThan(0);
  });

  it("a timer that comes back every 500 ms loses no place: what accrues between its rounds goes at the next (a real clock)", async () => {
    const keys = keyspace(db.prefix);
    // 600 a minute: a place every ~102 ms after a burst of 4.
    const pace: Throttle = { staffPerMinute: 600, userPerMinute: 60 };
    const processes = [new RedisOutbox(db.redis, keys, { throttle: pace }), new RedisOutbox(db.redis, keys, { throttle: pace })];
    for (let id = 1; id <= 60; id++) await processes[0]!.enqueue(copy(id, id));
    const times: number[] = [];
    const start = Date.now();
    const deliver = async (): Promise<DeliveryResult> => {
      times.push(Date.now() - start);
      return "sent";
    };
    const rounds = processes.map(async (p) => {
      while (Date.now() - start < 3_000) {
        await p.drain(deliver);
        await new Promise((r) => setTimeout(r, 500));
      }
    });
    await Promise.all(rounds);
    const interval = Math.ceil(60_000 / (600 - 4 + 1));
    // Nearly every place of those 3 s was used: the places accrue between rounds (up to the burst)…
    expect(times.length).toBeGreaterThanOrEqual(20);
    // … and never faster than the pace.
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(3 + Math.ceil(1_000 / interval) + 1);
  });

  it("without a throttle (a test's own clock, the console) everything goes at once, as before", async () => {
    const p = twoProcesses(undefined);
    for (let id = 1; id <= 30; id++) await p.processes[0]!.enqueue(copy(id, id));
    await p.run(0);
    expect(p.sent).toHaveLength(30);
  });
});
