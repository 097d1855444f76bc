/**
 * The session storage's first step (admit): a duplicate delivery is dropped, and an update
 * whose answer from Redis was lost on the way (a timeout during a failover) is not: Telegram
 * delivers it again and it must then be handled, with the session not left locked.
 */
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { keyspace } from "../../src/storage/keys.js";
import { type Admission, RedisSessionGate } from "../../src/storage/session.js";
import { useTestRedis } from "../kit/harness.js";

const db = useTestRedis("session");

/** A client whose next script runs in Redis but whose answer never arrives. */
function losingNextAnswer(redis: Redis): { client: Redis; arm(): void } {
  let armed = false;
  const client = new Proxy(redis, {
    get(target, prop, receiver) {
      if (prop === "evalsha" && armed) {
        return async (...args: Parameters<Redis["evalsha"]>) => {
          armed = false;
          await target.evalsha(...args);
          throw new Error("Command timed out");
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { client, arm: () => (armed = true) };
}

type Session = { prefs: { lang?: string } };
const gate = (redis: Redis, prefix: string) => new RedisSessionGate<Session>(redis, keyspace(prefix), () => ({ prefs: {} }));

function admitted(a: Admission<Session>) {
  if (a.verdict !== "ok") throw new Error(`expected admission, got ${a.verdict}`);
  return a.session;
}

describe("admit", () => {
  it("drops a redelivered update once it was handled (saved), lets others through", async () => {
    const sessions = gate(db.redis, db.prefix);
    await admitted(await sessions.admit("u1", 10)).save({ prefs: {} });
    expect((await sessions.admit("u1", 10)).verdict).toBe("duplicate");
    await admitted(await sessions.admit("u1", 11)).release();
  });

  it("an update that failed (released, not saved) is handled when Telegram delivers it again", async () => {
    const sessions = gate(db.redis, db.prefix);
    await admitted(await sessions.admit("u5", 50)).release();
    const again = admitted(await sessions.admit("u5", 50));
    await again.save({ prefs: { lang: "en" } });
    expect((await sessions.admit("u5", 50)).verdict).toBe("duplicate");
  });

  it("an update that waited for the lock while the same update was handled elsewhere is dropped", async () => {
    const sessions = gate(db.redis, db.prefix);
    const first = admitted(await sessions.admit("u6", 60));
    const redelivered = sessions.admit("u6", 60);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await first.save({ prefs: { lang: "kk" } });
    expect((await redelivered).verdict).toBe("duplicate");
  });

  it("a write from an update that lost its lock writes nothing and fails", async () => {
    const sessions = gate(db.redis, db.prefix);
    const slow = admitted(await sessions.admit("u7", 70));
    await db.redis.del(`${db.prefix}:lock:u7`); // the lock ran out…
    const other = admitted(await sessions.admit("u7", 71)); // …and another update took the session
    await other.save({ prefs: { lang: "kk" } });
    await expect(slow.save({ prefs: { lang: "en" } })).rejects.toThrow("lock was lost");
    expect(JSON.parse((await db.redis.get(`${db.prefix}:prefs:u7`))!)).toEqual({ lang: "kk" });
    expect((await sessions.admit("u7", 70)).verdict).toBe("ok"); // and the slow one is delivered again
  });

  it("an update whose answer was lost is handled when Telegram delivers it again, and leaves no lock", async () => {
    const { client, arm } = losingNextAnswer(db.redis);
    const sessions = gate(client, db.prefix);
    arm();
    await expect(sessions.admit("u2", 20)).rejects.toThrow("timed out");
    expect(await db.redis.exists(`${db.prefix}:lock:u2`)).toBe(0);
    const handle = admitted(await sessions.admit("u2", 20)); // the redelivery
    await handle.save({ prefs: { lang: "kk" } });
    expect(JSON.parse((await db.redis.get(`${db.prefix}:prefs:u2`))!)).toEqual({ lang: "kk" });
    expect(await db.redis.exists(`${db.prefix}:lock:u2`)).toBe(0);
  });
});

describe("the session handle", () => {
  it("hands the next update what the last one saved; a failed update (release) leaves it as it was", async () => {
    const sessions = gate(db.redis, db.prefix);
    const first = admitted(await sessions.admit("u3", 1));
    expect(first.value).toEqual({ prefs: {} });
    await first.save({ prefs: { lang: "en" } });
    const second = admitted(await sessions.admit("u3", 2));
    expect(second.value).toEqual({ prefs: { lang: "en" } });
    second.value.prefs.lang = "kk";
    await second.release();
    const third = admitted(await sessions.admit("u3", 3));
    expect(third.value).toEqual({ prefs: { lang: "en" } });
    await third.save(null);
    expect(await db.redis.exists(`${db.prefix}:prefs:u3`, `${db.prefix}:lock:u3`)).toBe(0);
  });

  it("an update waits for the one holding the session, then reads what it saved", async () => {
    const sessions = gate(db.redis, db.prefix);
    const holder = admitted(await sessions.admit("u4", 1));
    const waiting = sessions.admit("u4", 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await holder.save({ prefs: { lang: "ru" } });
    const next = admitted(await waiting);
    expect(next.value).toEqual({ prefs: { lang: "ru" } });
    await next.release();
  });
});
