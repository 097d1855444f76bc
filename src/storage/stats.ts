/**
 * Counters that survive restarts and are shared by every process. Campaign counts are per
 * poster tag (never per user), and the tags are bounded: anyone can type `/start src-<anything>`,
 * so past MAX_TAGS distinct tags a new one is not counted (the existing ones still are).
 */
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";

const MAX_TAGS = 1_000;

// KEYS: campaigns; ARGV: tag, max tags.
const COUNT = new LuaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[2]) then
  return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
end
return 0
`);

export function redisStats(redis: Redis, keys: Keyspace): { countCampaign(tag: string): Promise<void> } {
  return {
    async countCampaign(tag) {
      await COUNT.run(redis, 1, keys.campaigns(), tag, String(MAX_TAGS));
    },
  };
}
