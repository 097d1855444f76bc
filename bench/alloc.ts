/**
 * Where the bot's updates allocate memory (GC pressure shows up as latency spikes): runs the
 * micro-benchmark under V8's sampling heap profiler, counting objects already collected too,
 * and prints the top allocation sites by bytes.
 *
 *   npx tsx bench/alloc.ts [menu|tap|text|flow] [updates]
 */
import { Session } from "node:inspector/promises";

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children?: ProfileNode[];
}

const kind = process.argv[2] ?? "flow";
const updates = process.argv[3] ?? "4000";
const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");
// includeObjectsCollectedBy*: the bytes of short-lived objects are what the GC works for.
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 8192,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
} as never);
process.argv = [process.argv[0]!, "micro", kind, updates, "16"];
await import("./micro.js");
const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: ProfileNode } };

const bySite = new Map<string, number>();
let total = 0;
const walk = (node: ProfileNode) => {
  total += node.selfSize;
  const f = node.callFrame;
  const site = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  for (const child of node.children ?? []) walk(child);
};
walk(profile.head);
console.log(`allocated ${(total / 1e6).toFixed(0)} MB in all (onboarding included); top sites:`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${site}`);
}
