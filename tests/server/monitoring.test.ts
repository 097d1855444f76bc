/**
 * What ships for monitoring (deploy/): the Grafana dashboard and the Prometheus alert rules
 * parse, and every metric they name is one the bot exports (a renamed metric would leave a
 * panel empty and an alert silent). The new series: waits by risk, the oldest waiting case,
 * undelivered relays.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/server/metrics.js";
import { metricValue } from "../kit/metrics.js";

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

const dashboard = JSON.parse(readFileSync("deploy/grafana/dashboards/senim.json", "utf8")) as {
  uid: string;
  panels: Array<{ title: string; datasource: { uid: string }; targets: Array<{ expr: string }> }>;
};
const rules = (JSON.parse(readFileSync("deploy/prometheus/alerts.json", "utf8")) as { groups: Array<{ name: string; rules: Rule[] }> }).groups.flatMap((g) => g.rules);

/** Every metric name the bot exposes (with process metrics and every gauge source), from its # TYPE lines. */
async function exported(): Promise<Set<string>> {
  const registry = createMetrics({
    processMetrics: true,
    queueLength: async () => 0,
    outboxPending: async () => 0,
    redisMemoryRatio: async () => 0,
    oldestWaiting: async () => ({}),
  });
  const text = await registry.render();
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\w+)$/gm)) {
    names.add(m[1]!);
    if (m[2] === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(m[1]! + s);
  }
  return names;
}

const named = (expr: string) => [...expr.matchAll(/\b(senim_[a-z_]+)/g)].map((m) => m[1]!);

describe("monitoring as shipped", () => {
  it("the alert rules parse and name only metrics the bot exports", async () => {
    const names = await exported();
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining(["SenimEmergencyWaiting", "SenimQueueGrowing", "SenimOutboxBacklog", "SenimErrors", "SenimRedisUnavailable", "SenimRedisNearMemoryLimit"]),
    );
    for (const rule of rules) {
      expect(rule.expr, rule.alert).toBeTruthy();
      expect(["critical", "warning"]).toContain(rule.labels.severity);
      expect(rule.annotations.summary && rule.annotations.description, rule.alert).toBeTruthy();
      if (rule.for) expect(rule.for).toMatch(/^\d+[smh]$/);
      // Balanced brackets: a cut expression would fail to load in Prometheus.
      for (const [open, close] of ["()", "[]", "{}"]) expect(rule.expr.split(open!).length, rule.alert).toBe(rule.expr.split(close!).length);
      for (const metric of named(rule.expr)) expect(names, `${rule.alert}: ${metric}`).toContain(metric);
    }
  });

  it("the Grafana dashboard parses, uses the provisioned data source and names only exported metrics", async () => {
    const names = await exported();
    const datasource = readFileSync("deploy/grafana/provisioning/datasources/prometheus.yml", "utf8");
    expect(dashboard.uid).toBe("senim");
    expect(dashboard.panels.length).toBeGreaterThan(8);
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(datasource).toContain(`uid: ${panel.datasource.uid}`);
      for (const target of panel.targets) for (const metric of named(target.expr)) used.add(metric);
    }
    for (const metric of used) expect(names, metric).toContain(metric);
    for (const metric of ["senim_case_oldest_wait_seconds", "senim_case_wait_seconds_bucket", "senim_outbox_pending", "senim_relays_undeliverable_total"]) {
      expect(used).toContain(metric);
    }
  });

  it("waits by risk, the oldest waiting case and undelivered relays are exported with bounded labels", async () => {
    const registry = createMetrics({ oldestWaiting: async () => ({ emergency: 150, high: 30 }) });
    registry.metrics.caseWaited("claim", "emergency", 90);
    registry.metrics.caseWaited("first_reply", "none", 400);
    registry.metrics.undeliverable("to_user");
    const text = await registry.render();
    expect(metricValue(text, 'senim_case_wait_seconds_bucket{le="120",stage="claim",risk="emergency"}')).toBe(1);
    expect(metricValue(text, 'senim_case_wait_seconds_bucket{le="300",stage="first_reply",risk="none"}')).toBe(0);
    expect(metricValue(text, 'senim_case_oldest_wait_seconds{risk="emergency"}')).toBe(150);
    expect(metricValue(text, 'senim_case_oldest_wait_seconds{risk="none"}')).toBe(0);
    expect(metricValue(text, 'senim_relays_undeliverable_total{dir="to_user"}')).toBe(1);
    const failing = createMetrics({ oldestWaiting: () => Promise.reject(new Error("redis down")) });
    expect(metricValue(await failing.render(), 'senim_case_oldest_wait_seconds{risk="emergency"}')).toBeNaN();
  });
});
