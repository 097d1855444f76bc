/**
 * Redis goes away mid-relay (issue #13, fault 8): the child's message was stored and copied to
 * the operators, then marking it sent fails. The child must not be told "something went wrong"
 * for a message that arrived; the outbox finishes the job once Redis is back.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { textOf } from "../../src/testing/fake-telegram.js";
import { UpdateFactory } from "../../src/testing/updates.js";
import { startBotApiServer } from "../kit/bot-api-server.js";
import { postUpdate, startBotProcess } from "../kit/bot-process.js";
import { PrivateRedis } from "../kit/redis-server.js";

const SECRET = "relay-restart-secret-1234";
const STAFF = -1007770000011;
const redisServer = new PrivateRedis();
let api: Awaited<ReturnType<typeof startBotApiServer>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await redisServer.start();
  api = await startBotApiServer();
});
afterAll(async () => {
  api?.telegram.releaseHeld();
  for (const child of children) child.kill("SIGKILL");
  api?.server.close();
  await redisServer.destroy();
});

describe("Redis restarts while a message is relayed", () => {
  it("the child is not told 'something went wrong' for a message that reached the operators", async () => {
    const { port } = await startBotProcess({ prefix: "senim-relay-restart", apiRoot: api.root, secret: SECRET, staffChatId: STAFF, redisUrl: redisServer.url }, children);
    const post = (update: Update) => postUpdate(port, SECRET, update).catch(() => 0);
    const user = new UpdateFactory({ id: 889_001, language_code: "en" });
    expect(await post(user.callback("m:person"))).toBe(200);
    const mark = api.telegram.mark();
    api.telegram.holdNext("copyMessage");
    const sending = post(user.text("I need to talk to someone"));
    for (let i = 0; i < 200 && api.telegram.held === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(api.telegram.held).toBe(1); // stored, and being copied to the operators…
    await redisServer.stop(); // …when Redis goes away
    api.telegram.releaseHeld(); // the copy arrives
    await sending;
    const toStaff = api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === STAFF);
    expect(toStaff).toHaveLength(1);
    const toChild = api.telegram.since(mark).filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 889_001);
    expect(toChild.map(textOf).join("\n")).not.toMatch(/went wrong/i);
    await redisServer.start();
  }, 60_000);
});
