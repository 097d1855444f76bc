/**
 * The persistent outbox of relayed messages in Redis (the port is cases/outbox.ts). A relay is
 * written to Redis before anything is sent, then delivered; a failed delivery (429, 5xx,
 * network) is retried with backoff until it succeeds or is reported undeliverable. A job being
 * delivered is leased, not removed: if the process dies, the lease runs out and another
 * process (or this one after restart) sends it. Its keys are the keyspace's "outbox" group
 * (storage/keys.ts).
 */
import type { Redis } from "ioredis";
import type { DeliveryResult, Outbox, RelayJob } from "../cases/outbox.js";
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

// KEYS: outbox; ARGV: now, leaseMs, max, job key stem, line key stem (keyspace().stems).
// Leases due jobs; returns [id, body, attempts]...
const LEASE_DUE = new LuaScript(`
local now, lease, max, jobStem, lineStem = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max)
local out = {}
local seen = {}
local function take(id, jobKey, body)
  redis.call('ZADD', KEYS[1], now + lease, id)
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
    if body then take(id, jobKey, body) else redis.call('ZREM', KEYS[1], id) end
  elseif not seen[line] then
    seen[line] = true
    local list = lineStem .. line
    for _, jid in ipairs(redis.call('LRANGE', list, 0, max - 1)) do
      local jidKey = jobStem .. jid
      local body = redis.call('HGET', jidKey, 'body')
      if not body then
        redis.call('LREM', list, 1, jid)
        redis.call('ZREM', KEYS[1], jid)
      else
        local score = redis.call('ZSCORE', KEYS[1], jid)
        if not score or tonumber(score) > now then break end
        take(jid, jidKey, body)
      end
    end
  end
end
return out
`);

// KEYS: sequence, outbox, line; ARGV: job key stem, body, now, line. Stores a job, queues it and
// puts it at the end of its line; returns its id.
const ENQUEUE = new LuaScript(`
local id = string.format('%012d', redis.call('INCR', KEYS[1]))
redis.call('HSET', ARGV[1] .. id, 'body', ARGV[2], 'attempts', 0, 'line', ARGV[4])
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), id)
redis.call('RPUSH', KEYS[3], id)
return id
`);

// KEYS: job, outbox, line; ARGV: id. A job delivered or given up: gone from the queue and its line.
const DONE = new LuaScript(`
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('LREM', KEYS[3], 1, ARGV[1])
return 1
`);

export interface OutboxOptions {
  /** How long a job being delivered is reserved for one process. */
  leaseMs?: number;
  /** Attempts before a job is reported undeliverable. */
  maxAttempts?: number;
  now?: () => number;
}

export class RedisOutbox implements Outbox {
  private readonly leaseMs: number;
  readonly maxAttempts: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
    options: OutboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.now = options.now ?? Date.now;
  }

  private get zkey(): string {
    return this.keys.outbox();
  }

  /** Stores a job (one round trip); it is safe (will be delivered) once this resolves. */
  async enqueue(job: RelayJob): Promise<string> {
    const { jobSeq, outboxLine, stems } = this.keys;
    return (await ENQUEUE.run(this.redis, 3, jobSeq(), this.zkey, outboxLine(job.caseId, job.dir), stems.job, JSON.stringify(job), this.now(), lineOf(job))) as string;
  }

  /**
   * Delivers what is due, in order: only the first job of each line (case and direction) is
   * leased, so a job that fails holds back the later ones of its line, in every process. A job
   * that keeps failing is given up after maxAttempts and handed to `giveUp` (to report it).
   */
  async drain(
    deliver: (job: RelayJob, attempts: number) => Promise<DeliveryResult>,
    giveUp: (job: RelayJob) => Promise<void> = async () => undefined,
    max = 50,
  ): Promise<number> {
    const raw = (await LEASE_DUE.run(this.redis, 1, this.zkey, String(this.now()), String(this.leaseMs), String(max), this.keys.stems.job, this.keys.stems.outboxLine)) as string[];
    const jobs: StoredJob[] = [];
    for (let i = 0; i < raw.length; i += 3) {
      jobs.push({ id: raw[i]!, job: JSON.parse(raw[i + 1]!) as RelayJob, attempts: Number(raw[i + 2]) });
    }
    jobs.sort((a, b) => a.id.localeCompare(b.id));
    // Jobs queued before lines existed may come several to a line: the same rule in this drain.
    const heldLines = new Set<string>();
    let sent = 0;
    for (const stored of jobs) {
      if (heldLines.has(lineOf(stored.job))) {
        await this.redis.zadd(this.zkey, this.now() + 1_000, stored.id);
        continue;
      }
      let result: DeliveryResult;
      try {
        result = await deliver(stored.job, stored.attempts);
      } catch {
        result = "retry";
      }
      if (result === "retry" && stored.attempts + 1 >= this.maxAttempts) {
        result = "undeliverable";
        await giveUp(stored.job).catch(() => undefined);
      }
      if (result === "sent" || result === "undeliverable") {
        await DONE.run(this.redis, 3, this.keys.job(stored.id), this.zkey, this.keys.outboxLine(stored.job.caseId, stored.job.dir), stored.id);
        if (result === "sent") sent++;
      } else {
        heldLines.add(lineOf(stored.job));
        const backoff = Math.min(2 ** stored.attempts * 1_000, 5 * 60_000);
        await this.redis.multi().hincrby(this.keys.job(stored.id), "attempts", 1).zadd(this.zkey, this.now() + backoff, stored.id).exec();
      }
    }
    return sent;
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
