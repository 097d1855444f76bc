/**
 * The session storage's first step (admit): a duplicate delivery is dropped, and an update
 * whose answer from Redis was lost on the way (a timeout during a failover) is not: Telegram
 * delivers it again and it must then be handled, with the session not left locked.
 */
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { keyspace } from "../../src/storage/keys.js";
import { RedisSessionStorage } from "../../src/storage/session.js";
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

describe("admit", () => {
  it("drops a redelivered update, lets others through", async () => {
    const storage = new RedisSessionStorage<{ prefs: object }>(db.redis, keyspace(db.prefix));
    expect(await storage.admit("u1", 10)).toBe("ok");
    await storage.release("u1");
    expect(await storage.admit("u1", 10)).toBe("duplicate");
    expect(await storage.admit("u1", 11)).toBe("ok");
    await storage.release("u1");
  });

  it("an update whose answer was lost is handled when Telegram delivers it again, and leaves no lock", async () => {
    const { client, arm } = losingNextAnswer(db.redis);
    const storage = new RedisSessionStorage<{ prefs: object }>(client, keyspace(db.prefix));
    arm();
    await expect(storage.admit("u2", 20)).rejects.toThrow("timed out");
    expect(await db.redis.exists(`${db.prefix}:lock:u2`)).toBe(0);
    expect(await storage.admit("u2", 20)).toBe("ok"); // the redelivery
    await storage.write("u2", { prefs: { lang: "kk" } });
    expect(JSON.parse((await db.redis.get(`${db.prefix}:prefs:u2`))!)).toEqual({ lang: "kk" });
  });
});
