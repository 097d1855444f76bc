/**
 * The case store in Redis (the port is cases/store.ts). Every change that must not race
 * (opening one case per user, claiming, raising a waiting limit once) is one Lua script, so
 * several bot processes on one Redis behave as one. Its keys are the keyspace's "Cases"
 * group (storage/keys.ts).
 */
import type { Redis } from "ioredis";
import { isRisk, type Lang, RISK_RANK, type Risk, type Role } from "../domain.js";
import type { Case, CaseStatus, Outcome } from "../cases/types.js";
import type { CaseStore, ClaimResult, OpenRequest, OpenResult, TranscriptEntry } from "../cases/store.js";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";

const SUMMARY_MAX = 1_000;
const LOG_MAX = 500;

/**
 * A case's place in the queue by risk, as stored in Redis (the `rank` field and the queue
 * score): 0 is the most urgent (emergency), 3 the least (none). Kept as it was written by
 * earlier versions, so cases already in Redis keep their order.
 */
function queueRank(risk: Risk): number {
  return RISK_RANK.emergency - RISK_RANK[risk];
}

// Opens a case, or returns the open one, or reopens one resolved within the window.
// KEYS: seq, ucase, ucases, queue; ARGV: case key stem, case log suffix, now, reopenWindowMs,
// then field/value pairs (the stems: keyspace().stems).
const OPEN = new LuaScript(`
local stem, logSuffix, now, window = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local current = redis.call('GET', KEYS[2])
if current then
  local key = stem .. current
  local status = redis.call('HGET', key, 'status')
  if status == 'open' or status == 'claimed' then return {current, 'existing'} end
  local resolvedAt = tonumber(redis.call('HGET', key, 'resolvedAt') or '0')
  local reopenUntil = tonumber(redis.call('HGET', key, 'reopenUntil') or '0')
  if status == 'resolved' and (now - resolvedAt <= window or now <= reopenUntil) then
    redis.call('HSET', key, 'status', 'open', 'waitingSince', now, 'raised', 0)
    redis.call('HDEL', key, 'claimedBy', 'claimedAt', 'resolvedAt', 'outcome', 'rating', 'reopenUntil')
    redis.call('PERSIST', key)
    redis.call('PERSIST', key .. logSuffix)
    local rank = tonumber(redis.call('HGET', key, 'rank') or '3')
    redis.call('ZADD', KEYS[4], rank * 1e13 + now, current)
    return {current, 'reopened'}
  end
end
local id = redis.call('INCR', KEYS[1])
local key = stem .. id
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', key, 'id', id, unpack(fields))
redis.call('SET', KEYS[2], id)
redis.call('SADD', KEYS[3], id)
local rank = tonumber(redis.call('HGET', key, 'rank'))
redis.call('ZADD', KEYS[4], rank * 1e13 + now, id)
return {tostring(id), 'created'}
`);

// KEYS: case; ARGV: operator, now. Returns {1} or {0, reason, owner}.
const CLAIM = new LuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {0, 'missing', ''} end
if status == 'resolved' then return {0, 'resolved', ''} end
if status == 'claimed' then return {0, 'taken', redis.call('HGET', KEYS[1], 'claimedBy') or ''} end
redis.call('HSET', KEYS[1], 'status', 'claimed', 'claimedBy', ARGV[1], 'claimedAt', ARGV[2])
return {1, '', ''}
`);

// KEYS: case, queue, log; ARGV: id, now, outcome, retentionSeconds. Returns 1 if it was unresolved.
const RESOLVE = new LuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'resolved' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'resolved', 'resolvedAt', ARGV[2], 'outcome', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return 1
`);

// KEYS: case, queue; ARGV: id, risk, rank. Raises the risk if higher; returns 1 when changed.
const RAISE = new LuaScript(`
local rank = tonumber(redis.call('HGET', KEYS[1], 'rank') or '9')
local status = redis.call('HGET', KEYS[1], 'status')
if not status or tonumber(ARGV[3]) >= rank then return 0 end
redis.call('HSET', KEYS[1], 'risk', ARGV[2], 'rank', ARGV[3])
if status ~= 'resolved' then
  local since = tonumber(redis.call('HGET', KEYS[1], 'waitingSince'))
  redis.call('ZADD', KEYS[2], tonumber(ARGV[3]) * 1e13 + since, ARGV[1])
end
return 1
`);

// KEYS: case; ARGV: n. Marks limit n as raised, once: returns 1 only for the first caller.
const MARK_RAISED = new LuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'open' then return 0 end
local raised = tonumber(redis.call('HGET', KEYS[1], 'raised') or '0')
if raised >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'raised', ARGV[1])
return 1
`);

// KEYS: check-ins; ARGV: now, max, leaseMs. Leases the due check-ins: each goes to one caller,
// and comes back due after the lease if that caller died before it was queued.
const LEASE_DUE_CHECKINS = new LuaScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(due) do redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), id) end
return due
`);

