import { afterAll, describe, expect, it } from "vitest";
import type { OpenRequest } from "../../src/cases/store.js";
import { RedisCaseStore } from "../../src/storage/cases.js";
import type { RelayJob } from "../../src/cases/outbox.js";
import { RedisOutbox } from "../../src/storage/outbox.js";
import { keyspace } from "../../src/storage/keys.js";
import { connectRedis, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("case-store");
const redis = db.redis;
const other = connectRedis(); // a second "process" on the same Redis
afterAll(async () => {
  await other.quit();
});

const options = { reopenWindowMs: 3_600_000, retentionSeconds: 3_600 };
const req = (user: string, extra: Partial<OpenRequest> = {}): OpenRequest => ({
  user,
  chatId: 42,
  lang: "kk",
  risk: "none",
  summary: "",
  now: 1_000_000,
  ...extra,
});

describe("the case store", () => {
  it("a user has at most one open case, even when two processes open at once", async () => {
    const a = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const b = new RedisCaseStore(other, keyspace(db.prefix), options);
    const results = await Promise.all([a.open(req("u1")), b.open(req("u1")), a.open(req("u1"))]);
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(results.filter((r) => r.how === "created")).toHaveLength(1);
  });

  it("claiming is exactly-once across processes: one owner, the other told who", async () => {
    const a = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const b = new RedisCaseStore(other, keyspace(db.prefix), options);
    const { case: c } = await a.open(req("u2"));
    const [first, second] = await Promise.all([a.claim(c.id, 111, 5), b.claim(c.id, 222, 5)]);
    const winners = [first, second].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = [first, second].find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, reason: "taken" });
    expect((await a.get(c.id))?.status).toBe("claimed");
  });

  it("orders the queue by risk, then by waiting time; a rise in risk moves a case up", async () => {
    const s = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const old = await s.open(req("a", { risk: "moderate", now: 1 }));
    const newer = await s.open(req("b", { risk: "high", now: 5 }));
    const oldest = await s.open(req("c", { risk: "none", now: 0 }));
    expect((await s.queue()).map((c) => c.id)).toEqual([newer.case.id, old.case.id, oldest.case.id]);
    expect(await s.raiseRisk(oldest.case.id, "emergency")).toBe(true);
    expect(await s.raiseRisk(oldest.case.id, "high")).toBe(false); // never lowered
    expect((await s.queue()).map((c) => c.id)).toEqual([oldest.case.id, newer.case.id, old.case.id]);
    expect(await s.position(old.case.id)).toBe(3);
  });

  it("resolving removes from the queue; writing within the window reopens the same case, later opens a new one", async () => {
    const s = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const { case: c } = await s.open(req("u3"));
    expect(await s.resolve(c.id, { outcome: "helped", category: "bullying.school" }, 2_000_000)).toBe(true);
    expect(await s.resolve(c.id, { outcome: "helped", category: "bullying.school" }, 2_000_000)).toBe(false);
    expect(await s.queue()).toEqual([]);
    const again = await s.open(req("u3", { now: 2_000_000 + 60_000 }));
    expect(again).toMatchObject({ how: "reopened", case: { id: c.id, status: "open" } });
    await s.resolve(c.id, { outcome: "helped", category: "bullying.school" }, 3_000_000);
    const later = await s.open(req("u3", { now: 3_000_000 + 2 * 3_600_000 }));
    expect(later.how).toBe("created");
    expect(later.case.id).not.toBe(c.id);
  });

  it("a waiting limit is raised once, whichever process gets there first", async () => {
    const a = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const b = new RedisCaseStore(other, keyspace(db.prefix), options);
    const { case: c } = await a.open(req("u4"));
    const marks = await Promise.all([a.markRaised(c.id, 1), b.markRaised(c.id, 1), a.markRaised(c.id, 1)]);
    expect(marks.filter(Boolean)).toHaveLength(1);
    expect(await b.markRaised(c.id, 2)).toBe(true);
  });

  it("eraseUser leaves nothing of the user's cases behind but the topic's 'erased' mark, its deletion a day later, and a block", async () => {
    const s = new RedisCaseStore(redis, keyspace(db.prefix), options);
    const { case: c } = await s.open(req("user-to-forget", { summary: "something private" }));
    await s.setThread(c.id, 77);
    await s.appendLog(c.id, { from: "user", kind: "text", text: "more", at: 1 });
    await s.block("user-to-forget");
    await s.eraseUser("user-to-forget", 1_000);
    const keys = await redis.keys(`${db.prefix}:*`);
    const left = keys.filter((k) => !k.endsWith(":case:seq")).sort();
    expect(left).toHaveLength(3);
    expect(left[0]).toMatch(new RegExp(`^${db.prefix}:blocked:[0-9a-f]{32}$`)); // not the pseudonym
    expect(left[1]).toBe(`${db.prefix}:thread:77`);
    expect(left[2]).toBe(`${db.prefix}:topics:expiring`);
    expect(await s.expiredTopics(1_000 + 24 * 3_600_000)).toEqual([{ thread: 77 }]);
    expect(await redis.get(`${db.prefix}:thread:77`)).toBe("erased");
    expect(await redis.ttl(`${db.prefix}:thread:77`)).toBeGreaterThan(0);
    expect(await s.isBlocked("user-to-forget")).toBe(true);
    expect(await s.byThread(77)).toBeUndefined();
  });
});

