/**
 * Polling mode (the default) during a Redis outage (issue #13, fault 6): a real process polls
 * the fake Telegram (getUpdates), its own redis-server is stopped and started again. An update
 * sent while Redis is away is handled once Redis is back, with its effects saved, instead of
 * being taken, answered from memory and lost.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { FAKE_TOKEN, textOf } from "../../src/testing/fake-telegram.js";
import { UpdateFactory } from "../../src/testing/updates.js";
import { startBotApiServer } from "../kit/bot-api-server.js";
import { freePort } from "../kit/bot-process.js";
import { PrivateRedis } from "../kit/redis-server.js";

const redisServer = new PrivateRedis();
let api: Awaited<ReturnType<typeof startBotApiServer>>;
let child: ChildProcess;
let port: number;

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await redisServer.start();
  api = await startBotApiServer();
  port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: FAKE_TOKEN,
      BOT_MODE: "polling",
      PORT: String(port),
      REDIS_URL: redisServer.url,
      REDIS_PREFIX: "senim-polling-test",
      BOT_API_ROOT: api.root,
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await until(() => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false), 20_000);
}, 40_000);

afterAll(async () => {
  child?.kill("SIGKILL");
  api?.server.close();
  await redisServer.destroy();
});

describe("polling through a Redis outage", () => {
  it("an update sent while Redis is away is handled, and saved, once Redis is back", async () => {
    const user = new UpdateFactory({ id: 887_001, language_code: "en" });
    const answers = () => api.telegram.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 887_001);
    api.telegram.queueUpdate(user.text("/start"));
    await until(() => answers().length === 1, 10_000);

    await redisServer.stop();
    await until(() => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 503, () => false), 10_000);
    await new Promise((r) => setTimeout(r, 2_500)); // the process notices and stops taking updates
    api.telegram.queueUpdate(user.text("/start r-atyrau")); // a poster's link for Atyrau, while Redis is away
    await new Promise((r) => setTimeout(r, 2_000));
    const duringOutage = answers().slice(1);
    await redisServer.start();

    await until(() => answers().length >= 2, 20_000);
    expect(duringOutage).toHaveLength(0); // not answered "back in a minute" and dropped…
    expect(textOf(answers()[1]!)).not.toContain("restarting");
    const check = new Redis(redisServer.url);
    const [prefsKey] = await check.keys("senim-polling-test:prefs:*");
    const prefs = JSON.parse((await check.get(prefsKey!))!) as { region?: string };
    await check.quit();
    expect(prefs.region).toBe("atyrau"); // …but handled once Redis was back, its effect saved
  }, 90_000);
});
