/**
 * The outbox keeps a case's messages in order whichever process delivers them: while one
 * process is still sending a user's first message, another does not send their second; other
 * cases, and the other direction of the same case, are not held up.
 */
import { describe, expect, it } from "vitest";
import type { RelayJob } from "../../src/cases/outbox.js";
import { RedisOutbox } from "../../src/storage/outbox.js";
import { keyspace } from "../../src/storage/keys.js";
import { useTestRedis } from "../kit/harness.js";

const db = useTestRedis("outbox");

const copy = (caseId: number, messageId: number, dir: RelayJob["dir"] = "to_staff"): RelayJob => ({ kind: "copy", caseId, dir, fromChat: 1, messageId });

describe("outbox order", () => {
  it("a case's second message waits for its first, even on another process; other lines go on", async () => {
    const a = new RedisOutbox(db.redis, keyspace(db.prefix));
    const b = new RedisOutbox(db.redis, keyspace(db.prefix));
    await a.enqueue(copy(7, 1));
    await a.enqueue(copy(7, 2));
    await a.enqueue(copy(8, 1));
    await a.enqueue(copy(7, 3, "to_user"));

    const delivered: string[] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    // Process A picks up case 7's first message and is slow to send it.
    const slow = a.drain(async (job) => {
      if (job.kind === "copy" && job.caseId === 7 && job.messageId === 1) await firstHeld;
      delivered.push(`${job.caseId}:${job.dir}:${job.kind === "copy" ? job.messageId : 0}`);
      return "sent";
    }, undefined, 1);
    await new Promise((r) => setTimeout(r, 20));
    // Meanwhile process B: case 8 and case 7's other direction go; case 7's second message waits.
    await b.drain(async (job) => {
      delivered.push(`${job.caseId}:${job.dir}:${job.kind === "copy" ? job.messageId : 0}`);
      return "sent";
    });
    expect(delivered.sort()).toEqual(["7:to_user:3", "8:to_staff:1"]);
    releaseFirst();
    await slow;
    await b.drain(async (job) => {
      delivered.push(`${job.caseId}:${job.dir}:${job.kind === "copy" ? job.messageId : 0}`);
      return "sent";
    });
    expect(delivered.slice(-2)).toEqual(["7:to_staff:1", "7:to_staff:2"]);
    expect(await a.pending()).toBe(0);
    expect(await db.redis.keys(`${db.prefix}:outbox:line:*`)).toEqual([]); // lines empty and gone
  });

  it("a job leased as it is queued goes to that process alone; the next of its line waits for it; a crash only delays it", async () => {
    let clock = 1_000_000;
    const a = new RedisOutbox(db.redis, keyspace(db.prefix), { now: () => clock, leaseMs: 30_000 });
    const b = new RedisOutbox(db.redis, keyspace(db.prefix), { now: () => clock, leaseMs: 30_000 });
    const first = await a.enqueueLeased(copy(5, 1));
    const second = await a.enqueueLeased(copy(5, 2));
    expect([first.leased, second.leased]).toEqual([true, false]);
    const delivered: string[] = [];
    const deliver = async (job: RelayJob) => {
      delivered.push(`${job.caseId}:${job.kind === "copy" ? job.messageId : 0}`);
      return "sent" as const;
    };
    // Another process finds nothing to do: the first is leased, the second waits behind it.
    expect(await b.drain(deliver)).toBe(0);
    // A process that dies holding the lease: once it runs out, another delivers both, in order.
    clock += 30_001;
    expect(await b.drain(deliver)).toBe(2);
    expect(delivered).toEqual(["5:1", "5:2"]);
    // The usual way: the process that queued it delivers it, and what is due next in the same round trip.
    await a.enqueue(copy(6, 1));
    const third = await a.enqueueLeased(copy(5, 3));
    expect(await a.drain(deliver, undefined, 50, [third])).toBe(2);
    expect(delivered.slice(-2)).toEqual(["5:3", "6:1"]);
    expect(await a.pending()).toBe(0);
  });
});
