/**
 * Sessions, behind an explicit gate. An update of a private chat is admitted once: in one
 * round trip to Redis the gate drops a duplicate delivery, applies the flood limit (both
 * shared by every process) and reads and locks the user's session. Admission hands back a
 * SessionHandle; the update ends with `handle.save(value)` (one round trip: writes what
 * changed, marks the update handled and gives the lock back) or, when it failed,
 * `handle.release()`. Nothing is kept between those calls but the handle itself.
 *
 * An update counts as handled only when its save succeeds: one whose process died on the way
 * (or that failed) is handled again when Telegram delivers it again. The save is fenced by the
 * lock's token: an update that outlived its lock writes nothing and fails (SessionLockLost).
 *
 * The session is split in two keys with their own lifetimes: the user's preferences
 * (language, role, region) live long; the flow state (where they are in a flow) expires
 * soon after it is abandoned.
 *
 * Several bot processes may get updates of the same user at once (webhooks behind a load
 * balancer), so a session is locked while an update uses it. A process that finds the lock
 * taken waits for it; a lock whose holder died expires.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { DEFAULT_FLOOD, type FloodLimit, type GuardVerdict, memoryGuard } from "./guard.js";
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

// KEYS: lock, prefs, flow, seen, rate, queue; ARGV: token, lockMs, updateId ("" = no check), count
// ("1" on the first try: count it for the flood limit), floodMax, floodWindowMs, now, waitMs.
// Fair: an update waiting for the session is registered in the user's queue (update id →
// until when it waits), and the lock goes to the lowest update id waiting, so a user's updates
// are handled in Telegram's order even when they arrive at several processes at once (one
// process's own later updates do not overtake another's earlier one).
// An update is "seen" only once its effects are saved (SAVE below): an update whose process died
// before that is handled again when Telegram delivers it again. Checked at every try, so an
// update that waited for the lock while another process finished the same update is dropped.
// Returns {1, prefs, flow} (locked), {0} (locked by another update), {2} duplicate,
// {3} the first update over the limit, {4} another one over it. The same call sent again (the
// client re-sends a command whose answer was lost) finds its own lock: it gets the session.
const READ_LOCKED = new LuaScript(`
if ARGV[3] ~= '' then
  if redis.call('ZSCORE', KEYS[4], ARGV[3]) then return {2} end
  if ARGV[4] == '1' then
    local n = redis.call('INCR', KEYS[5])
    if n == 1 then redis.call('PEXPIRE', KEYS[5], ARGV[6]) end
    local max = tonumber(ARGV[5])
    if n > max then
      -- A user talking to a person is not limited: what they send is relayed (the outbox paces it).
      local prefs = redis.call('GET', KEYS[2])
      local ok, decoded = pcall(cjson.decode, prefs or '')
      if not (ok and type(decoded) == 'table' and decoded['case'] ~= nil) then
        if n == max + 1 then return {3} end
        return {4}
      end
    end
  end
end
local lock = redis.call('GET', KEYS[1])
if lock == ARGV[1] then
  return {1, redis.call('GET', KEYS[2]) or false, redis.call('GET', KEYS[3]) or false}
end
-- Nobody holds it and nobody waits (the usual case): no line to keep.
if ARGV[3] ~= '' and (lock or redis.call('EXISTS', KEYS[6]) == 1) then
  local now, me = tonumber(ARGV[7]), tonumber(ARGV[3])
  redis.call('HSET', KEYS[6], ARGV[3], now + tonumber(ARGV[8]))
  redis.call('PEXPIRE', KEYS[6], ARGV[8])
  local waiting = redis.call('HGETALL', KEYS[6])
  for i = 1, #waiting, 2 do
    local id, untilMs = tonumber(waiting[i]), tonumber(waiting[i + 1])
    if untilMs < now then redis.call('HDEL', KEYS[6], waiting[i])
    elseif id < me then return {0} end
  end
end
if not lock and redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) then
  if ARGV[3] ~= '' then redis.call('HDEL', KEYS[6], ARGV[3]) end
  return {1, redis.call('GET', KEYS[2]) or false, redis.call('GET', KEYS[3]) or false}
end
return {0}
`);

// KEYS: lock, prefs, flow, seen; ARGV: token, prefsMode ("set"|"keep"|"del"), prefsJson, prefsTtl,
// flowMode ("set"|"keep"|"del"), flowJson, flowTtl, updateId, seenTtl, seenKeep.
// Fenced by the lock: an update that lost its lock (it outlived LOCK_MS and another update took
// the session) writes nothing and gets 0, so it fails and is delivered again instead of
// overwriting what the other wrote (an erasure, /forget, which deleted every key of the user
// including this lock, is not fenced). Otherwise writes what changed, keeps the preferences alive
// for their lifetime from this visit, marks the update seen, and gives the lock back.
const SAVE = new LuaScript(`
if ARGV[2] ~= 'del' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'set' then redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
elseif ARGV[2] == 'del' then redis.call('DEL', KEYS[2])
else redis.call('EXPIRE', KEYS[2], ARGV[4]) end
if ARGV[5] == 'set' then redis.call('SET', KEYS[3], ARGV[6], 'EX', ARGV[7])
elseif ARGV[5] == 'del' then redis.call('DEL', KEYS[3]) end
if ARGV[8] ~= '' then
  redis.call('ZADD', KEYS[4], ARGV[8], ARGV[8])
  redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[10]) + 1))
  redis.call('EXPIRE', KEYS[4], ARGV[9])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

// KEYS: lock; ARGV: token.
const UNLOCK = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** The update held the session longer than the lock lasts and another update took it: nothing was written. */
export class SessionLockLost extends Error {
  constructor() {
    super("the session lock was lost before the write: the update is to be delivered again");
    this.name = "SessionLockLost";
  }
}

