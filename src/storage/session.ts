/**
 * Session storage in Redis, split in two keys with their own lifetimes: the user's
 * preferences (language, role, region) live long; the flow state (where they are in a
 * conversation) expires soon after it is abandoned.
 *
 * Several bot processes may get updates of the same user at once (webhooks behind a load
 * balancer), so a session is locked while an update uses it: the read takes the lock in the
 * same script (one round trip), the write or the release gives it back (one round trip). A
 * process that finds the lock taken waits for it; a lock whose holder died expires.
 *
 * grammY calls `write` only for a session the update touched: whoever uses this storage must
 * call `release(key)` when an update ends (createBot does, in a finally), or an untouched
 * session stays locked until the lock expires.
 */
import { randomUUID } from "node:crypto";
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

/** Longest an update may hold a user's session; a crashed holder's lock expires after it. */
const LOCK_MS = 15_000;
/** Longest an update waits for another process to release the session. */
const WAIT_MS = 20_000;

// KEYS: lock, prefs, flow; ARGV: token, lockMs. Returns {1, prefs, flow} or {0}.
const READ_LOCKED = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2]) or false, redis.call('GET', KEYS[3]) or false}
end
return {0}
`;

// KEYS: lock, prefs, flow; ARGV: token, prefsJson|"", prefsTtl, flowMode ("set"|"del"|"keep"), flowJson, flowTtl.
const WRITE_UNLOCK = `
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
if ARGV[4] == 'set' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
elseif ARGV[4] == 'del' then redis.call('DEL', KEYS[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

// KEYS: lock; ARGV: token.
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface Held {
  token: string;
  prefs: string;
  flow: string;
}

export class RedisSessionStorage<S extends SessionShape> implements StorageAdapter<S> {
  /** Sessions this process holds the lock of, with their serialized value as read. */
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
  ) {}

  async read(user: string): Promise<S | undefined> {
    const token = randomUUID();
    const lock = this.keys.lock(user);
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const result = (await this.redis.eval(
        READ_LOCKED,
        3,
        lock,
        this.keys.prefs(user),
        this.keys.flow(user),
        token,
        String(LOCK_MS),
      )) as [number, string | null, string | null];
      if (result[0] === 1) {
        const prefs = result[1] ?? null;
        const flow = result[2] ?? null;
        this.held.set(user, { token, prefs: prefs ?? "", flow: flow ?? "" });
        if (prefs === null && flow === null) return undefined;
        return { ...(flow ? (JSON.parse(flow) as object) : {}), prefs: prefs ? (JSON.parse(prefs) as object) : {} } as S;
      }
      if (Date.now() > deadline) throw new Error("session is locked by another update for too long");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async write(user: string, value: S): Promise<void> {
    const { prefs, ...rest } = value;
    const prefsJson = JSON.stringify(prefs ?? {});
    const hasFlow = Object.values(rest).some((v) => v !== undefined);
    const flowJson = hasFlow ? JSON.stringify(rest) : "";
    const held = this.held.get(user);
    this.held.delete(user);
    const prefsChanged = !held || held.prefs !== prefsJson;
    const flowMode = flowJson ? (held?.flow === flowJson ? "keep" : "set") : held?.flow ? "del" : "keep";
    if (!prefsChanged && flowMode === "keep") {
      if (held) await this.redis.eval(UNLOCK, 1, this.keys.lock(user), held.token);
      return;
    }
    await this.redis.eval(
      WRITE_UNLOCK,
      3,
      this.keys.lock(user),
      this.keys.prefs(user),
      this.keys.flow(user),
      held?.token ?? "",
      prefsChanged ? prefsJson : "",
      String(this.ttl.prefsSeconds),
      flowMode,
      flowJson,
      String(this.ttl.flowSeconds),
    );
  }

  async delete(user: string): Promise<void> {
    const held = this.held.get(user);
    this.held.delete(user);
    await this.redis.del(this.keys.prefs(user), this.keys.flow(user));
    if (held) await this.redis.eval(UNLOCK, 1, this.keys.lock(user), held.token);
  }

  /** Gives the lock back when an update ended without writing (it failed): called in a finally. */
  async release(user: string): Promise<void> {
    const held = this.held.get(user);
    if (!held) return;
    this.held.delete(user);
    await this.redis.eval(UNLOCK, 1, this.keys.lock(user), held.token).catch(() => undefined);
  }
}
