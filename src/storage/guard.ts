/**
 * Before each update: has it been handled already (Telegram retries webhooks; several
 * processes may receive it), and is this user flooding? Shared by every process through
 * Redis, so the limit and the deduplication hold across instances. With Redis this guard
 * serves the updates that are not from a private chat (the staff group, groups the bot
 * leaves); a private chat's update is checked by the session storage's `admit`, in the same
 * round trip as its session. The console uses the memory guard for everything.
 */
import type { Redis } from "ioredis";
import { LuaScript } from "./lua.js";

export type GuardVerdict = "ok" | "duplicate" | "flood-first" | "flood";

export interface UpdateGuard {
  check(updateId: number, user: string | undefined): Promise<GuardVerdict>;
}

export interface FloodLimit {
  /** Updates allowed per window per user. */
  max: number;
  windowMs: number;
}

export const DEFAULT_FLOOD: FloodLimit = { max: 20, windowMs: 10_000 };

// KEYS: update marker, user counter (or ""); ARGV: marker ttl s, max, window ms.
const GUARD = new LuaScript(`
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return 'duplicate' end
if KEYS[2] == '' then return 'ok' end
local n = redis.call('INCR', KEYS[2])
if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
local max = tonumber(ARGV[2])
if n <= max then return 'ok' end
if n == max + 1 then return 'flood-first' end
return 'flood'
`);

export function redisGuard(redis: Redis, prefix: string, limit: FloodLimit = DEFAULT_FLOOD): UpdateGuard {
  return {
    async check(updateId, user) {
      return (await GUARD.run(redis,
        2,
        `${prefix}:upd:${updateId}`,
        user ? `${prefix}:rl:${user}` : "",
        "3600",
        String(limit.max),
        String(limit.windowMs),
      )) as GuardVerdict;
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
  };
}
