/**
 * The persistent outbox of relayed messages in Redis (the port is cases/outbox.ts). A relay is
 * written to Redis before anything is sent, then delivered; a failed delivery (429, 5xx,
 * network) is retried with backoff until it succeeds or is reported undeliverable. A job being
 * delivered is leased, not removed: if the process dies, the lease runs out and another
 * process (or this one after restart) sends it. Its keys are the keyspace's "outbox" group
 * (storage/keys.ts).
 */
import type { Redis } from "ioredis";
import { type DeliveryResult, delivered, type Outbox, type QueuedJob, type RelayJob } from "../cases/outbox.js";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";

export interface StoredJob {
  id: string;
  job: RelayJob;
  attempts: number;
}

// Jobs of one case in one direction go out in the order they were queued, whichever process
// delivers them: each such line is a list of job ids (keyspace's outboxLine(case, dir)). A drain
// leases a line from its head, as far as its jobs are due; a job in flight elsewhere or waiting
// to be retried stops the line there. Ids whose job is gone (delivered, given up) are dropped.

/**
 * How many messages a minute each kind of destination takes, shared by every process (Telegram:
 * about 20 a minute in one group, about one a second in one private chat; past that, 429).
 * 0: no pace (a test on its own clock, the console).
 */
export interface Throttle {
  staffPerMinute: number;
  userPerMinute: number;
}

/**
 * Telegram's limits, unpublished in exact figures: "in a single chat, avoid sending more than
 * one message per second" (Telegram's Bot FAQ, as quoted in
 * https://docs.rs/webserver-base/latest/webserver_base/telegram/constant.DEFAULT_PER_CHAT_INTERVAL.html)
 * and about 20 messages a minute in one group
 * (https://github.com/python-telegram-bot/python-telegram-bot/wiki/Avoiding-flood-limits).
 */
export const TELEGRAM_THROTTLE: Throttle = { staffPerMinute: 20, userPerMinute: 60 };

/** Messages that may go at once to a destination that was quiet (then the pace holds). */
const BURST = { staff: 4, user: 3 };

/**
 * The throttle as the scripts take it, in one argument: "<key stem> <case key stem> <staff
 * interval ms> <staff tolerance ms> <user interval ms> <user tolerance ms>". The pace is GCRA:
 * with interval T and a burst of B, at most B - 1 + W/T messages go in any window W; T is chosen
 * so that a minute holds at most the limit: T = 60 s / (limit - B + 1).
 */
export function throttleSpec(keys: Keyspace, throttle: Throttle | undefined): string {
  const pace = (perMinute: number, burst: number): [number, number] => {
    if (perMinute <= 0) return [0, 0];
    const b = Math.min(burst, perMinute);
    const interval = Math.ceil(60_000 / (perMinute - b + 1));
    return [interval, (b - 1) * interval];
  };
  return [keys.stems.throttle, keys.stems.case, ...pace(throttle?.staffPerMinute ?? 0, BURST.staff), ...pace(throttle?.userPerMinute ?? 0, BURST.user)].join(" ");
}

// The pace of each destination (Lua functions for the scripts below). A job's destination
// follows from its line "<case>:<dir>": the case's staff group (the field staffChat of its
// case, or the one group) or the case's user. Each destination keeps its "theoretical arrival
// time" (GCRA) under the throttle stem; a key lives only as long as it holds anyone back.
export const THROTTLE_FN = `
local function throttle_parse(spec)
  local stem, caseStem, si, st, ui, ut = string.match(spec, '^(%S+) (%S+) (%d+) (%d+) (%d+) (%d+)$')
  return {stem = stem, caseStem = caseStem, si = tonumber(si), st = tonumber(st), ui = tonumber(ui), ut = tonumber(ut)}
end
-- The destination's key, interval and tolerance for a line (nil when it is not paced).
local function throttle_of(t, line)
  local id, dir = string.match(line, '^(%d+):(.+)$')
  if not id then return nil end
  if dir == 'to_staff' then
    if t.si <= 0 then return nil end
    local group = redis.call('HGET', t.caseStem .. id, 'staffChat') or ''
    return t.stem .. 'g' .. group, t.si, t.st
  end
  if t.ui <= 0 then return nil end
  return t.stem .. 'u' .. id, t.ui, t.ut
end
-- Takes a place for one message to the line's destination: 0 when it may go now, else how many
-- ms until it may.
local function throttle_take(t, line, now)
  local key, interval, tolerance = throttle_of(t, line)
  if not key then return 0 end
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  if tat - tolerance > now then return tat - tolerance - now end
  redis.call('SET', key, tat + interval, 'PX', tat + interval - now + 1000)
  return 0
end
-- Telegram said "not before untilMs" for the line's destination: every line to it waits.
local function throttle_pause(t, line, now, untilMs)
  local key, interval, tolerance = throttle_of(t, line)
  if not key then return end
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < untilMs + tolerance then
    redis.call('SET', key, untilMs + tolerance, 'PX', untilMs + tolerance - now + 1000)
  end
end
`;