describe("the outbox", () => {
  const job = (caseId: number, n: number): RelayJob => ({ kind: "text", caseId, dir: "to_user", text: `m${n}` });

  it("keeps a job until it is delivered, retries failures, and keeps the order within a case", async () => {
    let clock = 0;
    const box = new RedisOutbox(redis, keyspace(db.prefix), { now: () => clock });
    await box.enqueue(job(1, 1));
    await box.enqueue(job(1, 2));
    await box.enqueue(job(2, 3));
    const sent: string[] = [];
    let fail = true;
    await box.drain(async (j) => {
      if (j.kind === "text" && j.text === "m1" && fail) return "retry";
      if (j.kind === "text") sent.push(j.text);
      return "sent";
    });
    expect(sent).toEqual(["m3"]); // case 1 is held back behind its failed first message
    fail = false;
    clock += 10 * 60_000;
    await box.drain(async (j) => {
      if (j.kind === "text") sent.push(j.text);
      return "sent";
    });
    expect(sent).toEqual(["m3", "m1", "m2"]);
    expect(await box.pending()).toBe(0);
  });

  it("a job leased by a process that died is delivered by another after the lease, once", async () => {
    let clock = 0;
    const dying = new RedisOutbox(redis, keyspace(db.prefix), { now: () => clock, leaseMs: 30_000 });
    const survivor = new RedisOutbox(other, keyspace(db.prefix), { now: () => clock, leaseMs: 30_000 });
    await dying.enqueue(job(9, 1));
    // The first process leases the job and dies before answering.
    void dying.drain(() => new Promise(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent: string[] = [];
    const deliver = async (j: RelayJob) => {
      if (j.kind === "text") sent.push(j.text);
      return "sent" as const;
    };
    await survivor.drain(deliver);
    expect(sent).toEqual([]); // still leased
    clock += 31_000;
    await survivor.drain(deliver);
    await survivor.drain(deliver);
    expect(sent).toEqual(["m1"]);
  });

  it("gives up after the maximum attempts and reports it", async () => {
    let clock = 0;
    const box = new RedisOutbox(redis, keyspace(db.prefix), { now: () => clock, maxAttempts: 3 });
    await box.enqueue(job(5, 1));
    const given: RelayJob[] = [];
    for (let i = 0; i < 5; i++) {
      await box.drain(async () => "retry", async (j) => void given.push(j));
      clock += 60 * 60_000;
    }
    expect(given).toHaveLength(1);
    expect(await box.pending()).toBe(0);
  });
});
