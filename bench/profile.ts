/**
 * Where Senim's CPU goes, per kind of update: the bench's scripted users (lib/workload.ts)
 * drive Senim in-process (createApp as the bench builds it, real Redis, the fake Bot API, a
 * webhook reply envelope), one update in flight, under V8's CPU profiler; each sample is
 * given to the kind of update in flight at its time. Prints, per kind, the CPU per update and
 * the top functions by self time and by inclusive time; with --heap, the bytes allocated per
 * update and the top allocation sites (sampled, collected objects included).
 *
 *   npx tsx bench/profile.ts [--updates N] [--warmup N] [--top N] [--heap] [--no-desk] [--concurrency N]
 *
 * With --concurrency above 1 the per-kind split is off (samples cannot be attributed) and the
 * profile is of the whole mix.
 */
import { randomUUID } from "node:crypto";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { RedisCaseStore } from "../src/storage/cases.js";
import { keyspace } from "../src/storage/keys.js";
import { Writable } from "node:stream";
import { createApp } from "../src/app.js";
import { DEFAULT_WAIT_LIMITS, secretFromToken } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createMetrics } from "../src/server/metrics.js";
import { createRedis } from "../src/storage/redis.js";
import { BOT_INFO, FAKE_TOKEN, FakeTelegram } from "../src/testing/fake-telegram.js";
import { STAFF_CHAT } from "./lib/bots.js";
import { Population } from "./lib/drive.js";
import { Rng } from "./lib/stats.js";
import { World, type Kind } from "./lib/workload.js";

const { values: args } = parseArgs({
  options: {
    updates: { type: "string", default: "6000" },
    warmup: { type: "string", default: "2000" },
    top: { type: "string", default: "12" },
    heap: { type: "boolean", default: false },
    /** CPU per update by kind only, without the profiler (whose sampling costs CPU too). */
    measure: { type: "boolean", default: false },
    interval: { type: "string", default: "250" },
    "no-desk": { type: "boolean", default: false },
    concurrency: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
  },
});
const updates = Number(args.updates);
const warmup = Number(args.warmup);
const top = Number(args.top);
const concurrency = Number(args.concurrency);
const desk = !args["no-desk"];
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `senim-profile:${randomUUID().slice(0, 8)}`;

const redis = createRedis(redisUrl);
const telegram = new FakeTelegram();
const route: { world?: World } = {};
telegram.onCall = (call) => {
  route.world?.observe(call);
  telegram.clear(); // keep no history: it would grow the heap we measure
};
// Senim as the bench builds it (lib/bots.ts startSenim), without the HTTP server in front.
const app = createApp({
  token: FAKE_TOKEN,
  botInfo: BOT_INFO,
  client: { fetch: telegram.fetch },
  metrics: createMetrics({ processMetrics: true }).metrics,
  logger: createLogger("info", new Writable({ write: (_c, _e, done) => done() })),
  redis,
  prefix,
  pseudonymSecret: secretFromToken(FAKE_TOKEN),
  desk: desk
    ? { staffChatId: STAFF_CHAT, supervisors: [], hours: "24/7", waitLimits: DEFAULT_WAIT_LIMITS, reopenWindowHours: 72, retentionDays: 30, staffLang: "en" }
    : undefined,
});
// As the webhook server hands an update over: parsed, with a reply envelope.
const senimHandle = (u: Update) => app.handleUpdate(u, { send: () => undefined });
const admin = new Redis(redisUrl);
const store = new RedisCaseStore(admin, keyspace(prefix), { reopenWindowMs: 72 * 3_600_000, retentionSeconds: 30 * 86_400 });
const world = new World(new Rng(Number(args.seed)), 300_000_000, desk, async (chatId) => {
  const c = await store.latestCaseOf(app.deps.pseudonym(chatId));
  return c ? { id: c.id, threadId: c.threadId } : undefined;
});
route.world = world;

interface Window {
  kind: Kind;
  start: bigint;
  end: bigint;
}
const windows: Window[] = [];
const cpuByKind = new Map<Kind, { n: number; us: number }>();

/** Users as the bench keeps them (lib/drive.ts): under the flood limit, new ones arriving as needed. */
const population = new Population(() => world.spawn(), { max: 18, windowMs: 10_500 }, 200, 20_000);

