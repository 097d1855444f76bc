/**
 * Operator messages during a Redis outage (issue #13, fault 5): a staff update that fails while
 * Redis is away is delivered again by Telegram, and that redelivery must be relayed, not dropped
 * as a duplicate by a check that ran late, when Redis came back.
 */
import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { Update } from "grammy/types";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";
import { usePrivateRig } from "../kit/private-rig.js";

const STAFF = -1007770000013;
const rig = usePrivateRig({ prefix: "senim-staff-outage", secret: "staff-outage-secret-1234", staffChatId: STAFF });

describe("an operator writes while Redis is away", () => {
  it("the message fails, and Telegram's redelivery after Redis is back reaches the child", async () => {
    const port = await rig.start();
    const post = (update: Update) => rig.post(port, update);
    const user = new UpdateFactory({ id: 889_101, language_code: "en" });
    expect(await post(user.callback("m:person"))).toBe(200);
    const admin = new Redis(rig.redis.url);
    const thread = Number(await admin.hget("senim-staff-outage:case:1", "threadId"));
    await admin.quit();
    expect(thread).toBeGreaterThan(0);

    await rig.redis.stop();
    const answer = staffGroup(STAFF).text({ id: 720_009, first_name: "Op" }, "I am here with you.", { thread });
    expect(await post(answer)).not.toBe(200); // failed: Telegram keeps it
    await rig.redis.start();
    for (let i = 0; i < 100 && (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));

    const mark = rig.api.telegram.mark();
    expect(await post(answer)).toBe(200); // Telegram delivers it again
    const toChild = () => rig.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === 889_101);
    for (let i = 0; i < 100 && toChild().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(toChild()).toHaveLength(1);
  }, 60_000);

  it("Redis going away in the middle of an operator's message: Telegram's redelivery is relayed, not dropped as a duplicate", async () => {
    const port = await rig.start();
    const post = (update: Update) => rig.post(port, update);
    const user = new UpdateFactory({ id: 889_102, language_code: "en" });
    expect(await post(user.callback("m:person"))).toBe(200);
    const admin = new Redis(rig.redis.url);
    const caseIds = await admin.keys("senim-staff-outage:case:[0-9]*");
    const threads = await Promise.all(caseIds.filter((k) => !k.endsWith(":log")).map((k) => admin.hget(k, "threadId")));
    const thread = Math.max(...threads.map(Number));
    await admin.quit();

    // The update is seen (its marker written), then Telegram is slow to say who the operator is,
    // and Redis goes away meanwhile: the update fails after it was marked.
    rig.api.telegram.holdNext("getChatMember");
    const answer = staffGroup(STAFF).text({ id: 720_010, first_name: "Op" }, "I am here with you, too.", { thread });
    const first = post(answer);
    for (let i = 0; i < 100 && rig.api.telegram.held === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(rig.api.telegram.held).toBe(1);
    await rig.redis.stop();
    rig.api.telegram.releaseHeld();
    expect(await first).not.toBe(200); // failed: Telegram keeps it
    await new Promise((r) => setTimeout(r, 1_500));
    await rig.redis.start();
    for (let i = 0; i < 100 && (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));

    // Telegram delivers it again, and again while it is answered "not now" (the mark of the
    // delivery that died runs out within half a minute): it reaches the child, once.
    const mark = rig.api.telegram.mark();
    const toChild = () => rig.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === 889_102);
    for (let attempt = 0; attempt < 45 && toChild().length === 0; attempt++) {
      if ((await post(answer)) === 200) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    for (let i = 0; i < 100 && toChild().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(toChild()).toHaveLength(1);
    // And once only: a later delivery is a duplicate.
    await new Promise((r) => setTimeout(r, 200));
    expect(await post(answer)).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(toChild()).toHaveLength(1);
  }, 90_000);
});
