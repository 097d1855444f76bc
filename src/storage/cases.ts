/**
 * The case store in Redis (the port is cases/store.ts). Every change that must not race
 * (opening one case per user, claiming, raising a waiting limit once) is one Lua script, so
 * several bot processes on one Redis behave as one. Its keys are the keyspace's "Cases"
 * group (storage/keys.ts).
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { isRisk, type Lang, RISK_RANK, type Risk, type Role } from "../domain.js";
import type { Case, CaseStatus, Outcome, Resolution } from "../cases/types.js";
import { parseCategory } from "../cases/categories.js";
import { type CaseStore, type ClaimResult, type OpenRequest, type OpenResult, type ResolveOutcome, STAFF_FLAG_MS, type TopicRef, type TopicRelay, type TranscriptEntry } from "../cases/store.js";
import type { QueuedJob, RelayDraft, RelayJob } from "../cases/outbox.js";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";
import { DEFAULT_LEASE_MS, ENQUEUE_FN, type Throttle, throttleSpec } from "./outbox.js";

const SUMMARY_MAX = 1_000;
/** A topic's key after its user erased their data (/forget). */
const ERASED = "erased";
/** How long the topic of an erased case stays (with the line saying so) before it is deleted. */
const ERASED_TOPIC_MS = 24 * 3_600_000;
const LOG_MAX = 500;

// A case's topic as the expiring-topics set names it: the topic id, after "<chat>:" for a
// regional group's (TopicRef; topicMember below builds the same).
const TOPIC_MEMBER_FN = `
local function topic_member(key, thread)
  local chat = redis.call('HGET', key, 'staffChat')
  if chat then return chat .. ':' .. thread end
  return thread
end
`;

/**
 * A case's place in the queue by risk, as stored in Redis (the `rank` field and the queue
 * score): 0 is the most urgent (emergency), 3 the least (none). Kept as it was written by
 * earlier versions, so cases already in Redis keep their order.
 */
function queueRank(risk: Risk): number {
  return RISK_RANK.emergency - RISK_RANK[risk];
}

// KEYS: log, case; ARGV: entry, log max. The log lives as long as its case: for ever while the
// case is open (no TTL), as long as the case's TTL once it is closed.
const APPEND_LOG = new LuaScript(`
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) elseif ttl == -2 then redis.call('PEXPIRE', KEYS[1], 86400000) end
return 1
`);

// Opens a case, or returns the open one, or reopens one resolved within the window.
// KEYS: seq, ucase, ucases, queue, expiring topics; ARGV: case key stem, case log suffix, now, reopenWindowMs,
// then field/value pairs (the stems: keyspace().stems).
const OPEN = new LuaScript(`${TOPIC_MEMBER_FN}
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
    -- The earlier outcome and rating stay (what happened then is not undone by talking again).
    redis.call('HDEL', key, 'claimedBy', 'claimedAt', 'resolvedAt', 'reopenUntil')
    redis.call('PERSIST', key)
    redis.call('PERSIST', key .. logSuffix)
    redis.call('PERSIST', KEYS[2])
    redis.call('PERSIST', KEYS[3])
    local rank = tonumber(redis.call('HGET', key, 'rank') or '3')
    redis.call('ZADD', KEYS[4], rank * 1e13 + now, current)
    local thread = redis.call('HGET', key, 'threadId')
    if thread then redis.call('ZREM', KEYS[5], topic_member(key, thread)) end
    return {current, 'reopened'}
  end
end
-- Contact history for the card: the user's earlier cases still kept, and how the last one ended.
local earlier = 0
for _, old in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('EXISTS', stem .. old) == 1 then earlier = earlier + 1 end
end
local id = redis.call('INCR', KEYS[1])
local key = stem .. id
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', key, 'id', id, unpack(fields))
if earlier > 0 then
  redis.call('HSET', key, 'earlier', earlier)
  if current then
    local last = redis.call('HMGET', stem .. current, 'outcome', 'risk')
    if last[1] then redis.call('HSET', key, 'lastOutcome', last[1]) end
    if last[2] then redis.call('HSET', key, 'lastRisk', last[2]) end
  end
end
redis.call('SET', KEYS[2], id)
redis.call('SADD', KEYS[3], id)
redis.call('PERSIST', KEYS[3])
local rank = tonumber(redis.call('HGET', key, 'rank'))
redis.call('ZADD', KEYS[4], rank * 1e13 + now, id)
return {tostring(id), 'created'}
`);

