/**
 * The bot benchmark: a realistic mix of updates through the real webhook path (createHttpServer,
 * HTTP POSTs with the secret header to 127.0.0.1:0, bot.handleUpdate), real Redis under a
 * prefix of its own (deleted at the end) and the fake Bot API (FakeTelegram). The same updates
 * go to a bare grammY bot (same session storage, same webhook path, answers "ok"), and to the
 * peer (lib/peer.ts: the bot a developer would build with the conversations, storage-redis
 * and i18n plugins as their documentation teaches), for ratios.
 *
 *   npm run bench                          # ~1 min, a readable report
 *   npm run -s bench -- --json             # the same figures as one JSON object on stdout
 *   npm run bench -- --runs 3              # medians of three runs (the issue's targets are on medians)
 *   npm run bench -- --updates 20000 --concurrency 64 --no-desk
 *
 * Phases of a run: warm-up (every bot); measured rounds at --concurrency in flight (Senim on
 * its users, then bare and peer on the very updates Senim got); the driver's own CPU (the same
 * updates to a do-nothing webhook in a child process, subtracted to give each bot's CPU); an
 * open loop to Senim at a fixed rate near 40% of its measured capacity, then to bare at the
 * same rate on the same updates (latency at a sustainable load); a sequential pass (one
 * update in flight) for unloaded latency per kind and exact Redis commands and round trips;
 * step 2 against step 40 of a 40-question flow (Senim and peer). Then memory: the process
 * after GC, and MEMORY USAGE of every key under Senim's prefix per active user.
 * Progress goes to stderr; with --json stdout carries the one JSON object and nothing else.
 */
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Redis } from "ioredis";
import { RedisCaseStore } from "../src/storage/cases.js";
import { keyspace } from "../src/storage/keys.js";
import { startBare, startSenim, type BotUnderTest } from "./lib/bots.js";
import { driverCost } from "./lib/calibrate.js";
import { drive, drivePaced, Population, stopRequested, type PhaseResult } from "./lib/drive.js";
import { startPeer } from "./lib/peer.js";
import { LONG_FLOW_QUESTIONS, longFlow, measureFlowSteps, type FlowStepResult } from "./lib/steps.js";
import { FLOWS } from "../src/flows/topics/index.js";
import { delta, redisCpuSeconds, serverCommandCalls, sumCalls, type MeterReading } from "./lib/meter.js";
import { round, roundSummary, Rng, summarize, type LatencySummary } from "./lib/stats.js";
import { DESK_KINDS, KINDS, replaySource, World, type Kind, type Step } from "./lib/workload.js";

/** Updates from the operators (the staff group); the other desk kinds come from users. */
const OPERATOR_KINDS: ReadonlySet<Kind> = new Set(["relay_staff", "staff_resolve"]);

interface Options {
  json: boolean;
  updates: number;
  warmup: number;
  sequential: number;
  /** Updates in the open-loop phase (a fixed arrival rate), 0 to skip. */
  paced: number;
  /** Its rate; 0 = 40% of Senim's measured throughput. */
  rate: number;
  concurrency: number;
  users: number;
  userMax: number;
  maxUsers: number;
  rounds: number;
  desk: boolean;
  /** Skip the bare bot and the peer (to profile Senim alone). */
  bare: boolean;
  /** Skip the peer. */
  peer: boolean;
  /** Repeats of the whole run; the headline figures are their medians. */
  runs: number;
  /** Users who answer the 40-question flow (0 to skip it). */
  flowUsers: number;
  seed: number;
  redisUrl: string;
}

const USAGE = `usage: npm run bench -- [--json] [--runs N] [--updates N] [--concurrency N] [--warmup N] [--sequential N] [--rounds N]
                        [--paced N] [--rate N (updates/s, default 40% of Senim's throughput)] [--flow-users N]
                        [--users N (at the start)] [--user-max N (updates per user per 10.5 s)] [--max-users N] [--no-desk] [--no-bare] [--no-peer] [--seed N] [--redis URL]`;