// Leases due jobs (as a Lua function, for the scripts below); returns {id, body, attempts, ...}.
// A job its destination's pace holds back is due again when it may go, and stops its line.
const LEASE_DUE_FN = `${THROTTLE_FN}
local function lease_due(outbox, now, lease, max, jobStem, lineStem, t)
  local due = redis.call('ZRANGEBYSCORE', outbox, '-inf', now, 'LIMIT', 0, max)
  local out = {}
  local seen = {}
  local function take(id, jobKey, body)
    redis.call('ZADD', outbox, now + lease, id)
    out[#out + 1] = id
    out[#out + 1] = body
    out[#out + 1] = redis.call('HGET', jobKey, 'attempts') or '0'
  end
  for _, id in ipairs(due) do
    local jobKey = jobStem .. id
    local line = redis.call('HGET', jobKey, 'line')
    if not line then
      -- A job from before lines (or one already gone).
      local body = redis.call('HGET', jobKey, 'body')
      if body then take(id, jobKey, body) else redis.call('ZREM', outbox, id) end
    elseif not seen[line] then
      seen[line] = true
      local list = lineStem .. line
      for _, jid in ipairs(redis.call('LRANGE', list, 0, max - 1)) do
        local jidKey = jobStem .. jid
        local body = redis.call('HGET', jidKey, 'body')
        if not body then
          redis.call('LREM', list, 1, jid)
          redis.call('ZREM', outbox, jid)
        else
          local score = redis.call('ZSCORE', outbox, jid)
          if not score or tonumber(score) > now then break end
          local wait = throttle_take(t, line, now)
          if wait > 0 then
            redis.call('ZADD', outbox, now + wait, jid)
            break
          end
          take(jid, jidKey, body)
        end
      end
    end
  end
  return out
end
`;

// KEYS: outbox; ARGV: now, leaseMs, max, job key stem, line key stem (keyspace().stems), throttle spec.
// Leases due jobs; returns [id, body, attempts]...
const LEASE_DUE = new LuaScript(`${LEASE_DUE_FN}
return lease_due(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5], throttle_parse(ARGV[6]))
`);

/**
 * Stores a job, queues it and puts it at the end of its line (as a Lua function, also for the
 * case store's scripts, which queue relays in the same step as the change they follow). With
 * leaseMs > 0 a job first in its line is leased at once (due when the lease ends): the caller
 * delivers it, unless its destination's pace holds it back (then it is due when it may go).
 * Returns its id and whether it was leased. `t`: throttle_parse's table.
 */
export const ENQUEUE_FN = `${THROTTLE_FN}
local function enqueue(seqKey, outbox, lineKey, jobStem, body, line, now, leaseMs, t)
  local id = string.format('%012d', redis.call('INCR', seqKey))
  redis.call('HSET', jobStem .. id, 'body', body, 'attempts', 0, 'line', line)
  local first = redis.call('RPUSH', lineKey, id) == 1 and leaseMs > 0
  local due = now
  local leased = false
  if first then
    local wait = throttle_take(t, line, now)
    if wait > 0 then due = now + wait else leased = true; due = now + leaseMs end
  end
  redis.call('ZADD', outbox, due, id)
  return id, leased
end
`;

// KEYS: sequence, outbox, line; ARGV: job key stem, body, now, line, leaseMs (0: not leased), throttle spec.
// Returns {id, leased (1/0)}.
const ENQUEUE = new LuaScript(`${ENQUEUE_FN}
local id, leased = enqueue(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[4], tonumber(ARGV[3]), tonumber(ARGV[5]), throttle_parse(ARGV[6]))
return {id, leased and 1 or 0}
`);