// Queues relays drafted for case `id` in the step of the change they follow (the outbox's
// enqueue: a job first in its line is leased to the caller). KEYS given: job sequence, outbox;
// ARGV from `at`: job key stem, line key stem, now, leaseMs, the outbox's throttle spec, n, then
// n × (dir, the job's JSON without its case id). Returns {job id, leased (1/0), ...}.
const QUEUE_FN = `${ENQUEUE_FN}
local function queue_relays(id, seqKey, outbox, at, limit)
  local jobStem, lineStem, now, leaseMs, n = ARGV[at], ARGV[at + 1], tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3]), tonumber(ARGV[at + 5])
  local t = throttle_parse(ARGV[at + 4])
  if limit and limit < n then n = limit end
  local out = {}
  for i = 1, n do
    local dir, rest = ARGV[at + 4 + 2 * i], ARGV[at + 5 + 2 * i]
    local line = id .. ':' .. dir
    local body = '{"caseId":' .. id .. ',' .. string.sub(rest, 2)
    local jid, leased = enqueue(seqKey, outbox, lineStem .. line, jobStem, body, line, now, leaseMs, t)
    out[#out + 1] = jid
    out[#out + 1] = leased and 1 or 0
  end
  return out
end
`;

// Appends to a transcript, keeping its newest entries; false if that failed (the caller's step goes on).
const LOG_FN = `
local function append_log(key, entry, max)
  local ok = redis.pcall('RPUSH', key, entry)
  if type(ok) == 'table' and ok.err then return false end
  redis.pcall('LTRIM', key, -max, -1)
  return true
end
`;

// KEYS: case, job sequence, outbox; ARGV: operator, now, id, then QUEUE_FN's from 4.
// Returns {1, '', '', case fields, queued} or {0, reason, owner}.
const CLAIM = new LuaScript(`${QUEUE_FN}
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {0, 'missing', ''} end
if status == 'resolved' then return {0, 'resolved', ''} end
if status == 'claimed' then return {0, 'taken', redis.call('HGET', KEYS[1], 'claimedBy') or ''} end
redis.call('HSET', KEYS[1], 'status', 'claimed', 'claimedBy', ARGV[1], 'claimedAt', ARGV[2])
local queued = queue_relays(ARGV[3], KEYS[2], KEYS[3], 4)
return {1, '', '', redis.call('HGETALL', KEYS[1]), queued}
`);

// KEYS: case, queue, log, job sequence, outbox, expiring topics; ARGV: id, now, outcome, retentionSeconds, the
// user's latest-case and cases key stems, the category (required), the note's transcript entry
// ('' for none), the log max, the waiting-since the resolver saw ('' for any), then QUEUE_FN's
// from 11. The case, its transcript and the user's case index expire after the retention
// period (/privacy: 30 days after closing). Returns {'ok', case fields, queued}, or the reason
// nothing changed: 'missing' (gone, or erased), 'resolved' (already), 'changed' (reopened or
// waiting again since the resolver looked), 'uncategorised'.
const RESOLVE = new LuaScript(`${QUEUE_FN}${LOG_FN}${TOPIC_MEMBER_FN}
local h = redis.call('HMGET', KEYS[1], 'status', 'waitingSince')
if not h[1] then return {'missing'} end
if h[1] == 'resolved' then return {'resolved'} end
if ARGV[10] ~= '' and h[2] ~= ARGV[10] then return {'changed'} end
if ARGV[7] == '' then return {'uncategorised'} end
redis.call('HSET', KEYS[1], 'status', 'resolved', 'resolvedAt', ARGV[2], 'outcome', ARGV[3], 'category', ARGV[7])
-- The note is kept as /note keeps notes: in the transcript, which lives as long as the case.
if ARGV[8] ~= '' and append_log(KEYS[3], ARGV[8], tonumber(ARGV[9])) then
  redis.call('HSET', KEYS[1], 'noted', 1)
else
  redis.call('HDEL', KEYS[1], 'noted')
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[3], ARGV[4])
-- The topic in the staff group goes when the case does.
local thread = redis.call('HGET', KEYS[1], 'threadId')
if thread then redis.call('ZADD', KEYS[6], tonumber(ARGV[2]) + tonumber(ARGV[4]) * 1000, topic_member(KEYS[1], thread)) end
local user = redis.call('HGET', KEYS[1], 'user')
if user then
  redis.call('EXPIRE', ARGV[5] .. user, ARGV[4])
  redis.call('EXPIRE', ARGV[6] .. user, ARGV[4])
end
local queued = queue_relays(ARGV[1], KEYS[4], KEYS[5], 11)
return {'ok', redis.call('HGETALL', KEYS[1]), queued}
`);

