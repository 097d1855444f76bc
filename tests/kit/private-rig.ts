/**
 * A bot process on a redis-server of the test file's own (one the test stops, starts or fills),
 * with the fake Bot API over HTTP; set up before the file's tests and torn down after them.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { Redis } from "ioredis";
import { startBotApiServer } from "./bot-api-server.js";
import { postUpdate, startBotProcess } from "./bot-process.js";
import { PrivateRedis } from "./redis-server.js";

export function usePrivateRig(options: { prefix: string; secret: string; staffChatId: number; redisArgs?: readonly string[] }) {
  const redis = new PrivateRedis(options.redisArgs);
  const children: ChildProcess[] = [];
  const rig = {
    redis,
    api: undefined as unknown as Awaited<ReturnType<typeof startBotApiServer>>,
    /** Starts a bot process (webhook mode) on the private Redis; its port. */
    start: async () =>
      (await startBotProcess({ prefix: options.prefix, apiRoot: rig.api.root, secret: options.secret, staffChatId: options.staffChatId, redisUrl: redis.url }, children)).port,
    /** Telegram's POST of an update: the HTTP status (0 when the connection failed). */
    post: (port: number, update: unknown) => postUpdate(port, options.secret, update).catch(() => 0),
    /** A connection of the test's own to the private Redis (to look at keys, fill it, flush it). */
    admin: undefined as unknown as Redis,
  };
  beforeAll(async () => {
    await redis.start();
    rig.api = await startBotApiServer();
    rig.admin = new Redis(redis.url);
  });
  afterAll(async () => {
    await rig.admin?.quit().catch(() => undefined);
    rig.api?.telegram.releaseHeld();
    for (const child of children) child.kill("SIGKILL");
    rig.api?.server.close();
    await redis.destroy();
  });
  return rig;
}
