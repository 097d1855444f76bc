/**
 * The one way to get a Redis connection. Commands queue while reconnecting, with a bounded
 * retry, so a short Redis outage delays answers instead of dropping them.
 */
import { Cluster, Redis } from "ioredis";

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
    // Commands issued in the same tick by concurrent updates share one socket write.
    enableAutoPipelining: true,
  });
}

/**
 * Redis could not do a command now, and may later: no connection (an outage, a restart), a
 * timeout, or a refusal that passes (full under noeviction, loading, a replica, a failover).
 * An update that meets one is failed so that Telegram delivers it again.
 */
export function storageUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "MaxRetriesPerRequestError") return true;
  if (/^(OOM|LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY)\b/.test(error.message)) return true;
  if (/Connection is closed|Command timed out|Stream isn't writeable|connect E[A-Z]+/.test(error.message)) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTCONN"].includes(code);
}

/** Redis is full from this share of `maxmemory` on: writes may fail with OOM any moment. */
export const MEMORY_PRESSURE = 0.95;

/**
 * Readiness: Redis answers within the timeout and has room to write. With `maxmemory` set (and
 * `noeviction`, the only correct policy for this data), a Redis at MEMORY_PRESSURE refuses
 * writes soon: the process is then not ready, so no update is taken to be lost.
 */
export async function redisIsReady(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  const memory = await redisMemory(redis, timeoutMs);
  return memory !== undefined && memory.ratio < MEMORY_PRESSURE;
}

/** used_memory / maxmemory (0 without a limit), or undefined when Redis does not answer in time. */
export async function redisMemory(redis: Redis, timeoutMs = 1_000): Promise<{ ratio: number; policy: string } | undefined> {
  try {
    const info = await Promise.race([
      redis.info("memory"),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    const field = (name: string) => /^(\S+):(.*)$/m.exec(info.split("\n").find((l) => l.startsWith(`${name}:`)) ?? "")?.[2]?.trim();
    const used = Number(field("used_memory"));
    const max = Number(field("maxmemory"));
    return { ratio: max > 0 ? used / max : 0, policy: field("maxmemory_policy") ?? "unknown" };
  } catch {
    return undefined;
  }
}

export interface RedisTopology {
  url: string;
  /** "host:port,…" of Redis Sentinels; the master is found by name. */
  sentinels?: string;
  sentinelName?: string;
  /** "host:port,…" of Redis Cluster nodes. */
  clusterNodes?: string;
}

function hostPorts(list: string): Array<{ host: string; port: number }> {
  return list.split(",").map((hp) => {
    const i = hp.lastIndexOf(":");
    return { host: hp.slice(0, i), port: Number(hp.slice(i + 1)) };
  });
}

/**
 * A single server, Sentinel or Cluster, as configured. A Cluster client is used through the
 * same interface: every multi-key command and script of Senim touches keys under one
 * prefix with a {hash tag}, so they share a slot (the config insists on the tag).
 */
export function createRedisFor(topology: RedisTopology, options: RedisOptions = {}): Redis {
  const auth = new URL(topology.url);
  const password = auth.password ? decodeURIComponent(auth.password) : undefined;
  const common = {
    maxRetriesPerRequest: 2,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    enableOfflineQueue: true,
  };
  if (topology.clusterNodes) {
    const cluster = new Cluster(hostPorts(topology.clusterNodes), {
      redisOptions: { ...common, password },
      clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    return cluster as unknown as Redis;
  }
  if (topology.sentinels) {
    return new Redis({
      ...common,
      sentinels: hostPorts(topology.sentinels),
      name: topology.sentinelName ?? "mymaster",
      password,
      lazyConnect: options.lazyConnect ?? false,
    });
  }
  return createRedis(topology.url, options);
}
