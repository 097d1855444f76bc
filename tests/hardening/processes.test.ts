/**
 * Real bot processes (node src/main.ts in webhook mode) on one Redis, talking to a fake Bot
 * API over HTTP: they behave as one bot, and a process killed with SIGKILL mid-case loses no
 * message and sends none twice.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";
import { useTestRedis } from "../kit/harness.js";
import { startBotApiServer } from "../kit/bot-api-server.js";
import { startBotProcess } from "../kit/bot-process.js";
import { metricValue } from "../kit/metrics.js";

const SECRET = "process-test-secret-123";
const STAFF = -1007770000001;
const { redis, prefix } = useTestRedis("processes", { shared: true });
let api: Awaited<ReturnType<typeof startBotApiServer>>;
const children: ChildProcess[] = [];

function startBot(): Promise<{ port: number; child: ChildProcess }> {
  return startBotProcess({ prefix, apiRoot: api.root, secret: SECRET, staffChatId: STAFF }, children);
}

/** Bot API calls the processes made in their webhook answers (grammY's webhook reply). */
const webhookAnswers: { method: string; [field: string]: unknown }[] = [];

function post(port: number, update: Update): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  }).then(async (r) => {
    const body = (await r.json()) as { method?: string };
    if (typeof body.method === "string") webhookAnswers.push(body as { method: string });
    return r.status;
  });
}

const staff = staffGroup(STAFF);
const staffPress = (from: number, data: string): Update => staff.callback({ id: from, first_name: "Op" }, data);

let a: { port: number; child: ChildProcess };
let b: { port: number; child: ChildProcess };

beforeAll(async () => {
  api = await startBotApiServer();
  [a, b] = await Promise.all([startBot(), startBot()]);
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  api.server.close();
});

describe("two processes, one bot", () => {
  it("same user's updates on both processes at once: no lost session write; a duplicate is handled once", async () => {
    const users = Array.from({ length: 8 }, (_, i) => new UpdateFactory({ id: 880_000 + i, language_code: "ru" }));
    await Promise.all(
      users.map((u) =>
        Promise.all([post(a.port, u.callback("lang:kk:role")), post(b.port, u.callback("role:parent")), post(a.port, u.text("/start r-atyrau"))]),
      ),
    );
    const prefsKeys = await redis.keys(`${prefix}:prefs:*`);
    expect(prefsKeys).toHaveLength(8);
    for (const key of prefsKeys) expect(JSON.parse((await redis.get(key))!)).toMatchObject({ lang: "kk", role: "parent", region: "atyrau" });

    const help = new UpdateFactory({ id: 881_000, language_code: "en" }).text("/help");
    const before = api.telegram.calls.filter((c) => c.method === "sendMessage").length;
    expect(await Promise.all([post(a.port, help), post(b.port, help)])).toEqual([200, 200]);
    expect(api.telegram.calls.filter((c) => c.method === "sendMessage").length - before).toBe(1);
  });

  it("two operators claim at once on two processes: exactly one owner", async () => {
    const user = new UpdateFactory({ id: 882_000, language_code: "en" });
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    const caseId = Number(await redis.get(`${prefix}:case:seq`));
    const mark = api.telegram.mark();
    const answered = webhookAnswers.length;
    await Promise.all([post(a.port, staffPress(501, `c:claim:${caseId}`)), post(b.port, staffPress(502, `c:claim:${caseId}`))]);
    // A button press is answered in the webhook's HTTP answer (or, failing that, by a request).
    const answers = [...api.telegram.since(mark).map((c): { method: string; text?: unknown } => ({ method: c.method, ...c.payload })), ...webhookAnswers.slice(answered)]
      .filter((c) => c.method === "answerCallbackQuery")
      .map((c) => String(c.text));
    expect(answers.filter((t) => t === "The case is yours.")).toHaveLength(1);
    expect(answers.filter((t) => t.includes("already claimed"))).toHaveLength(1);
  });

  it("GET /metrics on a process: what it handled, its queue, its own health, and no ids", async () => {
    const user = new UpdateFactory({ id: 884_123_457, language_code: "kk" });
    await post(b.port, user.text("/start"));
    await post(b.port, user.text("мен өлгім келеді"));
    const res = await fetch(`http://127.0.0.1:${b.port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const value = (series: string) => metricValue(text, series);
    expect(value('senim_updates_total{kind="private_message",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(value('senim_crisis_detections_total{level="emergency"}')).toBeGreaterThanOrEqual(1);
    expect(value("senim_case_queue_length")).toBeGreaterThanOrEqual(0); // read from Redis
    expect(text).toContain("senim_process_cpu_seconds_total");
    expect(text).not.toMatch(/(?<![\d.])884123457(?![\d.])/); // as a whole number, not inside a byte count
  });

  it("SIGKILL mid-case: the stored message is delivered by the other process, exactly once", async () => {
    const user = new UpdateFactory({ id: 883_000, language_code: "ru" });
    await post(a.port, user.callback("m:person"));
    api.telegram.failNext("copyMessage", { error_code: 502, description: "Bad Gateway" }, 1);
    const message = user.text("мне нужна помощь, я не знаю что делать");
    expect(await post(a.port, message)).toBe(200); // acknowledged: stored in the outbox
    a.child.kill("SIGKILL");
    const delivered = () =>
      api.telegram.calls.filter((c) => c.method === "copyMessage" && c.payload.from_chat_id === 883_000 && c.payload.chat_id === STAFF).length;
    for (let i = 0; i < 100 && delivered() === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(delivered()).toBe(1);
    await new Promise((r) => setTimeout(r, 3_000)); // more timer ticks on the survivor
    expect(delivered()).toBe(1);
  }, 30_000);

  it("SIGTERM: the process stops taking updates, finishes, closes Redis and exits 0", async () => {
    const exited = new Promise<number | null>((resolve) => b.child.once("exit", (code) => resolve(code)));
    b.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 20_000);
});
