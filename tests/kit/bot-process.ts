/**
 * Real bot processes for the hardening tests: `node src/main.ts` in webhook mode on a free port,
 * with its own environment, talking to the fake Bot API served over HTTP (bot-api-server.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { FAKE_TOKEN } from "../../src/testing/fake-telegram.js";
import { startBotApiServer } from "./bot-api-server.js";

export async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, "127.0.0.1");
  await new Promise((r) => s.once("listening", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface BotProcessOptions {
  prefix: string;
  apiRoot: string;
  secret: string;
  staffChatId: number;
  /** Another Redis than the tests' shared one (a private redis-server the test stops and starts). */
  redisUrl?: string;
  /** More of the process's environment (SUPERVISOR_IDS, for instance). */
  env?: Record<string, string>;
}

/**
 * Spawns `node src/main.ts` in webhook mode on `port`; `env` changes its environment, `stderr`
 * says whether the test reads what it prints. `children` collects it for the cleanup.
 */
export function spawnBot(
  options: BotProcessOptions & { port: number; env?: Record<string, string>; stderr?: "pipe" | "inherit" },
  children: ChildProcess[],
): ChildProcess {
  const port = options.port;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: FAKE_TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: options.secret,
      PORT: String(port),
      REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      REDIS_PREFIX: options.prefix,
      BOT_API_ROOT: options.apiRoot,
      OPERATOR_CHAT_ID: String(options.staffChatId),
      OPERATOR_HOURS: "24/7",
      STAFF_LANG: "en",
      LOG_LEVEL: "silent",
      ...options.env,
    },
    stdio: ["ignore", "ignore", options.stderr ?? "inherit"],
  });
  children.push(child);
  return child;
}

/** Starts a bot process and waits until /readyz answers; `children` collects it for the cleanup. */
export async function startBotProcess(options: BotProcessOptions, children: ChildProcess[]): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawnBot({ ...options, port }, children);
  // Up to 30 s: a loaded machine can take that long to compile and start a process.
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { port, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("bot process did not start");
}

/** Telegram's webhook POST of an update to a bot process: the HTTP status. */
export async function postUpdate(port: number, secret: string, update: unknown): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * The fake Bot API served over HTTP for a file of process tests, started before its tests;
 * afterwards held calls are released, the bot processes in `children` killed and the server
 * closed. Read it as `fake.api` inside the tests.
 */
export function useBotApiServer(children: ChildProcess[]): { api: Awaited<ReturnType<typeof startBotApiServer>> } {
  const fake = {} as { api: Awaited<ReturnType<typeof startBotApiServer>> };
  beforeAll(async () => {
    fake.api = await startBotApiServer();
  }, 30_000);
  afterAll(() => {
    fake.api.telegram.releaseHeld();
    for (const child of children) child.kill("SIGKILL");
    fake.api.server.close();
  });
  return fake;
}