// KEYS: outbox; ARGV: job key stem, line key stem, now, leaseMs, max, pairs lifetime (ms),
// throttle spec, then per job: id, line, retry time ("" when it is done: delivered or given up),
// "1" when Telegram refused the chat for a while (429: every line to it waits), and for a copy
// made the case's pairs key, the user's message id and the staff group's ('' otherwise). A done
// job leaves the queue and its line (a copy's pair is remembered both ways); a job to retry
// counts an attempt and is due again then. With max > 0 what is due next is leased too (as
// LEASE_DUE): one round trip for the end of one delivery and the next.
const FINISH = new LuaScript(`${LEASE_DUE_FN}
local jobStem, lineStem = ARGV[1], ARGV[2]
local t = throttle_parse(ARGV[7])
for i = 8, #ARGV, 7 do
  local id, line, retryAt, flood, pairs, userMsg, staffMsg = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
  if flood == '1' then throttle_pause(t, line, tonumber(ARGV[3]), tonumber(retryAt)) end
  if retryAt == '' then
    redis.call('DEL', jobStem .. id)
    redis.call('ZREM', KEYS[1], id)
    redis.call('LREM', lineStem .. line, 1, id)
    if pairs ~= '' then
      redis.call('HSET', pairs, 'u' .. userMsg, staffMsg, 's' .. staffMsg, userMsg)
      redis.call('PEXPIRE', pairs, tonumber(ARGV[6]))
    end
  else
    redis.call('HINCRBY', jobStem .. id, 'attempts', 1)
    redis.call('ZADD', KEYS[1], tonumber(retryAt), id)
  end
end
local max = tonumber(ARGV[5])
if max <= 0 then return {} end
return lease_due(KEYS[1], tonumber(ARGV[3]), tonumber(ARGV[4]), max, jobStem, lineStem, t)
`);

/** How long a job being delivered is reserved for one process, unless told otherwise. */
export const DEFAULT_LEASE_MS = 30_000;

/** The end of one delivery attempt, as FINISH takes it. */
interface Finished {
  stored: StoredJob;
  result: DeliveryResult;
}

export interface OutboxOptions {
  /** How long a job being delivered is reserved for one process. */
  leaseMs?: number;
  /** Attempts before a job is reported undeliverable. */
  maxAttempts?: number;
  /** How long a copied message's counterpart is remembered (for edits and replies): the retention. */
  pairsMs?: number;
  /** The pace of each destination, shared by every process; none when left out. */
  throttle?: Throttle;
  now?: () => number;
}

