/**
 * The one way to get a Redis connection. Commands queue while reconnecting, with a bounded
 * retry, so a short Redis outage delays answers instead of dropping them.
 */
import { Redis } from "ioredis";

export type { Redis };

export interface RedisOptions {
  /** Fail a command after this long without Redis instead of waiting forever. */
  commandTimeoutMs?: number;
  lazyConnect?: boolean;
}

export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    lazyConnect: options.lazyConnect ?? false,
    maxRetriesPerRequest: 2,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

/** Readiness: Redis answers PING within the timeout. */
export async function redisIsReady(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return pong === "PONG";
  } catch {
    return false;
  }
}
