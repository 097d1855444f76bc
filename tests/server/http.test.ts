import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { createLogger } from "../../src/logger.js";
import { redisIsReady } from "../../src/storage/redis.js";
import { createHttpServer } from "../../src/server/http.js";
import { createHarness, useTestRedis } from "../kit/harness.js";
import { UpdateFactory } from "../../src/testing/updates.js";

const db = useTestRedis("http");

const SECRET = "s3cret-token-of-enough-length";
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(ready: () => Promise<boolean>) {
  const handled: Update[] = [];
  const server = createHttpServer({
    logger: createLogger("silent"),
    ready,
    webhook: { path: "/telegram", secret: SECRET, handle: async (u) => void handled.push(u) },
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, handled };
}

const hi = new UpdateFactory({ id: 1 }).text("hi");
const update = JSON.stringify(hi);

describe("webhook and probes", () => {
  it("rejects a wrong or missing secret with 401 and processes nothing", async () => {
    const { base, handled } = await start(async () => true);
    const attempts: Record<string, string>[] = [{}, { "x-telegram-bot-api-secret-token": "wrong-secret-of-some-length" }];
    for (const headers of attempts) {
      const res = await fetch(`${base}/telegram`, { method: "POST", body: update, headers });
      expect(res.status).toBe(401);
    }
    expect(handled).toEqual([]);
  });

  it("accepts the right secret and hands the update over; refuses junk bodies", async () => {
    const { base, handled } = await start(async () => true);
    const headers = { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" };
    expect((await fetch(`${base}/telegram`, { method: "POST", body: update, headers })).status).toBe(200);
    expect(handled.map((u) => u.update_id)).toEqual([hi.update_id]);
    expect((await fetch(`${base}/telegram`, { method: "POST", body: "{not json", headers })).status).toBe(400);
    expect((await fetch(`${base}/telegram`, { method: "POST", body: "[]", headers })).status).toBe(400);
    expect(handled).toHaveLength(1);
  });

  it("/healthz answers while alive; /readyz follows Redis", async () => {
    const redis = db.redis;
    const dead = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on("error", () => undefined);
    const up = await start(() => redisIsReady(redis));
    const down = await start(() => redisIsReady(dead, 300));
    expect((await fetch(`${up.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${up.base}/readyz`)).status).toBe(200);
    expect((await fetch(`${down.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${down.base}/readyz`)).status).toBe(503);
    expect((await fetch(`${up.base}/nothing`)).status).toBe(404);
    dead.disconnect();
  });
});

describe("webhook reply", () => {
  it("a button press is answered in the HTTP answer itself, not by a request of its own", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    const server = createHttpServer({
      logger: createLogger("silent"),
      ready: async () => true,
      webhook: { path: "/telegram", secret: SECRET, handle: (u, reply) => h.bot.handleUpdate(u, reply) },
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" };
    const user = new UpdateFactory({ id: 61_000, language_code: "en" });
    await fetch(`${base}/telegram`, { method: "POST", body: JSON.stringify(user.text("/start")), headers });
    const mark = h.telegram.mark();
    const res = await fetch(`${base}/telegram`, { method: "POST", body: JSON.stringify(user.callback("lang:en:role")), headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: "answerCallbackQuery", callback_query_id: expect.any(String) });
    const calls = h.telegram.since(mark).map((c) => c.method);
    expect(calls).not.toContain("answerCallbackQuery");
    expect(calls).toContain("sendMessage"); // the rest goes as usual: "Who are you?"
  });
});
