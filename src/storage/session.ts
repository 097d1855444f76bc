/**
 * Session storage in Redis, split in two keys with their own lifetimes: the user's
 * preferences (language, role, region) live long; the flow state (where they are in a
 * flow) expires soon after it is abandoned.
 *
 * Several bot processes may get updates of the same user at once (webhooks behind a load
 * balancer), so a session is locked while an update uses it: the read takes the lock in the
 * same script (one round trip), the write or the release gives it back (one round trip). A
 * process that finds the lock taken waits for it; a lock whose holder died expires. `admit`
 * does the read together with the update's checks (a duplicate delivery, a flood), so an
 * ordinary update costs two round trips in all.
 *
 * grammY calls `write` only for a session the update touched: whoever uses this storage must
 * call `release(key)` when an update ends (createBot does, in a finally), or an untouched
 * session stays locked until the lock expires.
 */
import { randomUUID } from "node:crypto";
import type { StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { DEFAULT_FLOOD, type FloodLimit, type GuardVerdict } from "./guard.js";
import { LuaScript } from "./lua.js";

export interface SessionShape {
  prefs: object;
}

export interface SessionTtl {
  /** Seconds the preferences survive without any visit. */
  prefsSeconds: number;
  /** Seconds an untouched flow (flows/machine.ts) survives. */
  flowSeconds: number;
}

export const DEFAULT_TTL: SessionTtl = { prefsSeconds: 90 * 24 * 3600, flowSeconds: 24 * 3600 };

/** Longest an update may hold a user's session; a crashed holder's lock expires after it. */
const LOCK_MS = 15_000;
/** Longest an update waits for another process to release the session. */
const WAIT_MS = 20_000;
/** A user's update ids are remembered this long (Telegram redelivers a webhook for a while)… */
const SEEN_SECONDS = 3600;
/** …the newest this many of them (a user over the flood limit sends no more in a window). */
const SEEN_KEEP = 64;

// KEYS: lock, prefs, flow, seen, rate; ARGV: token, lockMs, updateId ("" = no check), seenTtl,
// seenKeep, floodMax, floodWindowMs. Before the lock, when an update id is given: has this user's
// update been seen (Telegram redelivers webhooks), and is the user over the flood limit?
// Returns {1, prefs, flow} (locked), {0} (locked by another update), {2} duplicate,
// {3} the first update over the limit, {4} another one over it. The same call sent again (the
// client re-sends a command whose answer was lost) finds its own lock: it gets the session.
const READ_LOCKED = new LuaScript(`
if ARGV[3] ~= '' then
  if redis.call('ZADD', KEYS[4], 'NX', ARGV[3], ARGV[3]) == 0 then
    if redis.call('GET', KEYS[1]) == ARGV[1] then
      return {1, redis.call('GET', KEYS[2]) or false, redis.call('GET', KEYS[3]) or false}
    end
    return {2}
  end
  redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[5]) + 1))
  redis.call('EXPIRE', KEYS[4], ARGV[4])
  local n = redis.call('INCR', KEYS[5])
  if n == 1 then redis.call('PEXPIRE', KEYS[5], ARGV[7]) end
  local max = tonumber(ARGV[6])
  if n == max + 1 then return {3} end
  if n > max then return {4} end
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2]) or false, redis.call('GET', KEYS[3]) or false}
end
return {0}
`);

// KEYS: lock, prefs, flow; ARGV: token, prefsJson|"", prefsTtl, flowMode ("set"|"del"|"keep"), flowJson, flowTtl.
const WRITE_UNLOCK = new LuaScript(`
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
if ARGV[4] == 'set' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
elseif ARGV[4] == 'del' then redis.call('DEL', KEYS[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

// KEYS: lock, seen; ARGV: token, updateId. Undoes a read that failed on its way back: the lock is
// given back and the update is no longer "seen", so Telegram's redelivery is handled.
const UNDO_READ = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if ARGV[2] ~= '' then redis.call('ZREM', KEYS[2], ARGV[2]) end
return 1
`);

// KEYS: lock; ARGV: token.
const UNLOCK = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

interface Held {
  token: string;
  prefs: string;
  flow: string;
}

export class RedisSessionStorage<S extends SessionShape> implements StorageAdapter<S> {
  /** Sessions this process holds the lock of, with their serialized value as read. */
  private readonly held = new Map<string, Held>();
  /** Sessions read by `admit`, waiting for the session middleware's `read`. */
  private readonly prefetched = new Map<string, S | undefined>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
    private readonly flood: FloodLimit = DEFAULT_FLOOD,
  ) {}

  /**
   * The first step of a private update, in one round trip: drops a duplicate delivery, applies
   * the flood limit (both shared by every process), and reads and locks the session, which the
   * session middleware's `read` then gets without asking Redis again.
   */
  async admit(user: string, updateId: number): Promise<GuardVerdict> {
    const verdict = await this.lockAndRead(user, String(updateId));
    if (typeof verdict === "string") return verdict;
    this.prefetched.set(user, verdict.value);
    return "ok";
  }

  async read(user: string): Promise<S | undefined> {
    if (this.prefetched.has(user)) {
      const value = this.prefetched.get(user);
      this.prefetched.delete(user);
      return value;
    }
    const result = await this.lockAndRead(user, "");
    return typeof result === "string" ? undefined : result.value;
  }

  private async lockAndRead(user: string, updateId: string): Promise<Exclude<GuardVerdict, "ok"> | { value: S | undefined }> {
    const token = randomUUID();
    try {
      return await this.tryLockAndRead(user, updateId, token);
    } catch (err) {
      // Redis may have run the script and only the answer was lost (a timeout in a failover):
      // best effort, give the lock back and forget the update, so that its redelivery counts.
      await UNDO_READ.run(this.redis, 2, this.keys.lock(user), this.keys.seen(user), token, updateId).catch(() => undefined);
      throw err;
    }
  }

  private async tryLockAndRead(
    user: string,
    firstUpdateId: string,
    token: string,
  ): Promise<Exclude<GuardVerdict, "ok"> | { value: S | undefined }> {
    let updateId = firstUpdateId;
    const lock = this.keys.lock(user);
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const result = (await READ_LOCKED.run(
        this.redis,
        5,
        lock,
        this.keys.prefs(user),
        this.keys.flow(user),
        this.keys.seen(user),
        this.keys.rate(user),
        token,
        LOCK_MS,
        updateId,
        SEEN_SECONDS,
        SEEN_KEEP,
        this.flood.max,
        this.flood.windowMs,
      )) as [number, string | null, string | null];
      const status = result[0];
      if (status === 1) {
        const prefs = result[1] ?? null;
        const flow = result[2] ?? null;
        this.held.set(user, { token, prefs: prefs ?? "", flow: flow ?? "" });
        if (prefs === null && flow === null) return { value: undefined };
        return { value: { ...(flow ? (JSON.parse(flow) as object) : {}), prefs: prefs ? (JSON.parse(prefs) as object) : {} } as S };
      }
      if (status === 2) return "duplicate";
      if (status === 3) return "flood-first";
      if (status === 4) return "flood";
      // Locked by another update of this user: the checks are done, only the lock is awaited.
      updateId = "";
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
    this.prefetched.delete(user);
    const prefsChanged = !held || held.prefs !== prefsJson;
    const flowMode = flowJson ? (held?.flow === flowJson ? "keep" : "set") : held?.flow ? "del" : "keep";
    if (!prefsChanged && flowMode === "keep") {
      if (held) await UNLOCK.run(this.redis, 1, this.keys.lock(user), held.token);
      return;
    }
    await WRITE_UNLOCK.run(this.redis,
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
    this.prefetched.delete(user);
    await this.redis.del(this.keys.prefs(user), this.keys.flow(user));
    if (held) await UNLOCK.run(this.redis, 1, this.keys.lock(user), held.token);
  }

  /** Gives the lock back when an update ended without writing (it failed): called in a finally. */
  async release(user: string): Promise<void> {
    this.prefetched.delete(user);
    const held = this.held.get(user);
    if (!held) return;
    this.held.delete(user);
    await UNLOCK.run(this.redis, 1, this.keys.lock(user), held.token).catch(() => undefined);
  }
}
