/**
 * Prometheus metrics: what an on-call engineer sees (updates by kind and outcome, crisis
 * detections, flows, drops), labels from fixed sets only (no user, chat or text, however many
 * people write), and the /metrics route behind its token.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createHttpServer } from "../../src/server/http.js";
import { createMetrics } from "../../src/server/metrics.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { metricSamples, metricValue } from "../kit/metrics.js";

const db = useTestRedis("metrics");

function botWithMetrics() {
  const prometheus = createMetrics();
  const h = createHarness({ redis: db.redis, prefix: db.prefix, app: { metrics: prometheus.metrics } });
  return { h, prometheus };
}

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe("metrics", () => {
  it("count updates by kind and outcome, crisis levels, flows and dropped duplicates", async () => {
    const { h, prometheus } = botWithMetrics();
    const user = new TestUser(h, { id: 751_001_234, language_code: "en" });
    await onboard(user, "en", "child");
    await user.say("I want to die");
    await user.send(user.updates.callback("t:danger"));
    await user.press("f:danger:who:me");
    const end = await user.press("f:danger:now:past");
    expect(end.text).toContain("112");
    const again = user.updates.text("/help");
    await h.send(again);
    await h.send(again); // a webhook retry
    const text = await prometheus.render();
    expect(metricValue(text, 'senim_updates_total{kind="private_message",outcome="ok"}')).toBe(4); // /start, crisis, /help twice
    expect(metricValue(text, 'senim_updates_total{kind="private_button",outcome="ok"}')).toBe(5);
    expect(metricValue(text, 'senim_crisis_detections_total{level="emergency"}')).toBe(1);
    expect(metricValue(text, 'senim_flows_total{topic="danger",event="started"}')).toBe(1);
    expect(metricValue(text, 'senim_flows_total{topic="danger",event="finished"}')).toBe(1);
    expect(metricValue(text, 'senim_updates_dropped_total{reason="duplicate"}')).toBe(1);
    expect(metricValue(text, 'senim_update_duration_seconds_count{kind="private_button"}')).toBe(5);
    // Nothing in it names the user (as a whole number: durations are numbers too) or repeats what they wrote.
    expect(text).not.toMatch(/(?<![\d.])751001234(?![\d.])/);
    for (const secret of ["want to die", "I want"]) expect(text).not.toContain(secret);
  });

  it("an update that ends in the apology is counted as an error", async () => {
    const prometheus = createMetrics();
    const h = createHarness({
      redis: db.redis,
      prefix: db.prefix,
      app: {
        metrics: prometheus.metrics,
        referrals: (built) => ({
          ...built,
          referralCards: () => {
            throw new Error("directory broke");
          },
        }),
      },
    });
    const user = new TestUser(h, { id: 51_002, language_code: "en" });
    // A parent: the outcome's cards are shown at once (a child in danger gets the short screen first).
    await onboard(user, "en", "parent");
    await user.send(user.updates.callback("t:danger"));
    await user.press("f:danger:who:me");
    const broken = await user.press("f:danger:now:now");
    expect(broken.text).toContain("112"); // the apology still carries the numbers
    const text = await prometheus.render();
    expect(metricValue(text, 'senim_updates_total{kind="private_button",outcome="error"}')).toBe(1);
  });

  it("labels stay a fixed set: thirty users make no more series than three", async () => {
    const seriesAfter = async (users: number) => {
      const { h, prometheus } = botWithMetrics();
      for (let i = 0; i < users; i++) {
        const user = new TestUser(h, { id: 52_000 + users * 100 + i, language_code: i % 2 ? "ru" : "kk" });
        await user.say("/start");
        await user.say("hello");
      }
      return metricSamples(await prometheus.render()).map((l) => l.slice(0, l.lastIndexOf(" ")));
    };
    const few = await seriesAfter(3);
    const many = await seriesAfter(30);
    expect(many).toEqual(few);
  });

  it("/metrics answers only with the token when one is set; a dead Redis makes a gauge NaN, not a hung scrape", async () => {
    const prometheus = createMetrics({ queueLength: () => new Promise<number>(() => undefined), outboxPending: async () => 3 });
    const server = createHttpServer({
      logger: createLogger("silent"),
      ready: async () => true,
      metrics: { render: prometheus.render, contentType: prometheus.contentType, token: "metrics-token-0123456789" },
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: "Bearer metrics-token-0123456789" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(metricValue(text, "senim_outbox_pending")).toBe(3);
    expect(text).toMatch(/senim_case_queue_length nan/i);
  });
});
