/**
 * The persistent outbox of relayed messages. A relay is written to Redis before anything is
 * sent, then delivered; a failed delivery (429, 5xx, network) is retried with backoff until it
 * succeeds or is reported undeliverable. A job being delivered is leased, not removed: if the
 * process dies, the lease runs out and another process (or this one after restart) sends it.
 */
import type { Redis } from "ioredis";
import { LuaScript } from "../storage/lua.js";

export type RelayJob =
  /** Copy a message between the user's chat and the case's topic (direction says which way). */
  | { kind: "copy"; caseId: number; dir: "to_staff" | "to_user"; fromChat: number; messageId: number }
  /** A text from the bot: saved replies to the user, notices in the topic. */
  | {
      kind: "text";
      caseId: number;
      dir: "to_staff" | "to_user";
      text: string;
      /** Inline buttons as [label, callback data] rows. */
      buttons?: Array<Array<[string, string]>>;
    };

export interface StoredJob {
  id: string;
  job: RelayJob;
  attempts: number;
}

/** What a delivery attempt concluded. */
export type DeliveryResult = "sent" | "retry" | "undeliverable";

// KEYS: outbox; ARGV: now, leaseMs, max, prefix. Leases due jobs; returns [id, body, attempts]...
const LEASE_DUE = new LuaScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), id)
  local body = redis.call('HGET', ARGV[4] .. ':job:' .. id, 'body')
  local attempts = redis.call('HGET', ARGV[4] .. ':job:' .. id, 'attempts')
  if body then
    out[#out + 1] = id
    out[#out + 1] = body
    out[#out + 1] = attempts or '0'
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out
`);

// KEYS: sequence, outbox; ARGV: prefix, body, now. Stores a job and queues it; returns its id.
const ENQUEUE = new LuaScript(`
local id = string.format('%012d', redis.call('INCR', KEYS[1]))
redis.call('HSET', ARGV[1] .. ':job:' .. id, 'body', ARGV[2], 'attempts', 0)
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), id)
return id
`);

export interface OutboxOptions {
  /** How long a job being delivered is reserved for one process. */
  leaseMs?: number;
  /** Attempts before a job is reported undeliverable. */
  maxAttempts?: number;
  now?: () => number;
}

export class Outbox {
  private readonly leaseMs: number;
  readonly maxAttempts: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: OutboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.now = options.now ?? Date.now;
  }

  private get zkey(): string {
    return `${this.prefix}:outbox`;
  }
  private jobKey(id: string): string {
    return `${this.prefix}:job:${id}`;
  }

  /** Stores a job (one round trip); it is safe (will be delivered) once this resolves. */
  async enqueue(job: RelayJob): Promise<string> {
    return (await ENQUEUE.run(this.redis, 2, `${this.prefix}:job:seq`, this.zkey, this.prefix, JSON.stringify(job), this.now())) as string;
  }

  /**
   * Delivers what is due, in order; a failure holds back later jobs of the same case. A job
   * that keeps failing is given up after maxAttempts and handed to `giveUp` (to report it).
   */
  async drain(
    deliver: (job: RelayJob, attempts: number) => Promise<DeliveryResult>,
    giveUp: (job: RelayJob) => Promise<void> = async () => undefined,
    max = 50,
  ): Promise<number> {
    const raw = (await LEASE_DUE.run(this.redis, 1, this.zkey, String(this.now()), String(this.leaseMs), String(max), this.prefix)) as string[];
    const jobs: StoredJob[] = [];
    for (let i = 0; i < raw.length; i += 3) {
      jobs.push({ id: raw[i]!, job: JSON.parse(raw[i + 1]!) as RelayJob, attempts: Number(raw[i + 2]) });
    }
    jobs.sort((a, b) => a.id.localeCompare(b.id));
    const heldCases = new Set<number>();
    let sent = 0;
    for (const stored of jobs) {
      if (heldCases.has(stored.job.caseId)) {
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
        await this.redis.multi().del(this.jobKey(stored.id)).zrem(this.zkey, stored.id).exec();
        if (result === "sent") sent++;
      } else {
        heldCases.add(stored.job.caseId);
        const backoff = Math.min(2 ** stored.attempts * 1_000, 5 * 60_000);
        await this.redis.multi().hincrby(this.jobKey(stored.id), "attempts", 1).zadd(this.zkey, this.now() + backoff, stored.id).exec();
      }
    }
    return sent;
  }

  async pending(): Promise<number> {
    return this.redis.zcard(this.zkey);
  }
}