// An operator's message in a case topic. KEYS: thread, job sequence, outbox; ARGV: case key
// stem, log suffix, operator, now, log max, transcript entry, then QUEUE_FN's from 7: the relay,
// then the notice of the claim, queued only if this message claimed the case.
// Returns {'none'}, {'closed', case fields} or {'relayed', case fields, queued, logged (1/0),
// claimed now (1/0)}.
const TOPIC_RELAY = new LuaScript(`${QUEUE_FN}${LOG_FN}
local id = redis.call('GET', KEYS[1])
if not id then return {'none'} end
if id == '${ERASED}' then return {'erased'} end
local key = ARGV[1] .. id
local status = redis.call('HGET', key, 'status')
if not status then return {'none'} end
if status == 'resolved' then return {'closed', redis.call('HGETALL', key)} end
local claimed = 0
if status == 'open' then
  redis.call('HSET', key, 'status', 'claimed', 'claimedBy', ARGV[3], 'claimedAt', ARGV[4])
  claimed = 1
end
local logged = append_log(key .. ARGV[2], ARGV[6], tonumber(ARGV[5]))
local queued = queue_relays(id, KEYS[2], KEYS[3], 7, claimed == 1 and 2 or 1)
return {'relayed', redis.call('HGETALL', key), queued, logged and 1 or 0, claimed}
`);

// KEYS: case; ARGV: operator ('' for anyone's claim). Back to the queue, by its claimer (or a supervisor).
const RELEASE = new LuaScript(`
local h = redis.call('HMGET', KEYS[1], 'status', 'claimedBy')
if h[1] ~= 'claimed' then return 'not-claimed' end
if ARGV[1] ~= '' and h[2] ~= ARGV[1] then return 'not-yours' end
redis.call('HSET', KEYS[1], 'status', 'open')
redis.call('HDEL', KEYS[1], 'claimedBy', 'claimedAt')
return 'released'
`);

// KEYS: case; ARGV: operator handing it over ('' for a supervisor), colleague, now. Gives an
// open case, or one claimed by that operator, to the colleague.
const TRANSFER = new LuaScript(`
local h = redis.call('HMGET', KEYS[1], 'status', 'claimedBy')
if not h[1] or h[1] == 'resolved' then return 'closed' end
if ARGV[1] ~= '' and h[1] == 'claimed' and h[2] ~= ARGV[1] then return 'not-yours' end
redis.call('HSET', KEYS[1], 'status', 'claimed', 'claimedBy', ARGV[2], 'claimedAt', ARGV[3])
return 'transferred'
`);

// KEYS: case; ARGV: user. Holds messages to the case's user, if it is theirs.
const HOLD = new LuaScript(`
if redis.call('HGET', KEYS[1], 'user') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'held', '1')
return 1
`);

// KEYS: case, outbox, the case's to_user line; ARGV: job key stem, now. Ends the hold: the
// line's jobs are due now, their attempts reset.
const UNHOLD = new LuaScript(`
if redis.call('HDEL', KEYS[1], 'held') == 0 then return 0 end
for _, jid in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  if redis.call('ZSCORE', KEYS[2], jid) then
    redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), jid)
    redis.call('HSET', ARGV[1] .. jid, 'attempts', 0)
  end
end
return 1
`);

