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
});