export class RedisOutbox implements Outbox {
  /**
   * Attempts this process concluded but could not mark (Redis went away between sending and
   * marking): marked first thing on the next drain, so that a message that arrived is not sent
   * again when its lease runs out, and its line does not wait for the lease.
   */
  private unfinished: Finished[] = [];
  private readonly leaseMs: number;
  readonly maxAttempts: number;
  private readonly pairsMs: number;
  private readonly now: () => number;
  /** throttleSpec: one argument of every script that leases. */
  private readonly pace: string;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    options: OutboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.pairsMs = options.pairsMs ?? 30 * 24 * 3_600_000;
    this.now = options.now ?? Date.now;
    this.pace = throttleSpec(keys, options.throttle);
  }

  private get zkey(): string {
    return this.keys.outbox();
  }

  /** Stores a job (one round trip); it is safe (will be delivered) once this resolves. */
  async enqueue(job: RelayJob): Promise<string> {
    return (await this.store(job, 0)).id;
  }

  /** Stores a job and leases it at once when it is first in its line (one round trip). */
  enqueueLeased(job: RelayJob): Promise<QueuedJob> {
    return this.store(job, this.leaseMs);
  }

  private async store(job: RelayJob, leaseMs: number): Promise<QueuedJob> {
    const { jobSeq, outboxLine, stems } = this.keys;
    const [id, leased] = (await ENQUEUE.run(this.redis, 3, jobSeq(), this.zkey, outboxLine(job.caseId, job.dir), stems.job, JSON.stringify(job), this.now(), lineOf(job), leaseMs, this.pace)) as [string, number];
    return { id, job, leased: leased === 1 };
  }

  /**
   * Delivers what is due, in order: only the first job of each line (case and direction) is
   * leased, so a job that fails holds back the later ones of its line, in every process. A job
   * that keeps failing is given up after maxAttempts and handed to `giveUp` (to report it).
   * Jobs of `first` leased when they were queued go out first; marking them done leases what
   * else is due, in the same round trip.
   */
  async drain(
    deliver: (job: RelayJob, attempts: number) => Promise<DeliveryResult>,
    giveUp: (job: RelayJob) => Promise<void> = async () => undefined,
    max = 50,
    first: readonly QueuedJob[] = [],
  ): Promise<number> {
    if (this.unfinished.length > 0) await this.finish([], 0);
    const leased = first.filter((q) => q.leased).map((q) => ({ id: q.id, job: q.job, attempts: 0 }));
    let sent = 0;
    let due: StoredJob[];
    // Telegram refused a destination (429) in this drain: the jobs leased for it wait too.
    const refused = new Set<string>();
    const tryOne = async (stored: StoredJob): Promise<DeliveryResult> => {
      if (refused.has(destinationOf(stored.job))) return { retryAfterMs: 1_000 };
      const result = await this.attempt(stored, deliver, giveUp);
      if (typeof result === "object" && "retryAfterMs" in result && result.flood) refused.add(destinationOf(stored.job));
      return result;
    };
    if (leased.length > 0) {
      const done: Finished[] = [];
      for (const stored of leased) done.push({ stored, result: await tryOne(stored) });
      sent += done.filter((d) => delivered(d.result)).length;
      due = await this.finish(done, max);
    } else {
      const raw = (await LEASE_DUE.run(this.redis, 1, this.zkey, String(this.now()), String(this.leaseMs), String(max), this.keys.stems.job, this.keys.stems.outboxLine, this.pace)) as string[];
      due = parseLeased(raw);
    }
    due.sort((a, b) => a.id.localeCompare(b.id));
    // Jobs queued before lines existed may come several to a line: the same rule in this drain.
    const heldLines = new Set<string>();
    for (const stored of due) {
      if (heldLines.has(lineOf(stored.job))) {
        await this.redis.zadd(this.zkey, this.now() + 1_000, stored.id);
        continue;
      }
      const result = await tryOne(stored);
      await this.finish([{ stored, result }], 0);
      if (delivered(result)) sent++;
      else if (result !== "undeliverable") heldLines.add(lineOf(stored.job));
    }
    return sent;
  }

  /** One delivery attempt; a job that failed too often is given up (and reported). */
  private async attempt(
    stored: StoredJob,
    deliver: (job: RelayJob, attempts: number) => Promise<DeliveryResult>,
    giveUp: (job: RelayJob) => Promise<void>,
  ): Promise<DeliveryResult> {
    let result: DeliveryResult;
    try {
      result = await deliver(stored.job, stored.attempts);
    } catch {
      result = "retry";
    }
    // Telegram's "try again in N s" is no failure of the job: only other failures count toward giving up.
    if (result === "retry" && stored.attempts + 1 >= this.maxAttempts) {
      result = "undeliverable";
      await giveUp(stored.job).catch(() => undefined);
    }
    return result;
  }

  /** Marks attempts done (or to retry, with backoff), and with max > 0 leases what is due next: one round trip. */
  private async finish(concluded: Finished[], max: number): Promise<StoredJob[]> {
    const now = this.now();
    const done = this.unfinished.concat(concluded);
    this.unfinished = [];
    const args = done.flatMap(({ stored, result }) => [
      stored.id,
      lineOf(stored.job),
      typeof result === "object" && "retryAfterMs" in result
        ? String(now + result.retryAfterMs)
        : result === "retry"
          ? String(now + Math.min(2 ** stored.attempts * 1_000, 5 * 60_000))
          : "",
      typeof result === "object" && "retryAfterMs" in result && result.flood ? "1" : "",
      ...this.pairOf(stored.job, result),
    ]);
    let raw: string[];
    try {
      raw = (await FINISH.run(this.redis, 1, this.zkey, this.keys.stems.job, this.keys.stems.outboxLine, String(now), String(this.leaseMs), String(max), String(this.pairsMs), this.pace, ...args)) as string[];
    } catch (err) {
      // Kept to mark on the next drain (bounded: a process that cannot reach Redis for long
      // leaves the rest to the leases).
      this.unfinished = done.slice(-1_000);
      throw err;
    }
    return parseLeased(raw);
  }

  /** FINISH's pair arguments: the case's pairs key, the user's message and the staff group's ('' when no copy was made). */
  private pairOf(job: RelayJob, result: DeliveryResult): [string, string, string] {
    if (job.kind !== "copy" || typeof result !== "object" || !("sentAs" in result)) return ["", "", ""];
    const [userMsg, staffMsg] = job.dir === "to_staff" ? [job.messageId, result.sentAs] : [result.sentAs, job.messageId];
    return [this.keys.casePairs(job.caseId), String(userMsg), String(staffMsg)];
  }

  async pending(): Promise<number> {
    return this.redis.zcard(this.zkey);
  }
}

/**
 * The line a job waits in: its case and direction (the two directions do not hold each other
 * up), as stored in the job's `line` field; the line's key is keyspace's outboxLine(case, dir).
 */
function lineOf(job: RelayJob): string {
  return `${job.caseId}:${job.dir}`;
}

/**
 * Where a job goes, as far as this process can tell without asking: the staff side (any group:
 * when Telegram refuses one, this drain holds all, and the shared pace lets the others go on
 * the next), or the case's user.
 */
function destinationOf(job: RelayJob): string {
  return job.dir === "to_staff" ? "staff" : `user:${job.caseId}`;
}

/** LEASE_DUE's answer: [id, body, attempts]... */
function parseLeased(raw: string[]): StoredJob[] {
  const jobs: StoredJob[] = [];
  for (let i = 0; i < raw.length; i += 3) {
    jobs.push({ id: raw[i]!, job: JSON.parse(raw[i + 1]!) as RelayJob, attempts: Number(raw[i + 2]) });
  }
  return jobs;
}
