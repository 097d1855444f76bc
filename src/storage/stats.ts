/**
 * Counters that survive restarts and are shared by every process: the daily figures of the
 * cases (cases/figures.ts names the counters) and poster campaigns. One hash per Kazakhstan
 * day, kept FIGURES_DAYS; nothing in it names a user or a case, and nothing anyone wrote.
 * Campaign counts are per poster tag (never per user), and the tags are bounded: anyone can
 * type `/start src-<anything>`, so past MAX_TAGS distinct tags a new one is not counted (the
 * existing ones still are).
 */
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";
import type { DayCounts, FigureStore } from "../cases/figures.js";

const MAX_TAGS = 1_000;
/** How long a day's figures are kept: a year and a month, for "this month last year". */
export const FIGURES_DAYS = 400;
const FIGURES_SECONDS = FIGURES_DAYS * 86_400;
/** The marker of a case's first operator reply: later replies of the case come well within this. */
const REPLIED_SECONDS = 120 * 86_400;

// KEYS: campaigns, the day; ARGV: tag, max tags, the day's lifetime (s).
const COUNT_CAMPAIGN = new LuaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('HINCRBY', KEYS[2], 'campaign.' .. ARGV[1], 1)
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
end
return 0
`);

// KEYS: the day, [a once-marker]; ARGV: the day's lifetime (s), the marker's lifetime (s), then counter, amount, ...
const COUNT = new LuaScript(`
if KEYS[2] and not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then return 0 end
for i = 3, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`);

export interface RedisStats extends FigureStore {
  /** A new user came by a poster's tag (counted once per user by the caller). */
  countCampaign(tag: string, day: string): Promise<void>;
}

export function redisStats(redis: Redis, keys: Keyspace): RedisStats {
  return {
    async countCampaign(tag, day) {
      await COUNT_CAMPAIGN.run(redis, 2, keys.campaigns(), keys.figures(day), tag, String(MAX_TAGS), FIGURES_SECONDS);
    },
    async count(day, counters) {
      const args = Object.entries(counters).flat();
      if (args.length > 0) await COUNT.run(redis, 1, keys.figures(day), FIGURES_SECONDS, 0, ...args);
    },
    async countFirst(day, caseId, counters) {
      await COUNT.run(redis, 2, keys.figures(day), keys.replied(caseId), FIGURES_SECONDS, REPLIED_SECONDS, ...counters.flatMap((c) => [c, 1]));
    },
    async days(days) {
      const pipeline = redis.pipeline();
      for (const day of days) pipeline.hgetall(keys.figures(day));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([err, value]): DayCounts => {
        if (err) throw err;
        return Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, Number(v)]));
      });
    },
  };
}
