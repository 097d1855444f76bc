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
import { LuaScript } from "./lua.js";

/**
 * `busy`: another delivery of this update is being handled now, or one died in the middle of
 * it a moment ago: the caller fails it, and Telegram delivers it again later.
 */
export type GuardVerdict = "ok" | "duplicate" | "busy" | "flood-first" | "flood";

export interface UpdateGuard {
  check(updateId: number, user: string | undefined): Promise<GuardVerdict>;
  /** The update failed: forget that it was seen, so that Telegram's redelivery is handled. */
  forget(updateId: number): Promise<void>;
  /** The update's effects are durable: from now on a delivery of it is a duplicate. */
  done(updateId: number): Promise<void>;
}

/**
 * How long an update is "being handled" at most. If its process dies, or Redis goes away
 * before `forget` can run, the mark runs out and a later delivery is handled: an update is
 * never dropped as a duplicate of one that did not finish.
 */
const RUNNING_SECONDS = 30;
/** How long a handled update is remembered (Telegram's redeliveries come within it). */
const DONE_SECONDS = 3600;
/** How long "done" marks gather before they are written together. */
export const DONE_BATCH_MS = 20;

// KEYS: the update's marker; ARGV: running seconds. "ok" (now running), "busy" or "duplicate".
const CHECK = new LuaScript(`
if redis.call('SET', KEYS[1], 'r', 'EX', ARGV[1], 'NX') then return 'ok' end
if redis.call('GET', KEYS[1]) == 'r' then return 'busy' end
return 'duplicate'
`);

export interface FloodLimit {
  /** Updates allowed per window per user. */
  max: number;
  windowMs: number;
}

export const DEFAULT_FLOOD: FloodLimit = { max: 20, windowMs: 10_000 };

/**
 * With Redis: a marker per update id, "running" while it is handled (half a minute at most), then
 * "done" for an hour. Only updates that are not from a private chat come here (a user's
 * updates go through the session storage's `admit`, which also applies the flood limit), so
 * there is no user to count.
 */
export function redisGuard(redis: Redis, keys: Keyspace): UpdateGuard {
  // "Done" marks are written off the update's path, many in one pipeline: a mark only guards
  // against a rare redelivery, and one that is lost (the process dies, Redis is away) runs out
  // as "running" in half a minute, after which a redelivery is handled again (a duplicate, not
  // a loss).
  let batch: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const writeBatch = async (): Promise<void> => {
    const ids = batch;
    batch = [];
    timer = undefined;
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.set(keys.update(id), "d", "EX", DONE_SECONDS);
    await pipeline.exec().catch(() => undefined);
  };
  return {
    async check(updateId) {
      return (await CHECK.run(redis, 1, keys.update(updateId), RUNNING_SECONDS)) as GuardVerdict;
    },
    async forget(updateId) {
      await redis.del(keys.update(updateId));
    },
    async done(updateId) {
      batch.push(updateId);
      timer ??= setTimeout(() => void writeBatch(), DONE_BATCH_MS);
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
    async done() {
      // Marked seen by `check` already: this process cannot die between the two and live on.
    },
  };
}