function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    json: false,
    updates: 6_000,
    warmup: 1_500,
    sequential: 400,
    paced: 1500,
    rate: 0,
    concurrency: 32,
    users: 200,
    userMax: 18,
    maxUsers: 20_000,
    rounds: 2,
    desk: true,
    bare: true,
    peer: true,
    runs: 1,
    flowUsers: 40,
    seed: 1,
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  };
  const numeric = { "--updates": "updates", "--warmup": "warmup", "--sequential": "sequential", "--paced": "paced", "--rate": "rate", "--concurrency": "concurrency", "--users": "users", "--user-max": "userMax", "--max-users": "maxUsers", "--rounds": "rounds", "--seed": "seed", "--runs": "runs", "--flow-users": "flowUsers" } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") o.json = true;
    else if (arg === "--no-desk") o.desk = false;
    else if (arg === "--no-bare") o.bare = false;
    else if (arg === "--no-peer") o.peer = false;
    else if (arg === "--redis") o.redisUrl = argv[++i] ?? o.redisUrl;
    else if (arg in numeric) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) fail(`${arg} needs a whole number`);
      o[numeric[arg as keyof typeof numeric]] = value;
    } else if (arg === "--help" || arg === "-h") {
      console.error(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (o.concurrency < 1 || o.users < 1 || o.rounds < 1 || o.runs < 1 || o.updates < o.rounds) fail("concurrency, users, rounds and runs must be ≥ 1, updates ≥ rounds");
  if (!o.bare) o.peer = false;
  if (o.users < o.concurrency) o.users = o.concurrency; // a user never has two updates in flight
  if (o.maxUsers < o.users) o.maxUsers = o.users;
  return o;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

const opts = parseOptions(process.argv.slice(2));
const progress = (line: string) => {
  if (stopRequested.value) throw new Interrupted();
  if (!opts.json) console.log(line);
  else console.error(line);
};

class Interrupted extends Error {}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Totals {
  sent: number;
  failed: number;
  elapsedMs: number;
  latencies: number[];
  handle: number[];
  byKind: Map<Kind, number[]>;
  meter: MeterReading;
  /** CPU time of this process (bot, HTTP client, fake Bot API), µs. */
  cpuUs: number;
  /** Of it, the scripted users making the next update (Senim's users read its replies; the bare bot gets recorded updates). */
  makingUs: number;
  apiCalls: number;
  webhookReplies: number;
}

function emptyTotals(): Totals {
  return { sent: 0, failed: 0, elapsedMs: 0, latencies: [], handle: [], byKind: new Map(), meter: { commands: 0, roundTrips: 0, byName: {} }, cpuUs: 0, makingUs: 0, apiCalls: 0, webhookReplies: 0 };
}

function addMeter(into: MeterReading, d: MeterReading): void {
  into.commands += d.commands;
  into.roundTrips += d.roundTrips;
  for (const [name, n] of Object.entries(d.byName)) into.byName[name] = (into.byName[name] ?? 0) + n;
}

/** Runs one measured phase on a bot and adds it to its totals. */
async function measured(bot: BotUnderTest, totals: Totals, run: () => Promise<PhaseResult>): Promise<void> {
  bot.handleTimes.length = 0;
  const before = bot.meter.read();
  const cpu = process.cpuUsage();
  const calls = bot.apiCalls;
  const replies = bot.webhookReplies;
  const result = await run();
  totals.apiCalls += bot.apiCalls - calls;
  totals.webhookReplies += bot.webhookReplies - replies;
  const used = process.cpuUsage(cpu);
  totals.cpuUs += used.user + used.system;
  totals.makingUs += result.makingMs * 1000;
  addMeter(totals.meter, delta(bot.meter.read(), before));
  totals.sent += result.sent;
  totals.failed += result.failed;
  totals.elapsedMs += result.elapsedMs;
  for (const s of result.samples) {
    totals.latencies.push(s.ms);
    let list = totals.byKind.get(s.kind);
    if (!list) totals.byKind.set(s.kind, (list = []));
    list.push(s.ms);
  }
  totals.handle.push(...bot.handleTimes);
}

/** Per kind of update, in a sequential pass: latency and exact Redis use. */
interface KindStats {
  latencies: number[];
  commands: number;
  roundTrips: number;
  byName: Record<string, number>;
  /** CPU time of this process (bot, HTTP client, fake Bot API) while the update was in flight, µs. */
  cpuUs: number;
}

function sequentialAccounting(bot: BotUnderTest, into: Map<Kind, KindStats>) {
  let before = bot.meter.read();
  let cpu = process.cpuUsage();
  return {
    before: () => {
      before = bot.meter.read();
      cpu = process.cpuUsage();
    },
    after: (step: Step, ms: number) => {
      const d = delta(bot.meter.read(), before);
      let k = into.get(step.kind);
      const used = process.cpuUsage(cpu);
      if (!k) into.set(step.kind, (k = { latencies: [], commands: 0, roundTrips: 0, byName: {}, cpuUs: 0 }));
      k.latencies.push(ms);
      k.cpuUs += used.user + used.system;
      k.commands += d.commands;
      k.roundTrips += d.roundTrips;
      for (const [name, n] of Object.entries(d.byName)) k.byName[name] = (k.byName[name] ?? 0) + n;
    },
  };
}

async function dropKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = "0";
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) n += await redis.unlink(...keys);
  } while (cursor !== "0");
  return n;
}

interface StoredBytes {
  keys: number;
  bytes: number;
  byClass: Record<string, { keys: number; bytes: number }>;
  flowValueBytes: LatencySummary;
}

/** MEMORY USAGE of every key under a prefix, by key class (prefs, flow, case, ...). */
async function storedBytes(redis: Redis, prefix: string): Promise<StoredBytes> {
  const out: StoredBytes = { keys: 0, bytes: 0, byClass: {}, flowValueBytes: summarize([]) };
  const flowLengths: number[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length === 0) continue;
    const p = redis.pipeline();
    for (const key of keys) p.memory("USAGE", key);
    const usage = (await p.exec()) ?? [];
    const flows = keys.filter((k) => k.startsWith(`${prefix}:flow:`));
    const lengths = flows.length > 0 ? await Promise.all(flows.map((k) => redis.strlen(k))) : [];
    flowLengths.push(...lengths);
    keys.forEach((key, i) => {
      const bytes = Number(usage[i]?.[1] ?? 0);
      const rest = key.slice(prefix.length + 1).split(":");
      const cls = rest[0] === "case" && rest[2] === "log" ? "case:log" : rest[0] === "job" && rest[1] !== "seq" ? "job" : (rest[0] ?? "?");
      const c = (out.byClass[cls] ??= { keys: 0, bytes: 0 });
      c.keys++;
      c.bytes += bytes;
      out.keys++;
      out.bytes += bytes;
    });
  } while (cursor !== "0");
  out.flowValueBytes = summarize(flowLengths);
  return out;
}

const perSecond = (t: Totals) => (t.elapsedMs > 0 ? (t.sent * 1000) / t.elapsedMs : 0);

function kindTable(map: Map<Kind, KindStats>) {
  const total = [...map.values()].reduce((a, k) => a + k.latencies.length, 0);
  return KINDS.filter((k) => map.has(k)).map((kind) => {
    const k = map.get(kind)!;
    const n = k.latencies.length;
    const top = Object.entries(k.byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, c]) => `${name}×${round(c / n, 2)}`);
    return {
      kind,
      n,
      share: round(n / total, 3),
      latencyMs: roundSummary(summarize(k.latencies)),
      commandsPerUpdate: round(k.commands / n),
      roundTripsPerUpdate: round(k.roundTrips / n),
      cpuUsPerUpdate: Math.round(k.cpuUs / n),
      topCommands: top,
    };
  });
}

function aggregate(map: Map<Kind, KindStats>, filter: (k: Kind) => boolean) {
  let n = 0;
  let commands = 0;
  let roundTrips = 0;
  let cpuUs = 0;
  for (const [kind, k] of map) {
    if (!filter(kind)) continue;
    n += k.latencies.length;
    commands += k.commands;
    roundTrips += k.roundTrips;
    cpuUs += k.cpuUs;
  }
  return {
    n,
    commandsPerUpdate: n ? round(commands / n) : 0,
    roundTripsPerUpdate: n ? round(roundTrips / n) : 0,
    cpuUsPerUpdate: n ? Math.round(cpuUs / n) : 0,
  };
}