async function run(n: number, record: boolean): Promise<void> {
  let claimed = 0;
  const worker = async () => {
    while (claimed < n) {
      claimed++;
      const entry = (await population.take())!;
      const step = await entry.actor.next();
      if (!step) {
        claimed--;
        population.retire();
        continue;
      }
      population.sending(entry);
      const update = JSON.parse(step.body) as Update;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await senimHandle(update);
      const t1 = process.hrtime.bigint();
      const c = process.cpuUsage(c0);
      if (record) {
        windows.push({ kind: step.kind, start: t0, end: t1 });
        const k = cpuByKind.get(step.kind) ?? { n: 0, us: 0 };
        k.n++;
        k.us += c.user + c.system;
        cpuByKind.set(step.kind, k);
      }
      population.give(entry);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
}

console.error(`warm-up: ${warmup} updates…`);
await run(warmup, false);

if (args.measure) {
  const cpu0 = process.cpuUsage();
  await run(updates, true);
  const cpu = process.cpuUsage(cpu0);
  const all = [...cpuByKind.values()].reduce((a, x) => ({ n: a.n + x.n, us: a.us + x.us }), { n: 0, us: 0 });
  // The process's CPU over the run (the scripted users' included) per update; by kind only with one in flight.
  console.log(`all: ${all.n} updates, ${((cpu.user + cpu.system) / all.n).toFixed(0)} µs process CPU/update`);
  for (const [k, v] of [...cpuByKind].sort((a, b) => b[1].us - a[1].us)) console.log(`  ${k.padEnd(14)} ${String(v.n).padStart(5)}  ${(v.us / v.n).toFixed(0).padStart(6)} µs  (${((100 * v.us) / all.us).toFixed(1)}% of CPU)`);
  await redis.quit();
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length) await admin.del(...keys);
  await admin.quit();
  process.exit(0);
}

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: Number(args.interval) });
if (args.heap) {
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
}
console.error(`profiling: ${updates} updates, ${concurrency} in flight…`);
await session.post("Profiler.start");
await run(updates, true);
const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
let heapTotal = 0;
let heapSites: [string, number][] = [];
if (args.heap) {
  const { profile: heap } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: HeapNode } };
  const bySite = new Map<string, number>();
  const walk = (node: HeapNode) => {
    heapTotal += node.selfSize;
    const site = frameName(node.callFrame);
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children ?? []) walk(child);
  };
  walk(heap.head);
  heapSites = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top * 2);
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children?: HeapNode[];
}

function frameName(f: CallFrame): string {
  const file = f.url.replace(/^file:\/\//, "").split("/node_modules/").pop()!.split("/").slice(-2).join("/");
  return `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
}

// Each node's ancestors (for inclusive time), each sample's kind (by time).
const byId = new Map<number, CpuNode>();
const parent = new Map<number, number>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const c of node.children ?? []) parent.set(c, node.id);
}
const kindOfTime = (tUs: number): Kind | "idle" => {
  // windows are sorted by start with one in flight at a time: binary search.
  let lo = 0;
  let hi = windows.length - 1;
  const t = BigInt(Math.round(tUs * 1000));
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid]!;
    if (t < w.start) hi = mid - 1;
    else if (t > w.end) lo = mid + 1;
    else return w.kind;
  }
  return "idle";
};

interface Tally {
  samples: number;
  self: Map<string, number>;
  total: Map<string, number>;
}
const tallies = new Map<string, Tally>();
const tally = (k: string): Tally => {
  let t = tallies.get(k);
  if (!t) tallies.set(k, (t = { samples: 0, self: new Map(), total: new Map() }));
  return t;
};
let time = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  time += profile.timeDeltas[i]!;
  const id = profile.samples[i]!;
  const node = byId.get(id)!;
  const name = frameName(node.callFrame);
  if (name.startsWith("(idle)")) continue;
  const kinds = concurrency === 1 ? [kindOfTime(time), "all"] : ["all"];
  for (const k of kinds) {
    const t = tally(k);
    t.samples++;
    t.self.set(name, (t.self.get(name) ?? 0) + 1);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const nm = frameName(byId.get(n)!.callFrame);
      if (seen.has(nm)) continue;
      seen.add(nm);
      t.total.set(nm, (t.total.get(nm) ?? 0) + 1);
    }
  }
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1).padStart(5)}%`;
const order = ["all", ...[...cpuByKind.keys()], "idle"];
for (const k of order) {
  const t = tallies.get(k);
  if (!t) continue;
  const cpu = cpuByKind.get(k as Kind);
  const total = k === "all" ? [...cpuByKind.values()].reduce((a, x) => ({ n: a.n + x.n, us: a.us + x.us }), { n: 0, us: 0 }) : cpu;
  console.log(`\n== ${k}: ${t.samples} samples${total ? `, ${total.n} updates, ${(total.us / total.n).toFixed(0)} µs CPU/update` : ""}`);
  console.log("  self:");
  for (const [name, n] of [...t.self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`   ${pct(n, t.samples)}  ${name}`);
  console.log("  inclusive:");
  for (const [name, n] of [...t.total].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`   ${pct(n, t.samples)}  ${name}`);
}
if (args.heap) {
  const n = [...cpuByKind.values()].reduce((a, x) => a + x.n, 0);
  console.log(`\n== allocation: ${(heapTotal / n / 1024).toFixed(1)} KB per update; top sites:`);
  for (const [site, bytes] of heapSites) console.log(`   ${pct(bytes, heapTotal)}  ${site}`);
}

await redis.quit();
const keys = await admin.keys(`${prefix}:*`);
if (keys.length) await admin.del(...keys);
await admin.quit();
process.exit(0);