/** A session read and locked for one update. */
export interface SessionHandle<S> {
  /** The session as read (a fresh one when the user has none yet). */
  readonly value: S;
  /** Writes `value` (null deletes the session) and gives the lock back. Once per handle. */
  save(value: S | null): Promise<void>;
  /** Gives the lock back without writing (the update failed). Does nothing after `save`. */
  release(): Promise<void>;
}

export type Admission<S> =
  | { verdict: "ok"; session: SessionHandle<S> }
  | { verdict: Exclude<GuardVerdict, "ok"> };

/** Where sessions live: Redis (every process shares it) or this process (the console). */
export interface SessionGate<S> {
  /** Admits one update of a user: a duplicate or a flood is refused, else the session is locked for it. */
  admit(user: string, updateId: number): Promise<Admission<S>>;
  /** Deletes the user's session (/forget). */
  erase(user: string): Promise<void>;
}

export class RedisSessionGate<S extends SessionShape> implements SessionGate<S> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    private readonly initial: () => S,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
    private readonly flood: FloodLimit = DEFAULT_FLOOD,
  ) {}

  async admit(user: string, updateId: number): Promise<Admission<S>> {
    const token = randomUUID();
    let read: Awaited<ReturnType<RedisSessionGate<S>["lockAndRead"]>>;
    try {
      read = await this.lockAndRead(user, String(updateId), token);
    } catch (err) {
      // Redis may have run the script and only the answer was lost (a timeout in a failover):
      // best effort, give the lock back, so that Telegram's redelivery is handled.
      await UNLOCK.run(this.redis, 1, this.keys.lock(user), token).catch(() => undefined);
      throw err;
    }
    if (typeof read === "string") return { verdict: read };
    return { verdict: "ok", session: this.handle(user, token, String(updateId), read.prefs, read.flow) };
  }

  async erase(user: string): Promise<void> {
    await this.redis.del(this.keys.prefs(user), this.keys.flow(user));
  }

  private handle(user: string, token: string, updateId: string, prefs: string, flow: string): SessionHandle<S> {
    let open = true;
    const value =
      prefs === "" && flow === ""
        ? this.initial()
        : ({ ...(flow ? (JSON.parse(flow) as object) : {}), prefs: prefs ? (JSON.parse(prefs) as object) : {} } as S);
    return {
      value,
      save: async (next) => {
        if (!open) throw new Error("session saved twice");
        open = false;
        let prefsMode = "del";
        let prefsJson = "";
        let flowMode = "del";
        let flowJson = "";
        if (next !== null) {
          const { prefs: nextPrefs, ...rest } = next;
          prefsJson = JSON.stringify(nextPrefs ?? {});
          prefsMode = prefs === prefsJson ? "keep" : "set";
          flowJson = Object.values(rest).some((v) => v !== undefined) ? JSON.stringify(rest) : "";
          flowMode = flowJson ? (flow === flowJson ? "keep" : "set") : flow ? "del" : "keep";
        }
        const saved = await SAVE.run(
          this.redis,
          4,
          this.keys.lock(user),
          this.keys.prefs(user),
          this.keys.flow(user),
          this.keys.seen(user),
          token,
          prefsMode,
          prefsJson,
          String(this.ttl.prefsSeconds),
          flowMode,
          flowJson,
          String(this.ttl.flowSeconds),
          // Erased (/forget): nothing about the user is kept, not even that this update was seen.
          next === null ? "" : updateId,
          SEEN_SECONDS,
          SEEN_KEEP,
        );
        if (saved !== 1) throw new SessionLockLost();
      },
      release: async () => {
        if (!open) return;
        open = false;
        await UNLOCK.run(this.redis, 1, this.keys.lock(user), token).catch(() => undefined);
      },
    };
  }

  /** The session's two keys as stored ("" when absent), locked, or the checks' verdict. */
  private async lockAndRead(
    user: string,
    updateId: string,
    token: string,
  ): Promise<Exclude<GuardVerdict, "ok"> | { prefs: string; flow: string }> {
    let count = "1";
    const lock = this.keys.lock(user);
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const result = (await READ_LOCKED.run(
        this.redis,
        6,
        lock,
        this.keys.prefs(user),
        this.keys.flow(user),
        this.keys.seen(user),
        this.keys.rate(user),
        this.keys.waiting(user),
        token,
        LOCK_MS,
        updateId,
        count,
        this.flood.max,
        this.flood.windowMs,
        Date.now(),
        WAIT_MS,
      )) as [number, string | null, string | null];
      const status = result[0];
      if (status === 1) return { prefs: result[1] ?? "", flow: result[2] ?? "" };
      if (status === 2) return "duplicate";
      if (status === 3) return "flood-first";
      if (status === 4) return "flood";
      // Locked by another update of this user: counted once; asked again whether it is done.
      count = "0";
      if (Date.now() > deadline) throw new Error("session is locked by another update for too long");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * The console's gate: the same rules in this process's memory. Sessions are kept as JSON, so
 * an update that fails leaves the stored session as it was, as with Redis. (One process
 * handles one chat's updates one at a time, so no lock is needed.)
 */
export function memorySessionGate<S extends SessionShape>(initial: () => S, limit: FloodLimit = DEFAULT_FLOOD): SessionGate<S> {
  const stored = new Map<string, string>();
  const guard = memoryGuard(limit);
  return {
    async admit(user, updateId) {
      const verdict = await guard.check(updateId, user);
      if (verdict !== "ok") return { verdict };
      const json = stored.get(user);
      let open = true;
      return {
        verdict,
        session: {
          value: json === undefined ? initial() : (JSON.parse(json) as S),
          save: async (value) => {
            if (!open) throw new Error("session saved twice");
            open = false;
            if (value === null) stored.delete(user);
            else stored.set(user, JSON.stringify(value));
          },
          release: async () => {
            open = false;
          },
        },
      };
    },
    async erase(user) {
      stored.delete(user);
    },
  };
}