type Bots = { senim: BotUnderTest; bare?: BotUnderTest; peer?: BotUnderTest };
type Side = "senim" | "bare" | "peer";

async function runOnce(run: number): Promise<Report> {
  const runId = randomUUID().slice(0, 8);
  const root = `senim-bench:${runId}`;
  const admin = new Redis(opts.redisUrl, { maxRetriesPerRequest: 2 });
  const started = performance.now();
  const rng = new Rng(opts.seed);
  const live: BotUnderTest[] = [];
  const start = async (bot: Promise<BotUnderTest>) => {
    const b = await bot;
    live.push(b);
    return b;
  };
  if (opts.runs > 1) progress(`run ${run + 1}/${opts.runs}`);
  try {
    const route: { world?: World } = {};
    const senimPrefix = `${root}:senim`;
    const s = await start(startSenim({ redisUrl: opts.redisUrl, prefix: senimPrefix, desk: opts.desk, onCall: (call) => route.world?.observe(call) }));
    const bots: Bots = { senim: s };
    if (opts.bare) bots.bare = await start(startBare({ redisUrl: opts.redisUrl, prefix: `${root}:bare`, desk: false }));
    if (opts.peer) bots.peer = await start(startPeer({ redisUrl: opts.redisUrl, prefix: `${root}:peer`, desk: false }));
    const store = new RedisCaseStore(admin, keyspace(senimPrefix), { reopenWindowMs: 72 * 3_600_000, retentionSeconds: 30 * 86_400 });
    const pseudonym = s.pseudonym;
    // One world and one population for all of Senim's phases: the warm-up leaves users in
    // every stage of their scripts, so measured rounds see a steady mix, not a crowd of /starts.
    const w = new World(rng, 100_000_000, opts.desk, async (chatId) => {
      const c = await store.latestCaseOf(pseudonym(chatId));
      return c ? { id: c.id, threadId: c.threadId } : undefined;
    });
    route.world = w;
    const population = new Population(() => w.spawn(), { max: opts.userMax, windowMs: 10_500 }, opts.users, opts.maxUsers);
    const replay = (recorded: Step[][]) => new Population(replaySource(recorded), undefined, opts.users, Number.MAX_SAFE_INTEGER);
    let waits = 0;
    let lastRecorded: Step[][] = [];

    /** Senim on its population, then bare and peer on exactly the updates Senim got (each user's in order). */
    const pair = async (
      total: number,
      concurrency: number,
      totals?: Record<Side, Totals> & { redisCpu: Record<Side, number> },
      seq?: Record<Side, Map<Kind, KindStats>>,
    ) => {
      const runOn = async (side: Side, bot: BotUnderTest, pop: Population) => {
        const cpu0 = totals ? await redisCpuSeconds(admin) : 0;
        const go = () => drive({ port: bot.port, total, concurrency, population: pop, around: seq && sequentialAccounting(bot, seq[side]) });
        if (totals) await measured(bot, totals[side], go);
        else await go();
        if (totals) totals.redisCpu[side] += (await redisCpuSeconds(admin)) - cpu0;
      };
      const cpu0 = totals ? await redisCpuSeconds(admin) : 0;
      const runSenim = async () => {
        const r = await drive({ port: s.port, total, concurrency, population, around: seq && sequentialAccounting(s, seq.senim) });
        waits += r.waits;
        return r;
      };
      if (totals) await measured(s, totals.senim, runSenim);
      else await runSenim();
      if (totals) totals.redisCpu.senim += (await redisCpuSeconds(admin)) - cpu0;
      lastRecorded = w.takePhase();
      if (bots.bare) await runOn("bare", bots.bare, replay(lastRecorded));
      if (bots.peer) await runOn("peer", bots.peer, replay(lastRecorded));
    };

    gc();
    const memAtStart = process.memoryUsage();
    progress(`warm-up: ${opts.warmup} updates on each bot…`);
    if (opts.warmup > 0) await pair(opts.warmup, opts.concurrency);
    waits = 0;

    const totals = { senim: emptyTotals(), bare: emptyTotals(), peer: emptyTotals(), redisCpu: { senim: 0, bare: 0, peer: 0 } };
    const serverBefore = await serverCommandCalls(admin);
    const perRound = Math.floor(opts.updates / opts.rounds);
    for (let r = 0; r < opts.rounds; r++) {
      const total = r === opts.rounds - 1 ? opts.updates - perRound * (opts.rounds - 1) : perRound;
      progress(`round ${r + 1}/${opts.rounds}: ${total} updates on each bot, ${opts.concurrency} in flight…`);
      await pair(total, opts.concurrency, totals);
    }
    const serverCalls = sumCalls(await serverCommandCalls(admin), serverBefore);
    const measuredWaits = waits;
    const peakUsers = population.peak;

    progress(`driver: the last round's updates to a do-nothing webhook, ${opts.concurrency} in flight…`);
    const driver = await driverCost(replay(lastRecorded), lastRecorded.reduce((a, x) => a + x.length, 0), opts.concurrency);

    // An open loop at a rate the bots can sustain: latency as users would see it on a busy day.
    const rate = opts.rate > 0 ? opts.rate : Math.max(1, Math.round(perSecond(totals.senim) * 0.4));
    let paced: PhaseResult | undefined;
    let pacedBare: PhaseResult | undefined;
    let pacedLoopDelay = { p50: 0, p99: 0, max: 0 };
    if (opts.paced > 0) {
      progress(`paced: ${opts.paced} updates to Senim at ${rate}/s${bots.bare ? ", then the same to bare" : ""}…`);
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      paced = await drivePaced({ port: s.port, total: opts.paced, rate, population });
      loop.disable();
      pacedLoopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
      const recorded = w.takePhase();
      if (bots.bare) pacedBare = await drivePaced({ port: bots.bare.port, total: opts.paced, rate, population: replay(recorded) });
    }

    progress(`sequential pass: ${opts.sequential} updates on each bot, 1 in flight…`);
    const seq = { senim: new Map<Kind, KindStats>(), bare: new Map<Kind, KindStats>(), peer: new Map<Kind, KindStats>() };
    if (opts.sequential > 0) await pair(opts.sequential, 1, undefined, seq);

    let flowSteps: { senim: FlowStepResult; peer?: FlowStepResult } | undefined;
    if (opts.flowUsers > 0) {
      progress(`flow steps: ${opts.flowUsers} users through a ${LONG_FLOW_QUESTIONS}-question flow, 1 in flight…`);
      const long = longFlow();
      const senimLong = await start(
        startSenim({ redisUrl: opts.redisUrl, prefix: `${root}:long`, desk: false, flows: { ...FLOWS, bullying: long }, flood: { max: 1_000_000, windowMs: 10_000 } }),
      );
      const senimSteps = await measureFlowSteps(senimLong, opts.flowUsers, 300_000_000);
      let peerSteps: FlowStepResult | undefined;
      if (opts.peer) {
        const peerLong = await start(startPeer({ redisUrl: opts.redisUrl, prefix: `${root}:peerlong`, desk: false, flows: { ...FLOWS, bullying: long } }));
        peerSteps = await measureFlowSteps(peerLong, opts.flowUsers, 300_000_000);
      }
      flowSteps = { senim: senimSteps, peer: peerSteps };
    }

    if (stopRequested.value) throw new Interrupted();
    // Memory: after the run, with garbage collected; stored bytes per active Senim user.
    gc();
    const mem = process.memoryUsage();
    const stored = await storedBytes(admin, senimPrefix);
    const bareStored = await storedBytes(admin, `${root}:bare`);
    const peerStored = opts.peer ? await storedBytes(admin, `${root}:peer`) : undefined;

    const report = buildReport({
      totals,
      seq,
      mem,
      memAtStart,
      stored,
      bareStoredBytes: bareStored.bytes,
      peerStoredBytes: peerStored?.bytes,
      users: { distinct: w.active, peakAlive: peakUsers, waitsForUsers: measuredWaits },
      paced: paced && { rate, result: paced, bare: pacedBare, loopDelay: pacedLoopDelay },
      serverCalls,
      driverUsPerUpdate: driver.usPerUpdate,
      flowSteps,
      errorLogs: { senim: s.logs.errors, bare: bots.bare?.logs.errors ?? 0, peer: bots.peer?.logs.errors ?? 0 },
      errorSamples: [...s.logs.samples, ...(bots.peer?.logs.samples ?? [])],
    });
    report.totalSeconds = round((performance.now() - started) / 1000, 1);
    return report;
  } finally {
    for (const bot of live) await bot.close().catch(() => undefined);
    const dropped = await dropKeys(admin, `${root}:*`).catch(() => -1);
    (opts.json ? console.error : console.log)(`removed ${dropped} keys under ${root}:*`);
    await admin.quit();
  }
}

