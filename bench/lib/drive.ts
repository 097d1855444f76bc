/**
 * The load: real HTTP POSTs to the webhook (keep-alive connections, the secret header),
 * `concurrency` requests in flight, many users at once, each user's updates in order (a user
 * never has two updates in flight).
 *
 * Users stay under Senim's flood limit (20 updates per user per 10 s): a user sends at most
 * `max` updates per `windowMs`, then waits for the next window (a benchmark of the polite
 * "slow down" answer would measure the wrong thing). When no user may send, a new user
 * arrives, so the population grows to what the bot's throughput needs; users whose script is
 * over leave. Latency is measured per HTTP request.
 */
import { Agent, request } from "node:http";
import { WEBHOOK_PATH, WEBHOOK_SECRET } from "./bots.js";
import type { Actor, Kind, Step } from "./workload.js";

/** Set on Ctrl-C: every phase stops sending (what is in flight finishes). */
export const stopRequested = { value: false };

export interface Sample {
  kind: Kind;
  ms: number;
}

export interface PhaseResult {
  sent: number;
  failed: number;
  elapsedMs: number;
  samples: Sample[];
  /** Times a worker had to wait for a user (the population was at its cap). */
  waits: number;
  /**
   * Milliseconds spent making the next update (the scripted users read the bot's replies and
   * choose what to press); for the bare bot, which is sent recorded updates, next to nothing.
   */
  makingMs: number;
}

export interface UserLimit {
  max: number;
  windowMs: number;
}

interface Entry {
  actor: Actor;
  windowStart: number;
  count: number;
  readyAt: number;
}

/** The users of a bot, kept across phases (warm-up, rounds). */
export class Population {
  private ready: Entry[] = [];
  private head = 0;
  private blocked: Entry[] = [];
  private lastScan = 0;
  alive = 0;
  peak = 0;
  waits = 0;

  constructor(
    private readonly spawnActor: () => Actor | undefined,
    private readonly limit: UserLimit | undefined,
    initial: number,
    private readonly maxAlive: number,
  ) {
    for (let i = 0; i < initial; i++) {
      const entry = this.spawn();
      if (!entry) break;
      this.ready.push(entry);
    }
  }

  private spawn(): Entry | undefined {
    if (this.alive >= this.maxAlive) return undefined;
    const actor = this.spawnActor();
    if (!actor) return undefined;
    this.alive++;
    this.peak = Math.max(this.peak, this.alive);
    return { actor, windowStart: 0, count: 0, readyAt: 0 };
  }

  private unblock(now: number, force: boolean): void {
    if (this.blocked.length === 0 || (!force && now - this.lastScan < 25)) return;
    this.lastScan = now;
    const still: Entry[] = [];
    for (const e of this.blocked) (e.readyAt <= now ? this.ready : still).push(e);
    this.blocked = still;
  }

  /** The next user to send something: a ready one, else a new one, else the first to be ready. */
  async take(): Promise<Entry | undefined> {
    const now = performance.now();
    this.unblock(now, this.head >= this.ready.length);
    if (this.head < this.ready.length) {
      const entry = this.ready[this.head++]!;
      if (this.head > 4096) {
        this.ready = this.ready.slice(this.head);
        this.head = 0;
      }
      return entry;
    }
    const fresh = this.spawn();
    if (fresh) return fresh;
    if (this.blocked.length === 0) return undefined;
    let first = 0;
    this.blocked.forEach((e, i) => {
      if (e.readyAt < this.blocked[first]!.readyAt) first = i;
    });
    const [entry] = this.blocked.splice(first, 1);
    this.waits++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, entry!.readyAt - performance.now())));
    return entry;
  }

  /** Just before an update of this user is sent. */
  sending(entry: Entry): void {
    if (!this.limit) return;
    const now = performance.now();
    if (entry.count === 0 || now >= entry.windowStart + this.limit.windowMs) {
      entry.windowStart = now;
      entry.count = 0;
    }
    entry.count++;
  }

  /** The user's update was answered: they may send again (now, or in their next window). */
  give(entry: Entry): void {
    if (this.limit && entry.count >= this.limit.max) {
      entry.readyAt = entry.windowStart + this.limit.windowMs;
      this.blocked.push(entry);
    } else this.ready.push(entry);
  }

  retire(): void {
    this.alive--;
  }
}

export interface DriveOptions {
  port: number;
  /** Updates to send in all. */
  total: number;
  concurrency: number;
  population: Population;
  /** Called around each update (for per-update Redis accounting in the sequential pass). */
  around?: { before(step: Step): void; after(step: Step, ms: number): void };
}

/** One webhook POST (the secret header, keep-alive); resolves to the HTTP status. */
export function post(agent: Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: WEBHOOK_PATH,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-telegram-bot-api-secret-token": WEBHOOK_SECRET,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function drive(options: DriveOptions): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const population = options.population;
  const waitsBefore = population.waits;
  const samples: Sample[] = [];
  let claimed = 0;
  let failed = 0;
  let makingMs = 0;

  async function worker(): Promise<void> {
    while (claimed < options.total && !stopRequested.value) {
      claimed++;
      const entry = await population.take();
      if (!entry) {
        claimed--;
        return;
      }
      const m0 = performance.now();
      const step = await entry.actor.next();
      makingMs += performance.now() - m0;
      if (!step) {
        claimed--;
        population.retire();
        continue;
      }
      population.sending(entry);
      options.around?.before(step);
      const t0 = performance.now();
      const status = await post(agent, options.port, step.body).catch(() => 0);
      const ms = performance.now() - t0;
      options.around?.after(step, ms);
      if (status !== 200) failed++;
      samples.push({ kind: step.kind, ms });
      population.give(entry);
    }
  }

  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return { sent: samples.length, failed, elapsedMs, samples, waits: population.waits - waitsBefore, makingMs };
}

export interface PacedOptions {
  port: number;
  total: number;
  /** Updates per second, arriving on a fixed schedule whatever the answers (an open loop). */
  rate: number;
  population: Population;
  /** Most requests in flight (beyond it the schedule slips, and the latency shows it). */
  maxInFlight?: number;
}

/**
 * Updates at a fixed rate, as Telegram delivers them to a webhook: the next one does not wait
 * for the previous answer. Latency counts from when an update was due, so a bot that falls
 * behind shows it (no coordinated omission).
 */
export async function drivePaced(options: PacedOptions): Promise<PhaseResult> {
  const maxInFlight = options.maxInFlight ?? 512;
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const population = options.population;
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let makingMs = 0;
  const start = performance.now();
  const interval = 1000 / options.rate;
  for (let k = 0; k < options.total && !stopRequested.value; k++) {
    const due = start + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const one = (async () => {
      for (;;) {
        const entry = await population.take();
        if (!entry) return;
        const m0 = performance.now();
        const step = await entry.actor.next();
        makingMs += performance.now() - m0;
        if (!step) {
          population.retire();
          continue;
        }
        population.sending(entry);
        const status = await post(agent, options.port, step.body).catch(() => 0);
        if (status !== 200) failed++;
        samples.push({ kind: step.kind, ms: performance.now() - due });
        population.give(entry);
        return;
      }
    })();
    inFlight.add(one);
    void one.finally(() => inFlight.delete(one));
  }
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return { sent: samples.length, failed, elapsedMs, samples, waits: 0, makingMs };
}
