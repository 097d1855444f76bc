/**
 * Before each update: has it been handled already (Telegram retries webhooks; several
 * processes may receive it), and is this user flooding? Shared by every process through
 * Redis, so the limit and the deduplication hold across instances. With Redis this guard
 * serves the updates that are not from a private chat (the staff group, groups the bot
 * leaves); a private chat's update is checked by the session storage's `admit`, in the same
 * round trip as its session. The console uses the memory guard for everything.
 */
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

export type GuardVerdict = "ok" | "duplicate" | "flood-first" | "flood";

export interface UpdateGuard {
  check(updateId: number, user: string | undefined): Promise<GuardVerdict>;
  /** The update failed: forget that it was seen, so that Telegram's redelivery is handled. */
  forget(updateId: number): Promise<void>;
}

export interface FloodLimit {
  /** Updates allowed per window per user. */
  max: number;
  windowMs: number;
}

export const DEFAULT_FLOOD: FloodLimit = { max: 20, windowMs: 10_000 };

/**
 * With Redis: a marker per update id, for an hour. Only updates that are not from a private
 * chat come here (a user's updates go through the session storage's `admit`, which also
 * applies the flood limit), so there is no user to count.
 */
export function redisGuard(redis: Redis, keys: Keyspace): UpdateGuard {
  return {
    async check(updateId) {
      const fresh = await redis.set(keys.update(updateId), "1", "EX", 3600, "NX");
      return fresh === null ? "duplicate" : "ok";
    },
    async forget(updateId) {
      await redis.del(keys.update(updateId));
    },
  };
}

/** The console's guard: the same rules in this process's memory. */
export function memoryGuard(limit: FloodLimit = DEFAULT_FLOOD): UpdateGuard {
  const seen = new Set<number>();
  const counts = new Map<string, { n: number; until: number }>();
  return {
    async check(updateId, user) {
      if (seen.has(updateId)) return "duplicate";
      if (seen.size > 100_000) seen.clear();
      seen.add(updateId);
      if (!user) return "ok";
      const now = Date.now();
      const entry = counts.get(user);
      const current = entry && entry.until > now ? entry : { n: 0, until: now + limit.windowMs };
      current.n++;
      counts.set(user, current);
      if (current.n <= limit.max) return "ok";
      return current.n === limit.max + 1 ? "flood-first" : "flood";
    },
    async forget(updateId) {
      seen.delete(updateId);
    },
  };
}