async function main(): Promise<void> {
  // Ctrl-C: stop sending, let what is in flight finish, close the bots, then remove the keys
  // (tsx passes the signal on, so it may come twice).
  const interrupted = () => {
    stopRequested.value = true;
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
  const started = performance.now();
  const reports: Report[] = [];
  for (let run = 0; run < opts.runs; run++) reports.push(await runOnce(run));
  const report = withMedians(reports);
  report.totalSeconds = round((performance.now() - started) / 1000, 1);
  if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printReport(report);
}

interface ReportInput {
  totals: Record<Side, Totals> & { redisCpu: Record<Side, number> };
  seq: Record<Side, Map<Kind, KindStats>>;
  mem: NodeJS.MemoryUsage;
  memAtStart: NodeJS.MemoryUsage;
  stored: StoredBytes;
  bareStoredBytes: number;
  peerStoredBytes?: number;
  users: { distinct: number; peakAlive: number; waitsForUsers: number };
  paced?: { rate: number; result: PhaseResult; bare?: PhaseResult; loopDelay: { p50: number; p99: number; max: number } };
  serverCalls: number;
  /** CPU of this process per update with a do-nothing webhook (lib/calibrate.ts), µs. */
  driverUsPerUpdate: number;
  flowSteps?: { senim: FlowStepResult; peer?: FlowStepResult };
  errorLogs: Record<Side, number>;
  errorSamples: string[];
}

/** The figures the issue sets targets for; with --runs N each is the median of the runs. */
const HEADLINE = [
  "throughputRatio",
  "peerThroughputRatio",
  "cpuRatio",
  "flowStepP50Ratio",
  "ordinaryRoundTripsPerUpdate",
  "operatorRoundTripsPerUpdate",
  "flowStepRatio",
  "pacedP99Ratio",
  "peerFlowStepRatio",
] as const;
type Headline = Record<(typeof HEADLINE)[number], number | null>;

/** The issue's targets, each with the figure it is about. */
const GOALS: ReadonlyArray<{ figure: keyof Headline; what: string; op: "≥" | "≤"; target: number }> = [
  { figure: "throughputRatio", what: "throughput, Senim / bare", op: "≥", target: 0.6 },
  { figure: "peerThroughputRatio", what: "throughput, Senim / peer", op: "≥", target: 1.5 },
  { figure: "cpuRatio", what: "bot CPU per update, Senim / bare", op: "≤", target: 1.8 },
  { figure: "flowStepP50Ratio", what: "sequential flow-step p50, Senim / bare", op: "≤", target: 2 },
  { figure: "operatorRoundTripsPerUpdate", what: "Redis round trips per operator update", op: "≤", target: 4 },
  { figure: "ordinaryRoundTripsPerUpdate", what: "Redis round trips per ordinary update", op: "≤", target: 4 },
  { figure: "flowStepRatio", what: "step 40 / step 2 of a 40-question flow", op: "≤", target: 1.2 },
  { figure: "pacedP99Ratio", what: "paced p99, Senim / bare", op: "≤", target: 1.5 },
];

function goals(h: Headline) {
  return GOALS.map((g) => {
    const value = h[g.figure];
    const met = value === null ? null : g.op === "≥" ? value >= g.target : value <= g.target;
    return { figure: g.figure, what: g.what, value, target: `${g.op} ${g.target}`, met };
  });
}

const ratio = (a: number, b: number, digits = 3): number | null => (b > 0 && Number.isFinite(a) ? round(a / b, digits) : null);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The last run's report with its headline figures replaced by the medians of all runs. */
function withMedians(reports: readonly Report[]): Report {
  const last = reports[reports.length - 1]!;
  const perRun = reports.map((r) => Object.fromEntries(HEADLINE.map((k) => [k, r[k]])) as Headline);
  const medians = Object.fromEntries(
    HEADLINE.map((k) => {
      const values = perRun.map((h) => h[k]).filter((v): v is number => v !== null);
      return [k, values.length > 0 ? round(median(values), 3) : null];
    }),
  ) as Headline;
  return { ...last, ...(medians as unknown as Partial<Report>), runs: reports.length, perRun, goals: goals(medians) };
}

function buildReport(input: ReportInput) {
  const { totals, seq, mem, stored } = input;
  const sT = totals.senim;
  const bT = totals.bare;
  const pT = totals.peer;
  const senimRate = perSecond(sT);
  const bareRate = perSecond(bT);
  const peerRate = perSecond(pT);
  /**
   * The scripted users' share of Senim's CPU per update: the time they took to make the next
   * update (wall time around an await) over the same time for bare, whose replayed users make
   * nothing (what is left there is waiting behind other work of the process, not users' work).
   */
  const scriptedUs = sT.sent > 0 && bT.sent > 0 ? Math.max(0, sT.makingUs / sT.sent - bT.makingUs / bT.sent) : 0;
  /** CPU of this process per update less the driver's (HTTP client, calibrated) and the scripted users' share: the bot's, µs. */
  const botCpu = (t: Totals, scripted = 0) => (t.sent > 0 ? Math.max(0, t.cpuUs / t.sent - input.driverUsPerUpdate - scripted) : 0);
  const operator = aggregate(seq.senim, (k) => OPERATOR_KINDS.has(k));
  const p50 = (map: Map<Kind, KindStats>, kind: Kind) => summarize(map.get(kind)?.latencies ?? []).p50;
  const pacedSenimP99 = input.paced ? summarize(input.paced.result.samples.map((x) => x.ms)).p99 : 0;
  const pacedBareP99 = input.paced?.bare ? summarize(input.paced.bare.samples.map((x) => x.ms)).p99 : 0;
  const other = (t: Totals, redisCpu: number, errors: number) => ({
    updatesPerSecond: round(perSecond(t), 1),
    sent: t.sent,
    failedRequests: t.failed,
    errorLogs: errors,
    httpLatencyMs: roundSummary(summarize(t.latencies)),
    handleLatencyMs: roundSummary(summarize(t.handle)),
    redisCommandsPerUpdate: perUpdate(t.meter.commands, t),
    redisRoundTripsPerUpdate: perUpdate(t.meter.roundTrips, t),
    redisServerCpuUsPerUpdate: round((redisCpu * 1e6) / Math.max(1, t.sent), 1),
    processCpuUsPerUpdate: round(t.cpuUs / Math.max(1, t.sent), 1),
    botCpuUsPerUpdate: round(botCpu(t), 1),
    workloadUsPerUpdate: round(t.makingUs / Math.max(1, t.sent), 1),
    botApiCallsPerUpdate: round(t.apiCalls / Math.max(1, t.sent)),
  });
  const senimHttp = summarize(sT.latencies);
  const ordinary = aggregate(seq.senim, (k) => !DESK_KINDS.has(k));
  const perUpdate = (n: number, t: Totals) => round(n / Math.max(1, t.sent));
  const perUser = stored.bytes / Math.max(1, input.users.distinct);
  return {
    config: {
      updates: opts.updates,
      rounds: opts.rounds,
      warmup: opts.warmup,
      sequential: opts.sequential,
      concurrency: opts.concurrency,
      initialUsers: opts.users,
      userMax: opts.userMax,
      maxUsers: opts.maxUsers,
      desk: opts.desk,
      seed: opts.seed,
      node: process.version,
    },
    senim: {
      updatesPerSecond: round(senimRate, 1),
      sent: sT.sent,
      failedRequests: sT.failed,
      errorLogs: input.errorLogs.senim,
      httpLatencyMs: roundSummary(senimHttp),
      httpLatencyOrdinaryMs: roundSummary(summarize(KINDS.filter((k) => !DESK_KINDS.has(k)).flatMap((k) => sT.byKind.get(k) ?? []))),
      handleLatencyMs: roundSummary(summarize(sT.handle)),
      redisCommandsPerUpdate: perUpdate(sT.meter.commands, sT),
      redisRoundTripsPerUpdate: perUpdate(sT.meter.roundTrips, sT),
      redisCommandsByName: Object.fromEntries(
        Object.entries(sT.meter.byName)
          .sort((x, y) => y[1] - x[1])
          .map(([name, n]) => [name, round(n / Math.max(1, sT.sent), 3)]),
      ),
      redisServerCpuUsPerUpdate: round((totals.redisCpu.senim * 1e6) / Math.max(1, sT.sent), 1),
      processCpuUsPerUpdate: round(sT.cpuUs / Math.max(1, sT.sent), 1),
      /** Of it, the bot's: less the driver's share (calibrated) and the scripted users'. */
      botCpuUsPerUpdate: round(botCpu(sT, scriptedUs), 1),
      /** Of it, time the scripted users took to make the next update (wall time, nearly all CPU). */
      workloadUsPerUpdate: round(sT.makingUs / Math.max(1, sT.sent), 1),
      botApiCallsPerUpdate: round(sT.apiCalls / Math.max(1, sT.sent)),
      /** Calls answered in the webhook's HTTP answer (button presses), not counted above. */
      webhookRepliesPerUpdate: round(sT.webhookReplies / Math.max(1, sT.sent)),
      httpLatencyByKindMs: Object.fromEntries(
        KINDS.filter((k) => sT.byKind.has(k)).map((k) => [k, roundSummary(summarize(sT.byKind.get(k)!))]),
      ),
    },
    bare: other(bT, totals.redisCpu.bare, input.errorLogs.bare),
    peer: opts.peer ? other(pT, totals.redisCpu.peer, input.errorLogs.peer) : undefined,
    /** CPU of this process per update with a do-nothing webhook in a child process (the HTTP client's share), µs. */
    driverCpuUsPerUpdate: round(input.driverUsPerUpdate, 1),
    /** Senim's scripted users' share of its CPU per update (its users' making time over the replayed users'), µs. */
    scriptedUsersCpuUsPerUpdate: round(scriptedUs, 1),
    throughputRatio: round(bareRate > 0 ? senimRate / bareRate : 0, 3),
    peerThroughputRatio: opts.peer ? ratio(senimRate, peerRate) : null,
    /** The bot's CPU per update, Senim / bare (this process less the driver's and the scripted users' share). */
    cpuRatio: ratio(botCpu(sT, scriptedUs), botCpu(bT)),
    /** What cpuRatio was before: bare's CPU per update of the whole process over Senim's. */
    processCpuRatioBareOverSenim: round(sT.cpuUs > 0 ? bT.cpuUs / Math.max(1, bT.sent) / (sT.cpuUs / Math.max(1, sT.sent)) : 0, 3),
    /** Sequential p50 of flow steps, Senim / bare (the same updates). */
    flowStepP50Ratio: ratio(p50(seq.senim, "flow"), p50(seq.bare, "flow")),
    ordinaryRoundTripsPerUpdate: ordinary.n > 0 ? ordinary.roundTripsPerUpdate : null,
    /** Updates from the operators (staff group: relays and resolve presses). */
    operatorRoundTripsPerUpdate: operator.n > 0 ? operator.roundTripsPerUpdate : null,
    /** Step 40 over step 2 of a 40-question flow, sequential p50 (Senim). */
    flowStepRatio: input.flowSteps ? round(input.flowSteps.senim.ratio, 3) : null,
    /** The same for the peer (conversations replay their log). */
    peerFlowStepRatio: input.flowSteps?.peer ? round(input.flowSteps.peer.ratio, 3) : null,
    /** Paced phase at the same rate: Senim's p99 over bare's. */
    pacedP99Ratio: input.paced?.bare ? ratio(pacedSenimP99, pacedBareP99) : null,
    flowSteps: input.flowSteps && {
      questions: LONG_FLOW_QUESTIONS,
      users: input.flowSteps.senim.users,
      senim: stepsReport(input.flowSteps.senim),
      peer: input.flowSteps.peer && stepsReport(input.flowSteps.peer),
    },
    /** INFO commandstats, server-wide, over the measured rounds of both bots (other clients count too). */
    serverCommandsPerUpdate: round(input.serverCalls / Math.max(1, sT.sent + bT.sent)),
    users: { ...input.users, maxPer10s: opts.userMax },
    /** Senim under an open loop at a sustainable rate (half its throughput unless --rate). */
    paced: input.paced
      ? {
          rate: input.paced.rate,
          sent: input.paced.result.sent,
          achievedPerSecond: round((input.paced.result.sent * 1000) / input.paced.result.elapsedMs, 1),
          httpLatencyMs: roundSummary(summarize(input.paced.result.samples.map((x) => x.ms))),
          /** Without the operators' updates (the staff group is one chat: its updates queue behind each other). */
          httpLatencyOrdinaryMs: roundSummary(summarize(input.paced.result.samples.filter((x) => !DESK_KINDS.has(x.kind)).map((x) => x.ms))),
          /** How late the event loop ran (GC pauses, long synchronous work), ms. */
          eventLoopDelayMs: { p50: round(input.paced.loopDelay.p50), p99: round(input.paced.loopDelay.p99), max: round(input.paced.loopDelay.max) },
          /** The bare bot at the same rate on the same updates. */
          bare: input.paced.bare && {
            sent: input.paced.bare.sent,
            achievedPerSecond: round((input.paced.bare.sent * 1000) / input.paced.bare.elapsedMs, 1),
            httpLatencyMs: roundSummary(summarize(input.paced.bare.samples.map((x) => x.ms))),
          },
        }
      : undefined,
    sequential: {
      senim: {
        latencyMs: roundSummary(summarize([...seq.senim.values()].flatMap((k) => k.latencies))),
        ordinary,
        desk: aggregate(seq.senim, (k) => DESK_KINDS.has(k)),
        operator,
        all: aggregate(seq.senim, () => true),
        byKind: kindTable(seq.senim),
      },
      bare: {
        latencyMs: roundSummary(summarize([...seq.bare.values()].flatMap((k) => k.latencies))),
        all: aggregate(seq.bare, () => true),
        byKind: kindTable(seq.bare),
      },
      peer: opts.peer
        ? {
            latencyMs: roundSummary(summarize([...seq.peer.values()].flatMap((k) => k.latencies))),
            all: aggregate(seq.peer, () => true),
            byKind: kindTable(seq.peer),
          }
        : undefined,
      /** Per kind: Senim's sequential p50 over bare's (and the peer's over bare's). */
      p50VsBare: Object.fromEntries(
        KINDS.filter((k) => seq.senim.has(k) && seq.bare.has(k)).map((k) => [
          k,
          { senim: ratio(p50(seq.senim, k), p50(seq.bare, k), 2), peer: seq.peer.has(k) ? ratio(p50(seq.peer, k), p50(seq.bare, k), 2) : null },
        ]),
      ),
    },
    memory: {
      rssMB: round(mem.rss / 2 ** 20, 1),
      heapUsedMB: round(mem.heapUsed / 2 ** 20, 1),
      heapTotalMB: round(mem.heapTotal / 2 ** 20, 1),
      rssAtStartMB: round(input.memAtStart.rss / 2 ** 20, 1),
      heapUsedAtStartMB: round(input.memAtStart.heapUsed / 2 ** 20, 1),
      activeUsers: input.users.distinct,
      storedBytes: stored.bytes,
      storedKeys: stored.keys,
      storedBytesPerActiveUser: Math.round(perUser),
      storedByClass: stored.byClass,
      flowValueBytes: roundSummary(stored.flowValueBytes),
      bareStoredBytesPerUser: Math.round(input.bareStoredBytes / Math.max(1, input.users.distinct)),
      peerStoredBytesPerUser: input.peerStoredBytes === undefined ? undefined : Math.round(input.peerStoredBytes / Math.max(1, input.users.distinct)),
    },
    targets: {
      throughputRatioAtLeast60pct: bareRate > 0 && senimRate / bareRate >= 0.6,
      p99Below20msAtConcurrency: senimHttp.p99 < 20,
      p99Below20msPaced: input.paced ? summarize(input.paced.result.samples.map((x) => x.ms)).p99 < 20 : undefined,
      ordinaryRoundTripsAtMost4: ordinary.roundTripsPerUpdate <= 4,
      storedPerUserBelow8KB: perUser < 8 * 1024,
    },
    errorSamples: input.errorSamples,
    runs: 1,
    perRun: [] as Headline[],
    goals: [] as ReturnType<typeof goals>,
    totalSeconds: 0,
  };
}

function stepsReport(r: FlowStepResult) {
  return { step2Ms: round(r.step2.ms, 3), step40Ms: round(r.step40.ms, 3), step2CpuUs: Math.round(r.step2.cpuUs), step40CpuUs: Math.round(r.step40.cpuUs), ratio: round(r.ratio, 3), cpuRatio: round(r.cpuRatio, 3), failed: r.failed };
}

type Report = ReturnType<typeof buildReport>;

function printReport(x: Report): void {
  const c = x.config;
  const lat = (l: LatencySummary) => `${l.p50.toFixed(2).padStart(6)} ${l.p95.toFixed(2).padStart(6)} ${l.p99.toFixed(2).padStart(6)}`;
  const line = (name: string, b: Report["bare"]) =>
    `${name.padEnd(6)} ${b.updatesPerSecond.toFixed(0).padStart(6)}   ${lat(b.httpLatencyMs)}     ${lat(b.handleLatencyMs)}   ${b.redisCommandsPerUpdate.toFixed(2).padStart(5)} ${b.redisRoundTripsPerUpdate.toFixed(2).padStart(6)} ${b.redisServerCpuUsPerUpdate.toFixed(0).padStart(6)}   ${b.processCpuUsPerUpdate.toFixed(0).padStart(11)} ${b.botCpuUsPerUpdate.toFixed(0).padStart(6)}   ${b.failedRequests}/${b.errorLogs}`;
  const fig = (v: number | null, digits = 2) => (v === null ? "—" : v.toFixed(digits));
  const ok = (v: boolean) => (v ? "ok" : "MISS");
  const m = x.memory;
  const u = x.users;
  console.log("");
  console.log(
    `Senim webhook benchmark: ${c.updates} updates per bot in ${c.rounds} rounds, ${c.concurrency} in flight, desk ${c.desk ? "on" : "off"}, warm-up ${c.warmup}; ` +
      `${u.distinct} distinct users (${u.peakAlive} at once at most, at most ${u.maxPer10s} updates per user per 10.5 s)`,
  );
  console.log("");
  console.log("        upd/s   HTTP ms  p50    p95    p99     handle p50    p95    p99   Redis cmd/upd rt/upd cpu µs   node cpu µs    bot   failed/errors");
  console.log(line("senim", x.senim));
  console.log(line("bare", x.bare));
  if (x.peer) console.log(line("peer", x.peer));
  console.log(
    `\nSenim / bare throughput: ${(x.throughputRatio * 100).toFixed(1)}%, Senim / peer: ${fig(x.peerThroughputRatio)}×   ` +
      `bot CPU per update, Senim / bare: ${fig(x.cpuRatio)}× (node cpu less the driver's ${x.driverCpuUsPerUpdate} µs per update, measured against a do-nothing webhook, and the scripted users' share)`,
  );
  console.log(
    `Of the CPU per update, the benchmark's scripted users making the next update: Senim ${x.senim.workloadUsPerUpdate} µs (they read its replies), bare ${x.bare.workloadUsPerUpdate} µs (recorded updates)`,
  );
  console.log(
    `Senim Redis commands per update: ${Object.entries(x.senim.redisCommandsByName)
      .slice(0, 10)
      .map(([n, v]) => `${n} ${v}`)
      .join(", ")}  (INFO commandstats, server-wide: ${x.serverCommandsPerUpdate} per update of either bot)`,
  );
  console.log(
    `Senim HTTP latency by kind under load, p50/p99 ms: ${Object.entries(x.senim.httpLatencyByKindMs)
      .map(([k, l]) => `${k} ${l.p50.toFixed(1)}/${l.p99.toFixed(1)}`)
      .join(", ")}`,
  );
  console.log(
    `Bot API requests per update: Senim ${x.senim.botApiCallsPerUpdate} (+${x.senim.webhookRepliesPerUpdate} answered in the webhook's HTTP answer), bare ${x.bare.botApiCallsPerUpdate}`,
  );
  console.log(`Senim HTTP p99 under load without operator/desk updates: ${x.senim.httpLatencyOrdinaryMs.p99} ms`);
  if (u.waitsForUsers > 0) console.log(`(workers waited ${u.waitsForUsers} times for a user: raise --max-users)`);
  if (x.paced) {
    const l = x.paced.httpLatencyMs;
    console.log(
      `Paced (open loop, ${x.paced.sent} updates due at ${x.paced.rate}/s, achieved ${x.paced.achievedPerSecond}/s): Senim HTTP p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
        `without operator/desk updates p99 ${x.paced.httpLatencyOrdinaryMs.p99} ms; event-loop delay p99 ${x.paced.eventLoopDelayMs.p99} ms, max ${x.paced.eventLoopDelayMs.max} ms`,
    );
    const pb = x.paced.bare?.httpLatencyMs;
    if (pb) console.log(`  bare at the same rate on the same updates: p50 ${pb.p50} ms, p99 ${pb.p99} ms, max ${pb.max} ms; Senim p99 / bare p99: ${fig(x.pacedP99Ratio)}×`);
  }
  console.log("");
  const sq = x.sequential;
  console.log(
    `Sequential pass (${c.sequential} updates per bot, 1 in flight): Senim p50 ${sq.senim.latencyMs.p50} ms, p99 ${sq.senim.latencyMs.p99} ms; bare p50 ${sq.bare.latencyMs.p50} ms, p99 ${sq.bare.latencyMs.p99} ms`,
  );
  console.log("  kind             n  share  p50 ms  p99 ms  cpu µs  cmd/upd  rt/upd  p50 vs bare (peer)  commands per update");
  for (const k of sq.senim.byKind) {
    console.log(
      `  ${k.kind.padEnd(13)} ${String(k.n).padStart(4)}  ${(k.share * 100).toFixed(0).padStart(4)}%  ${k.latencyMs.p50.toFixed(2).padStart(6)}  ${k.latencyMs.p99.toFixed(2).padStart(6)}  ${String(k.cpuUsPerUpdate).padStart(6)}  ${k.commandsPerUpdate.toFixed(2).padStart(7)}  ${k.roundTripsPerUpdate.toFixed(2).padStart(6)}  ${`${fig(sq.p50VsBare[k.kind]?.senim ?? null, 1)}× (${fig(sq.p50VsBare[k.kind]?.peer ?? null, 1)}×)`.padEnd(18)}  ${k.topCommands.join(" ")}`,
    );
  }
  console.log(
    `  ordinary updates: ${sq.senim.ordinary.commandsPerUpdate} commands, ${sq.senim.ordinary.roundTripsPerUpdate} round trips; desk updates: ${sq.senim.desk.commandsPerUpdate} commands, ${sq.senim.desk.roundTripsPerUpdate} round trips (of them operators': ${sq.senim.operator.commandsPerUpdate} / ${sq.senim.operator.roundTripsPerUpdate}); bare: ${sq.bare.all.commandsPerUpdate} / ${sq.bare.all.roundTripsPerUpdate}${sq.peer ? `; peer: ${sq.peer.all.commandsPerUpdate} / ${sq.peer.all.roundTripsPerUpdate}` : ""}`,
  );
  console.log(
    `  CPU of this process per update, one in flight: Senim ${sq.senim.all.cpuUsPerUpdate} µs (ordinary ${sq.senim.ordinary.cpuUsPerUpdate}, desk ${sq.senim.desk.cpuUsPerUpdate}), bare ${sq.bare.all.cpuUsPerUpdate} µs`,
  );
  console.log("");
  console.log(
    `Memory after the run (GC'd; both bots live in this process): RSS ${m.rssMB} MB (${m.rssAtStartMB} MB before the load), heap used ${m.heapUsedMB} MB (${m.heapUsedAtStartMB} MB before), heap total ${m.heapTotalMB} MB`,
  );
  console.log(`Redis: ${m.storedBytes} bytes in ${m.storedKeys} keys for ${m.activeUsers} active users = ${m.storedBytesPerActiveUser} bytes per user (bare bot: ${m.bareStoredBytesPerUser})`);
  console.log(
    `  by key: ${Object.entries(m.storedByClass)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([k, v]) => `${k} ${v.keys} keys ${(v.bytes / 1024).toFixed(0)} KB`)
      .join(", ")}`,
  );
  console.log(`  flow values (JSON bytes): mean ${m.flowValueBytes.mean.toFixed(0)}, p50 ${m.flowValueBytes.p50}, p99 ${m.flowValueBytes.p99}, max ${m.flowValueBytes.max}`);
  if (x.flowSteps) {
    const f = x.flowSteps;
    const one = (name: string, r: typeof f.senim) =>
      `${name}: step 2 ${r.step2Ms} ms (${r.step2CpuUs} µs CPU), step ${f.questions} ${r.step40Ms} ms (${r.step40CpuUs} µs CPU), ${r.ratio}×${r.failed > 0 ? `, ${r.failed} failed` : ""}`;
    console.log(`${f.questions}-question flow, ${f.users} users, p50 per step: ${one("Senim", f.senim)}${f.peer ? `; ${one("peer", f.peer)}` : ""}`);
  }
  if (x.errorSamples.length > 0) console.log(`\nErrors logged (Senim, then peer), e.g.:\n  ${x.errorSamples.join("\n  ")}`);
  console.log("");
  const t = x.targets;
  console.log(
    `Targets: ${ok(t.throughputRatioAtLeast60pct)} ≥ 60% of bare throughput   ` +
      `p99 < 20 ms: ${ok(t.p99Below20msAtConcurrency)} at ${c.concurrency} in flight, ${t.p99Below20msPaced === undefined ? "—" : ok(t.p99Below20msPaced)} paced   ` +
      `${ok(t.ordinaryRoundTripsAtMost4)} ≤ 4 round trips per ordinary update   ${ok(t.storedPerUserBelow8KB)} < 8 KB stored per user`,
  );
  console.log("");
  console.log(`Figures against the issue's targets${x.runs > 1 ? ` (medians of ${x.runs} runs)` : " (one run; --runs 3 for medians)"}:`);
  for (const g of x.goals) {
    const verdict = g.met === null ? "n/a" : g.met ? "met" : "MISSED";
    console.log(`  ${g.figure.padEnd(28)} ${fig(g.value).padStart(6)}  target ${g.target.padEnd(6)} ${verdict.padEnd(7)} ${g.what}`);
  }
  if (x.peerFlowStepRatio !== null) console.log(`  ${"peerFlowStepRatio".padEnd(28)} ${fig(x.peerFlowStepRatio).padStart(6)}  (no target: the peer's step 40 / step 2)`);
  if (x.runs > 1) {
    console.log(`  per run: ${x.perRun.map((h) => HEADLINE.filter((k) => h[k] !== null).map((k) => `${k} ${fig(h[k])}`).join(", ")).join("\n           ")}`);
  }
  console.log(`(${x.totalSeconds} s)`);
}

main().catch((err: unknown) => {
  if (err instanceof Interrupted) {
    process.exitCode = 130;
    return;
  }
  console.error("bench failed:", err);
  process.exitCode = 1;
});
