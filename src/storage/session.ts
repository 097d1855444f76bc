/**
 * Session storage in Redis, split in two keys with their own lifetimes: the user's
 * preferences (language, role, region) live long; the flow state (where they are in a
 * conversation) expires soon after it is abandoned. One MGET to read, one MULTI to write,
 * and no write at all when nothing changed.
 */
import type { StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

export interface SessionShape {
  prefs: object;
}

export interface SessionTtl {
  /** Seconds the preferences survive without any visit. */
  prefsSeconds: number;
  /** Seconds an untouched flow (conversation state) survives. */
  flowSeconds: number;
}

export const DEFAULT_TTL: SessionTtl = { prefsSeconds: 90 * 24 * 3600, flowSeconds: 24 * 3600 };

export class RedisSessionStorage<S extends SessionShape> implements StorageAdapter<S> {
  /** Serialized value as read, to skip writing an unchanged session (same-chat updates are sequential). */
  private readonly seen = new Map<string, { prefs: string; flow: string }>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
  ) {}

  async read(user: string): Promise<S | undefined> {
    const [prefs, flow] = await this.redis.mget(this.keys.prefs(user), this.keys.flow(user));
    if (prefs == null && flow == null) return undefined;
    // A read whose write never came (a crash mid-update) must not grow this map forever.
    if (this.seen.size > 10_000) this.seen.clear();
    this.seen.set(user, { prefs: prefs ?? "", flow: flow ?? "" });
    return { ...(flow ? (JSON.parse(flow) as object) : {}), prefs: prefs ? (JSON.parse(prefs) as object) : {} } as S;
  }

  async write(user: string, value: S): Promise<void> {
    const { prefs, ...rest } = value;
    const prefsJson = JSON.stringify(prefs ?? {});
    const hasFlow = Object.values(rest).some((v) => v !== undefined);
    const flowJson = hasFlow ? JSON.stringify(rest) : "";
    const before = this.seen.get(user);
    this.seen.delete(user);
    if (before && before.prefs === prefsJson && before.flow === flowJson) return;
    const tx = this.redis.multi();
    if (!before || before.prefs !== prefsJson) tx.set(this.keys.prefs(user), prefsJson, "EX", this.ttl.prefsSeconds);
    if (flowJson) tx.set(this.keys.flow(user), flowJson, "EX", this.ttl.flowSeconds);
    else if (before?.flow) tx.del(this.keys.flow(user));
    await tx.exec();
  }

  async delete(user: string): Promise<void> {
    this.seen.delete(user);
    await this.redis.del(this.keys.prefs(user), this.keys.flow(user));
  }
}