export class RedisCaseStore implements CaseStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    private readonly options: { reopenWindowMs: number; retentionSeconds: number },
  ) {}

  /** Opens a case for the user, or returns their open one, or reopens a recent one. */
  async open(req: OpenRequest): Promise<OpenResult> {
    const fields: Record<string, string | number> = {
      user: req.user,
      chatId: req.chatId,
      lang: req.lang,
      risk: req.risk,
      rank: queueRank(req.risk),
      summary: req.summary.slice(0, SUMMARY_MAX),
      status: "open",
      openedAt: req.now,
      waitingSince: req.now,
      raised: 0,
    };
    if (req.role) fields.role = req.role;
    if (req.region) fields.region = req.region;
    if (req.topic) fields.topic = req.topic;
    const flat = Object.entries(fields).flatMap(([k, v]) => [k, String(v)]);
    const [id, how] = (await OPEN.run(this.redis,
      4,
      this.keys.caseSeq(),
      this.keys.userCase(req.user),
      this.keys.userCases(req.user),
      this.keys.queue(),
      this.keys.stems.case,
      this.keys.stems.caseLogSuffix,
      String(req.now),
      String(this.options.reopenWindowMs),
      ...flat,
    )) as [string, OpenResult["how"]];
    if (how === "existing" && req.risk !== "none") await this.raiseRisk(Number(id), req.risk);
    const found = await this.get(Number(id));
    if (!found) throw new Error("case vanished right after opening");
    return { case: found, how };
  }

  async get(id: number): Promise<Case | undefined> {
    const h = await this.redis.hgetall(this.keys.case(id));
    return h.id ? toCase(h) : undefined;
  }

  /** The user's unresolved case, if any. */
  async openCaseOf(user: string): Promise<Case | undefined> {
    const id = await this.redis.get(this.keys.userCase(user));
    if (!id) return undefined;
    const found = await this.get(Number(id));
    return found && found.status !== "resolved" ? found : undefined;
  }

  /** The user's latest case, resolved or not (for reopening and rating). */
  async latestCaseOf(user: string): Promise<Case | undefined> {
    const id = await this.redis.get(this.keys.userCase(user));
    return id ? this.get(Number(id)) : undefined;
  }

  async byThread(threadId: number): Promise<Case | undefined> {
    const id = await this.redis.get(this.keys.thread(threadId));
    return id ? this.get(Number(id)) : undefined;
  }

  async setThread(id: number, threadId: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.case(id), "threadId", threadId)
      .set(this.keys.thread(threadId), id, "EX", this.options.retentionSeconds * 4)
      .exec();
  }

  async claim(id: number, operator: number, now: number): Promise<ClaimResult> {
    const [ok, reason, by] = (await CLAIM.run(this.redis, 1, this.keys.case(id), String(operator), String(now))) as [
      number,
      string,
      string,
    ];
    if (ok === 1) return { ok: true, case: (await this.get(id))! };
    return { ok: false, reason: reason as "missing" | "resolved" | "taken", by: by ? Number(by) : undefined };
  }

  /** Hands a claimed case back to the queue (transfer to another operator). */
  async release(id: number): Promise<boolean> {
    const status = await this.redis.hget(this.keys.case(id), "status");
    if (status !== "claimed") return false;
    await this.redis.multi().hset(this.keys.case(id), "status", "open").hdel(this.keys.case(id), "claimedBy", "claimedAt").exec();
    return true;
  }

  /** Resolves; the case and its transcript then expire after the retention period. */
  async resolve(id: number, outcome: Outcome, now: number): Promise<boolean> {
    const changed = await RESOLVE.run(this.redis,
      3,
      this.keys.case(id),
      this.keys.queue(),
      this.keys.caseLog(id),
      String(id),
      String(now),
      outcome,
      String(this.options.retentionSeconds),
    );
    return changed === 1;
  }

  /** Raises the case's risk if `risk` is higher; its place in the queue follows. */
  async raiseRisk(id: number, risk: Risk): Promise<boolean> {
    const changed = await RAISE.run(this.redis, 2, this.keys.case(id), this.keys.queue(), String(id), risk, String(queueRank(risk)));
    return changed === 1;
  }

  /** Marks the n-th waiting limit as raised; true only for the first process to do it. */
  async markRaised(id: number, n: number): Promise<boolean> {
    return (await MARK_RAISED.run(this.redis, 1, this.keys.case(id), String(n))) === 1;
  }

  async rate(id: number, rating: number): Promise<void> {
    await this.redis.hset(this.keys.case(id), "rating", rating);
  }

  /** An answer to a check-in reaches the operators: the case may be reopened until `until`. */
  async allowReopenUntil(id: number, until: number): Promise<void> {
    await this.redis.hset(this.keys.case(id), "reopenUntil", until);
  }

  /** The user agreed to be asked later how they are: the case id and when, nothing else. */
  async scheduleCheckIn(id: number, dueAt: number): Promise<void> {
    await this.redis.zadd(this.keys.checkins(), dueAt, String(id));
  }

  async hasCheckIn(id: number): Promise<boolean> {
    return (await this.redis.zscore(this.keys.checkins(), String(id))) !== null;
  }

  async cancelCheckIn(id: number): Promise<void> {
    await this.redis.zrem(this.keys.checkins(), String(id));
  }

  /**
   * Check-ins due by `now`, leased for a few minutes (several processes may ask; each gets its
   * own): the caller queues the message and then calls `cancelCheckIn`.
   */
  async leaseDueCheckIns(now: number, max = 50, leaseMs = 5 * 60_000): Promise<number[]> {
    const ids = (await LEASE_DUE_CHECKINS.run(this.redis, 1, this.keys.checkins(), now, max, leaseMs)) as string[];
    return ids.map(Number);
  }

  /** How many cases wait in the queue (open or claimed). */
  queueLength(): Promise<number> {
    return this.redis.zcard(this.keys.queue());
  }

  /** Unresolved cases, most urgent first, then longest waiting. */
  async queue(limit = 50): Promise<Case[]> {
    const ids = await this.redis.zrange(this.keys.queue(), 0, limit - 1);
    const cases = await Promise.all(ids.map((id) => this.get(Number(id))));
    return cases.filter((c): c is Case => c !== undefined && c.status !== "resolved");
  }

  async position(id: number): Promise<number> {
    const rank = await this.redis.zrank(this.keys.queue(), String(id));
    return rank === null ? 0 : rank + 1;
  }

  async appendLog(id: number, entry: TranscriptEntry): Promise<void> {
    await this.redis.multi().rpush(this.keys.caseLog(id), JSON.stringify(entry)).ltrim(this.keys.caseLog(id), -LOG_MAX, -1).exec();
  }

  async log(id: number): Promise<TranscriptEntry[]> {
    return (await this.redis.lrange(this.keys.caseLog(id), 0, -1)).map((s) => JSON.parse(s) as TranscriptEntry);
  }

  async block(user: string): Promise<void> {
    await this.redis.set(this.keys.blocked(user), "1", "EX", 365 * 24 * 3600);
  }
  async isBlocked(user: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.blocked(user))) === 1;
  }

  async staffFlag(userId: number): Promise<boolean | undefined> {
    const v = await this.redis.get(this.keys.staff(userId));
    return v === null ? undefined : v === "1";
  }
  async setStaffFlag(userId: number, member: boolean): Promise<void> {
    await this.redis.set(this.keys.staff(userId), member ? "1" : "0", "EX", 300);
  }

  /** /forget: every case of the user, their transcripts, thread links and queue entries. */
  async eraseUser(user: string): Promise<void> {
    const ids = await this.redis.smembers(this.keys.userCases(user));
    const tx = this.redis.multi();
    for (const id of ids) {
      const thread = await this.redis.hget(this.keys.case(id), "threadId");
      if (thread) tx.del(this.keys.thread(Number(thread)));
      tx.del(this.keys.case(id), this.keys.caseLog(id)).zrem(this.keys.queue(), id).zrem(this.keys.checkins(), id);
    }
    tx.del(this.keys.userCase(user), this.keys.userCases(user), this.keys.blocked(user));
    await tx.exec();
  }
}

function toCase(h: Record<string, string>): Case {
  const num = (k: string) => (h[k] !== undefined && h[k] !== "" ? Number(h[k]) : undefined);
  return {
    id: Number(h.id),
    user: h.user ?? "",
    chatId: Number(h.chatId),
    lang: (h.lang ?? "ru") as Lang,
    role: h.role as Role | undefined,
    region: h.region,
    topic: h.topic as Case["topic"],
    risk: isRisk(h.risk) ? h.risk : "none",
    summary: h.summary ?? "",
    status: (h.status ?? "open") as CaseStatus,
    openedAt: num("openedAt") ?? 0,
    waitingSince: num("waitingSince") ?? num("openedAt") ?? 0,
    claimedAt: num("claimedAt"),
    claimedBy: num("claimedBy"),
    resolvedAt: num("resolvedAt"),
    reopenUntil: num("reopenUntil"),
    outcome: h.outcome as Outcome | undefined,
    threadId: num("threadId"),
    raised: num("raised") ?? 0,
    rating: num("rating"),
  };
}