// KEYS: log, job sequence, outbox, case; ARGV: id, transcript entry, log max, then QUEUE_FN's
// from 4, then the card's summary ('' for none), set only while the case's is empty.
// Returns {queued, logged (1/0), summary set (1/0)}.
const RECORD = new LuaScript(`${QUEUE_FN}${LOG_FN}
local logged = append_log(KEYS[1], ARGV[2], tonumber(ARGV[3]))
local summarised = 0
local summary = ARGV[#ARGV]
if summary ~= '' and redis.call('HGET', KEYS[4], 'summary') == '' then
  redis.call('HSET', KEYS[4], 'summary', summary)
  summarised = 1
end
return {queue_relays(ARGV[1], KEYS[2], KEYS[3], 4), logged and 1 or 0, summarised}
`);

// KEYS: case, check-ins; ARGV: id, user, rating. Rates a resolved case of that user: returns
// {case fields, has a check-in (1/0)}, or 0 (nothing stored).
const RATE = new LuaScript(`
local h = redis.call('HMGET', KEYS[1], 'user', 'status')
if h[1] ~= ARGV[2] or h[2] ~= 'resolved' then return 0 end
redis.call('HSET', KEYS[1], 'rating', ARGV[3])
return {redis.call('HGETALL', KEYS[1]), redis.call('ZSCORE', KEYS[2], ARGV[1]) and 1 or 0}
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

// KEYS: queue; ARGV: id, case key stem. The case's place among the cases of its staff group
// nobody has claimed (1 is next), 0 when it is not in the queue: claimed cases ahead of it are
// being answered, and another group's cases are other people's work.
const POSITION = new LuaScript(`
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if not rank then return 0 end
local group = redis.call('HGET', ARGV[2] .. ARGV[1], 'staffChat')
local n = 1
if rank > 0 then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, rank - 1)) do
    local h = redis.call('HMGET', ARGV[2] .. id, 'status', 'staffChat')
    if h[1] == 'open' and h[2] == group then n = n + 1 end
  end
end
return n
`);

// KEYS: queue; ARGV: case key stem, chat. How many cases of that regional group wait unclaimed.
const WAITING_IN = new LuaScript(`
local n = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local h = redis.call('HMGET', ARGV[1] .. id, 'status', 'staffChat')
  if h[1] == 'open' and h[2] == ARGV[2] then n = n + 1 end
