/**
 * Vitest's global setup: the tests need a Redis. When nothing answers at REDIS_URL (default
 * 127.0.0.1:6379), a throwaway redis-server (the Debian package `redis-server`) is started on a
 * free port, with nothing written to disk, and REDIS_URL is pointed at it for every test file
 * and every bot process the tests start; it is stopped when the run ends. Without redis-server
 * the run stops with one message saying how to install it.
 */
import { spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { PrivateRedis } from "./redis-server.js";

const DEFAULT_URL = "redis://127.0.0.1:6379";

/** Whether a Redis answers PING at `url` within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.REDIS_URL ?? DEFAULT_URL;
  if (await redisAnswers(url)) return undefined;
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new Error(
      `Nothing answers at ${url} and redis-server is not installed, so the tests have no Redis.\n` +
        "Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and run the tests again:\n" +
        "they start a throwaway redis-server themselves. Or start a Redis and set REDIS_URL.",
    );
  }
  const server = new PrivateRedis(["--appendonly", "no"]);
  await server.start();
  process.env.REDIS_URL = server.url;
  console.log(`No Redis at ${url}: the tests use a throwaway redis-server at ${server.url} (stopped at the end).`);
  return () => server.destroy();
}
