/**
 * Start-up and shutdown of a real process (issue #13, faults 13 and 15): a bad start says in
 * one line what is wrong and exits non-zero before Telegram is told anything; a body over the
 * limit gets 413; SIGTERM ends within SHUTDOWN_TIMEOUT_SECONDS even when a Telegram call hangs.
 */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpdateFactory } from "../../src/testing/updates.js";
import { useTestRedis } from "../kit/harness.js";
import { startBotApiServer } from "../kit/bot-api-server.js";
import { freePort, spawnBot, startBotProcess } from "../kit/bot-process.js";

const SECRET = "startup-test-secret-1234";
const STAFF = -1007770000003;
const { prefix } = useTestRedis("startup", { shared: true });
let api: Awaited<ReturnType<typeof startBotApiServer>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  api = await startBotApiServer();
});
afterAll(() => {
  api.telegram.releaseHeld();
  for (const child of children) child.kill("SIGKILL");
  api.server.close();
});

/** Runs `node src/main.ts` with a webhook config and these changes; its exit code and stderr. */
async function start(env: Record<string, string>, port?: number): Promise<{ code: number | null; stderr: string; ms: number }> {
  const p = port ?? (await freePort());
  const started = Date.now();
  const child = spawnBot({ prefix, apiRoot: api.root, secret: SECRET, staffChatId: STAFF, port: p, env, stderr: "pipe" }, children);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, stderr, ms: Date.now() - started };
}

const setWebhooks = () => api.telegram.calls.filter((c) => c.method === "setWebhook").length;

describe("a start that cannot work says why, in one line, and touches nothing", () => {
  it("the port is in use", async () => {
    const taken = createServer();
    const port = await freePort();
    taken.listen(port, "0.0.0.0");
    await new Promise((r) => taken.once("listening", r));
    const before = setWebhooks();
    const run = await start({}, port);
    taken.close();
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`PORT ${port} is in use`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(setWebhooks()).toBe(before); // Telegram was not told to send here
  }, 30_000);

  it("REDIS_URL names a database that does not exist", async () => {
    const missing = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    missing.pathname = "/99";
    const run = await start({ REDIS_URL: missing.href });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("REDIS_URL names database 99");
  }, 30_000);

  it("REDIS_URL cannot be parsed", async () => {
    const run = await start({ REDIS_URL: "redis://[oops" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/REDIS_URL is not a URL/);
  }, 30_000);

  it("the Bot API cannot be reached", async () => {
    const run = await start({ BOT_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/cannot reach the Telegram Bot API at http:\/\/127\.0\.0\.1:\d+/);
  }, 60_000);
});

describe("a running process", () => {
  it("answers a 10 MB body with 413, not a reset connection", async () => {
    const { port } = await startBotProcess({ prefix, apiRoot: api.root, secret: SECRET, staffChatId: STAFF }, children);
    const res = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: "x".repeat(10 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  }, 30_000);

  it("SIGTERM while a Telegram call hangs: the process exits within SHUTDOWN_TIMEOUT_SECONDS", async () => {
    const port = await freePort();
    const exited = start({ SHUTDOWN_TIMEOUT_SECONDS: "2" }, port);
    for (let i = 0; i < 200; i++) {
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    api.telegram.holdNext("sendMessage");
    const user = new UpdateFactory({ id: 886_001, language_code: "en" });
    const pending = fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(user.text("/help")),
    }).then((r) => r.status, () => "no answer");
    for (let i = 0; i < 200 && api.telegram.held === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(api.telegram.held).toBe(1);
    const child = children.at(-1)!;
    const signalled = Date.now();
    child.kill("SIGTERM");
    const run = await exited;
    expect(Date.now() - signalled).toBeLessThan(6_000);
    expect(run.code).toBe(1); // stopped with an update in flight: not answered 200, so Telegram delivers it again
    expect(await pending).not.toBe(200);
    api.telegram.releaseHeld();
  }, 30_000);
});