end
return n
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
    private readonly options: {
      reopenWindowMs: number;
      retentionSeconds: number;
      /** The outbox's lease and pace (storage/outbox.ts): relays queued here follow them. */
      leaseMs?: number;
      throttle?: Throttle;
    },
  ) {
    this.pace = throttleSpec(keys, options.throttle);
  }

  /** throttleSpec of the outbox's pace, for QUEUE_FN. */
  private readonly pace: string;

  /** QUEUE_FN's arguments: the relays for one case, to queue in the step of a change. */
  private relayArgs(relays: readonly RelayDraft[], now: number): string[] {
    const { stems } = this.keys;
    const head = [stems.job, stems.outboxLine, String(now), String(this.options.leaseMs ?? DEFAULT_LEASE_MS), this.pace, String(relays.length)];
    return head.concat(relays.flatMap((r) => [r.dir, JSON.stringify(r)]));
  }

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
    if (req.staffChat !== undefined) fields.staffChat = req.staffChat;
    if (req.overflow !== undefined) fields.overflow = req.overflow;
    const flat = Object.entries(fields).flatMap(([k, v]) => [k, String(v)]);
    const [id, how] = (await OPEN.run(this.redis,
      5,
      this.keys.caseSeq(),
      this.keys.userCase(req.user),
      this.keys.userCases(req.user),
      this.keys.queue(),
      this.keys.expiringTopics(),
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

  /** A topic's key: the national group's as before there were several, a regional group's with its chat. */
  private threadKey(topic: TopicRef): string {
    return topic.chat === undefined ? this.keys.thread(topic.thread) : this.keys.groupThread(topic.chat, topic.thread);
  }

  async byThread(threadId: number, chat?: number): Promise<Case | undefined> {
    const id = await this.redis.get(this.threadKey({ thread: threadId, chat }));
    return id && id !== ERASED ? this.get(Number(id)) : undefined;
  }

  async setThread(id: number, threadId: number, cardId?: number, chat?: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.case(id), "threadId", threadId, ...(cardId === undefined ? [] : ["cardId", cardId]))
      .set(this.threadKey({ thread: threadId, chat }), id, "EX", this.options.retentionSeconds * 4)
      .exec();
  }

  async claim(id: number, operator: number, now: number, relays: RelayDraft[] = []): Promise<ClaimResult> {
    const { jobSeq, outbox } = this.keys;
    const [ok, reason, by, fields, queued] = (await CLAIM.run(this.redis, 3, this.keys.case(id), jobSeq(), outbox(), String(operator), String(now), String(id), ...this.relayArgs(relays, now))) as [number, string, string, string[]?, string[]?];
    if (ok === 1) return { ok: true, case: toCase(pairs(fields!)), queued: queuedJobs(id, relays, queued!) };
    return { ok: false, reason: reason as "missing" | "resolved" | "taken", by: by ? Number(by) : undefined };
  }

  /** Hands a claimed case back to the queue, if `by` claimed it (undefined: anyone's claim, a supervisor). */
  async release(id: number, by?: number): Promise<"released" | "not-claimed" | "not-yours"> {
    return (await RELEASE.run(this.redis, 1, this.keys.case(id), by === undefined ? "" : String(by))) as "released" | "not-claimed" | "not-yours";
  }

  /** Resolves; the case and its transcript then expire after the retention period. */
  async resolve(id: number, resolution: Resolution, now: number): Promise<boolean> {
    return (await this.resolveAndQueue(id, resolution, now, [])).ok;
  }

  /** Resolves and, only then, queues the relays given, in one step (the note with it). */
  async resolveAndQueue(id: number, resolution: Resolution, now: number, relays: RelayDraft[], seen?: { waitingSince: number }): Promise<ResolveOutcome> {
    const { jobSeq, outbox } = this.keys;
    const note = resolution.note ? JSON.stringify({ from: "note", kind: "text", text: resolution.note, at: now } satisfies TranscriptEntry) : "";
    const r = (await RESOLVE.run(this.redis,
      6,
      this.keys.case(id),
      this.keys.queue(),
      this.keys.caseLog(id),
      jobSeq(),
      outbox(),
      this.keys.expiringTopics(),
      String(id),
      String(now),
      resolution.outcome,
      String(this.options.retentionSeconds),
      this.keys.stems.userCase,
      this.keys.stems.userCases,
      resolution.category ?? "",
      note,
      String(LOG_MAX),
      seen ? String(seen.waitingSince) : "",
      ...this.relayArgs(relays, now),
    )) as [string, string[]?, string[]?];
    if (r[0] !== "ok") return { ok: false, reason: r[0] as Exclude<ResolveOutcome, { ok: true }>["reason"] };
    return { ok: true, case: toCase(pairs(r[1]!)), queued: queuedJobs(id, relays, r[2]!) };
  }

  /** An operator's message in a case topic: claims an open case, writes the transcript and queues the relay, in one step. */
  async relayFromTopic(topic: TopicRef, operator: number, now: number, entry: TranscriptEntry, relay: RelayDraft, claimNotice?: RelayDraft): Promise<TopicRelay> {
    const { jobSeq, outbox, stems } = this.keys;
    const r = (await TOPIC_RELAY.run(this.redis,
      3,
      this.threadKey(topic),
      jobSeq(),
      outbox(),
      stems.case,
      stems.caseLogSuffix,
      String(operator),
      String(now),
      String(LOG_MAX),
      JSON.stringify(entry),
      ...this.relayArgs(claimNotice ? [relay, claimNotice] : [relay], now),
    )) as [string, string[]?, string[]?, number?, number?];
    if (r[0] === "none") return { kind: "none" };
    if (r[0] === "erased") return { kind: "erased" };
    const c = toCase(pairs(r[1]!));
    if (r[0] === "closed") return { kind: "closed", case: c };
    const claimedNow = r[4] === 1;
    const [queued, notice] = queuedJobs(c.id, claimedNow && claimNotice ? [relay, claimNotice] : [relay], r[2]!);
    return { kind: "relayed", case: c, queued: queued!, logged: r[3] === 1, claimedNow, notice };
  }

  /** A message of the conversation: transcript and relay in one step. */
  async record(id: number, entry: TranscriptEntry, relay: RelayDraft, now: number, summary = ""): Promise<{ queued: QueuedJob; logged: boolean; summarised: boolean }> {
    const { jobSeq, outbox } = this.keys;
    const args = [String(id), JSON.stringify(entry), String(LOG_MAX), ...this.relayArgs([relay], now), summary.slice(0, SUMMARY_MAX)];
    const [queued, logged, summarised] = (await RECORD.run(this.redis, 4, this.keys.caseLog(id), jobSeq(), outbox(), this.keys.case(id), ...args)) as [string[], number, number];
    return { queued: queuedJobs(id, [relay], queued)[0]!, logged: logged === 1, summarised: summarised === 1 };
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

  async rateResolved(id: number, user: string, rating: number): Promise<{ case: Case; hasCheckIn: boolean } | undefined> {
    const r = (await RATE.run(this.redis, 2, this.keys.case(id), this.keys.checkins(), String(id), user, String(rating))) as 0 | [string[], number];
    return r === 0 ? undefined : { case: toCase(pairs(r[0])), hasCheckIn: r[1] === 1 };
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
    return Number(await POSITION.run(this.redis, 1, this.keys.queue(), String(id), this.keys.stems.case));
  }

  async waitingIn(chat: number): Promise<number> {
    return Number(await WAITING_IN.run(this.redis, 1, this.keys.queue(), this.keys.stems.case, String(chat)));
  }

  async setCard(id: number, messageId: number): Promise<void> {
    await this.redis.hset(this.keys.case(id), "cardId", messageId);
  }

  /** Appends to a transcript; a transcript of a closed case expires with it (a /note after closing). */
  async appendLog(id: number, entry: TranscriptEntry): Promise<void> {
    await APPEND_LOG.run(this.redis, 2, this.keys.caseLog(id), this.keys.case(id), JSON.stringify(entry), String(LOG_MAX));
  }

  async staffMessages(id: number): Promise<number[]> {
    const pairs = await this.redis.hgetall(this.keys.casePairs(id));
    return Object.keys(pairs).filter((k) => k.startsWith("s")).map((k) => Number(k.slice(1)));
  }

  async expiredTopics(now: number, max = 50): Promise<TopicRef[]> {
    return (await this.redis.zrangebyscore(this.keys.expiringTopics(), "-inf", now, "LIMIT", 0, max)).map(topicOfMember);
  }

  async topicDeleted(topic: TopicRef): Promise<void> {
    await this.redis.zrem(this.keys.expiringTopics(), topicMember(topic));
  }

  async counterpart(id: number, side: "user" | "staff", messageId: number): Promise<number | undefined> {
    const found = await this.redis.hget(this.keys.casePairs(id), `${side === "user" ? "u" : "s"}${messageId}`);
    return found === null ? undefined : Number(found);
  }

  async log(id: number): Promise<TranscriptEntry[]> {
    return (await this.redis.lrange(this.keys.caseLog(id), 0, -1)).map((s) => JSON.parse(s) as TranscriptEntry);
  }

  async hold(id: number, user: string): Promise<boolean> {
    return (await HOLD.run(this.redis, 1, this.keys.case(id), user)) === 1;
  }

  async unhold(id: number, now: number): Promise<boolean> {
    const { outbox, outboxLine, stems } = this.keys;
    return (await UNHOLD.run(this.redis, 3, this.keys.case(id), outbox(), outboxLine(id, "to_user"), stems.job, String(now))) === 1;
  }

  async block(user: string): Promise<void> {
    await this.redis.set(this.keys.blocked(blockMark(user)), "1", "EX", 365 * 24 * 3600);
  }
  async unblock(user: string): Promise<boolean> {
    return (await this.redis.del(this.keys.blocked(blockMark(user)))) === 1;
  }
  async isBlocked(user: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.blocked(blockMark(user)))) === 1;
  }

  /** The cached flag and its time left, in one round trip. */
  private staffKey(userId: number, chat?: number): string {
    return chat === undefined ? this.keys.staff(userId) : this.keys.groupStaff(chat, userId);
  }

  async staffFlag(userId: number, chat?: number): Promise<{ member: boolean; forMs: number } | undefined> {
    const key = this.staffKey(userId, chat);
    const [[, v], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [[unknown, string | null], [unknown, number]];
    return v === null ? undefined : { member: v === "1", forMs: Math.max(0, ttl) };
  }
  async setStaffFlag(userId: number, member: boolean, username?: string, chat?: number): Promise<void> {
    const tx = this.redis.multi().set(this.staffKey(userId, chat), member ? "1" : "0", "PX", STAFF_FLAG_MS);
    if (username) {
      if (member) tx.set(this.keys.staffName(username), userId, "EX", 30 * 24 * 3600);
      // Not in a regional group is no reason to forget a name the national group knows (/transfer
      // checks membership in the case's group anyway).
      else if (chat === undefined) tx.del(this.keys.staffName(username));
    }
    await tx.exec();
  }

  async staffByName(username: string): Promise<number | undefined> {
    const id = await this.redis.get(this.keys.staffName(username));
    return id === null ? undefined : Number(id);
  }

  async transfer(id: number, from: number | undefined, to: number, now: number): Promise<"transferred" | "not-yours" | "closed"> {
    return (await TRANSFER.run(this.redis, 1, this.keys.case(id), from === undefined ? "" : String(from), String(to), String(now))) as "transferred" | "not-yours" | "closed";
  }

  /** /forget: every case of the user, their transcripts, thread links and queue entries. */
  async eraseUser(user: string, now = Date.now()): Promise<void> {
    const ids = await this.redis.smembers(this.keys.userCases(user));
    const tx = this.redis.multi();
    for (const id of ids) {
      const [thread, chat] = await this.redis.hmget(this.keys.case(id), "threadId", "staffChat");
      // The topic stays a day in the staff group (an operator writing there is told, not
      // ignored), then it is deleted.
      if (thread) {
        const topic = { thread: Number(thread), chat: chat ? Number(chat) : undefined };
        tx.set(this.threadKey(topic), ERASED, "EX", this.options.retentionSeconds);
        tx.zadd(this.keys.expiringTopics(), now + ERASED_TOPIC_MS, topicMember(topic));
      }
      tx.del(this.keys.case(id), this.keys.caseLog(id), this.keys.casePairs(id)).zrem(this.keys.queue(), id).zrem(this.keys.checkins(), id);
    }
    // A block stays (a supervisor's decision): its key names only the user's pseudonym.
    tx.del(this.keys.userCase(user), this.keys.userCases(user));
    await tx.exec();
  }
}

