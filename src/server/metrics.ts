/**
 * Prometheus metrics: the metrics port (src/metrics.ts) implemented with prom-client. Every
 * label comes from a small fixed set (a kind of update, a topic, a risk level): nothing names
 * a user, a chat or what was written, and the number of series stays the same however many
 * people write. Counters live in this process (Prometheus adds
 * up the instances); the case queue and the outbox are read from Redis when scraped.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Metrics } from "../metrics.js";
import { RISKS, type Risk } from "../domain.js";

export interface MetricsSources {
  /** Cases waiting in the queue (open or claimed), read at scrape time. */
  queueLength?: () => Promise<number>;
  /** Relays stored and not yet delivered, read at scrape time. */
  outboxPending?: () => Promise<number>;
  /** Redis used_memory / maxmemory (0 without a limit). */
  redisMemoryRatio?: () => Promise<number>;
  /** Seconds the longest-waiting unclaimed case of each risk has waited (0 for a risk with none), read at scrape time. */
  oldestWaiting?: () => Promise<Partial<Record<Risk, number>>>;
  /** Process metrics (CPU, memory, event-loop delay); off in tests. */
  processMetrics?: boolean;
}

export interface MetricsRegistry {
  metrics: Metrics;
  /** The text exposition for GET /metrics. */
  render(): Promise<string>;
  contentType: string;
}

/** Gauges read from Redis give up after this long, so a scrape never hangs on a Redis outage. */
const SCRAPE_READ_MS = 1_000;

export function createMetrics(sources: MetricsSources = {}): MetricsRegistry {
  const registry = new Registry();
  if (sources.processMetrics) collectDefaultMetrics({ register: registry, prefix: "senim_" });
  const updates = new Counter({
    name: "senim_updates_total",
    help: "Updates handled, by kind and outcome (error = the user got the apology).",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "senim_update_duration_seconds",
    help: "Time to handle one update, by kind.",
    labelNames: ["kind"],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const dropped = new Counter({
    name: "senim_updates_dropped_total",
    help: "Updates dropped before handling: duplicate deliveries and users over the flood limit.",
    labelNames: ["reason"],
    registers: [registry],
  });
  const storage = new Counter({
    name: "senim_storage_unavailable_total",
    help: "Updates answered from memory because Redis could not be reached.",
    registers: [registry],
  });
  const crisis = new Counter({
    name: "senim_crisis_detections_total",
    help: "Messages the crisis check graded above none, by level.",
    labelNames: ["level"],
    registers: [registry],
  });
  const flows = new Counter({
    name: "senim_flows_total",
    help: "Topic flows started and finished (with advice and referrals), by topic.",
    labelNames: ["topic", "event"],
    registers: [registry],
  });
  const cases = new Counter({
    name: "senim_cases_opened_total",
    help: "Cases opened or reopened for the operators, by risk.",
    labelNames: ["risk", "how"],
    registers: [registry],
  });
  const waited = new Histogram({
    name: "senim_case_wait_seconds",
    help: "How long cases waited, from opening (or reopening) until claimed or until the first operator reply, by risk.",
    labelNames: ["stage", "risk"],
    buckets: [30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 43200, 86400],
    registers: [registry],
  });
  const undeliverable = new Counter({
    name: "senim_relays_undeliverable_total",
    help: "Relayed messages given up (Telegram refused them for good), by direction.",
    labelNames: ["dir"],
    registers: [registry],
  });
  if (sources.oldestWaiting) {
    const read = sources.oldestWaiting;
    new Gauge({
      name: "senim_case_oldest_wait_seconds",
      help: "Seconds the longest-waiting unclaimed case has waited, by risk (0: none waiting; NaN when Redis did not answer).",
      labelNames: ["risk"],
      registers: [registry],
      async collect() {
        const oldest = await withDeadline(read(), undefined);
        for (const risk of RISKS) this.set({ risk }, oldest ? (oldest[risk] ?? 0) : Number.NaN);
      },
    });
  }
  const readGauge = (name: string, help: string, read: (() => Promise<number>) | undefined) => {
    if (!read) return;
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(await withDeadline(read(), Number.NaN));
      },
    });
  };
  readGauge("senim_case_queue_length", "Cases in the operators' queue (NaN when Redis did not answer).", sources.queueLength);
  readGauge("senim_outbox_pending", "Relayed messages stored and not yet delivered (NaN when Redis did not answer).", sources.outboxPending);
  readGauge("senim_redis_memory_ratio", "Redis used_memory / maxmemory (0 without a limit; at 0.95 the process reports not ready).", sources.redisMemoryRatio);

  const metrics: Metrics = {
    update(kind, seconds, outcome) {
      updates.inc({ kind, outcome });
      duration.observe({ kind }, seconds);
    },
    dropped: (reason) => dropped.inc({ reason }),
    storageUnavailable: () => storage.inc(),
    crisis: (level) => crisis.inc({ level }),
    flow: (topic, event) => flows.inc({ topic, event }),
    caseOpened: (risk, how) => cases.inc({ risk, how }),
    caseWaited: (stage, risk, seconds) => waited.observe({ stage, risk }, seconds),
    undeliverable: (dir) => undeliverable.inc({ dir }),
  };
  return { metrics, render: () => registry.metrics(), contentType: registry.contentType };
}

/** A read from Redis at scrape time, or `fallback` when it fails or takes longer than SCRAPE_READ_MS. */
function withDeadline<T, F>(read: Promise<T>, fallback: F): Promise<T | F> {
  return Promise.race([
    read.catch(() => fallback),
    new Promise<F>((resolve) => setTimeout(() => resolve(fallback), SCRAPE_READ_MS).unref()),
  ]);
}