/**
 * The name a block is kept under: a one-way hash of the pseudonym, so that the key neither
 * names the user as their other keys do nor is erased with them (/forget keeps a block).
 */
function blockMark(user: string): string {
  return createHash("sha256").update(`block:${user}`).digest("hex").slice(0, 32);
}

/** A topic as the expiring-topics set names it (TOPIC_MEMBER_FN builds the same in Lua). */
function topicMember(topic: TopicRef): string {
  return topic.chat === undefined ? String(topic.thread) : `${topic.chat}:${topic.thread}`;
}

function topicOfMember(member: string): TopicRef {
  const [a, b] = member.split(":");
  return b === undefined ? { thread: Number(a) } : { chat: Number(a), thread: Number(b) };
}

/** A hash as HGETALL answers inside a script: [field, value, ...]. */
function pairs(flat: string[]): Record<string, string> {
  const h: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i]!] = flat[i + 1]!;
  return h;
}

/** QUEUE_FN's answer for the relays of case `id`: each job, its id, and whether it was leased. */
function queuedJobs(id: number, relays: readonly RelayDraft[], flat: string[]): QueuedJob[] {
  return relays.map((r, i) => ({ id: flat[2 * i]!, job: { caseId: id, ...r } as RelayJob, leased: Number(flat[2 * i + 1]) === 1 }));
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
    staffChat: num("staffChat"),
    overflow: num("overflow"),
    category: parseCategory(h.category)?.code,
    noted: h.noted === "1" ? true : undefined,
    threadId: num("threadId"),
    cardId: num("cardId"),
    raised: num("raised") ?? 0,
    earlier: num("earlier"),
    lastOutcome: h.lastOutcome as Outcome | undefined,
    lastRisk: isRisk(h.lastRisk) ? h.lastRisk : undefined,
    rating: num("rating"),
    held: h.held === "1" ? true : undefined,
  };
}
