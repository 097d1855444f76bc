/**
 * Redis goes away mid-relay (issue #13, fault 8): the child's message was stored and copied to
 * the operators, then marking it sent fails. The child must not be told "something went wrong"
 * for a message that arrived; the outbox marks the job sent once Redis is back (not sent twice
 * when its lease runs out, and the next message is not held behind it).
 */
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { textOf } from "../../src/testing/fake-telegram.js";
import { UpdateFactory } from "../../src/testing/updates.js";
import { usePrivateRig } from "../kit/private-rig.js";

const STAFF = -1007770000011;
const rig = usePrivateRig({ prefix: "senim-relay-restart", secret: "relay-restart-secret-1234", staffChatId: STAFF });

describe("Redis restarts while a message is relayed", () => {
  it("the child is not told 'something went wrong' for a message that reached the operators", async () => {
    const port = await rig.start();
    const post = (update: Update) => rig.post(port, update);
    const user = new UpdateFactory({ id: 889_001, language_code: "en" });
    expect(await post(user.callback("m:person"))).toBe(200);
    const mark = rig.api.telegram.mark();
    rig.api.telegram.holdNext("copyMessage");
    const sending = post(user.text("I need to talk to someone"));
    for (let i = 0; i < 200 && rig.api.telegram.held === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(rig.api.telegram.held).toBe(1); // stored, and being copied to the operators…
    await rig.redis.stop(); // …when Redis goes away
    rig.api.telegram.releaseHeld(); // the copy arrives
    await sending;
    const toStaff = rig.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === STAFF);
    expect(toStaff).toHaveLength(1);
    const toChild = rig.api.telegram.since(mark).filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 889_001);
    expect(toChild.map(textOf).join("\n")).not.toMatch(/went wrong/i);
    await rig.redis.start();

    // Once Redis is back, the copy that arrived is marked sent: it is not sent again when its
    // lease runs out (30 s), and the child's next message is not held behind it.
    for (let i = 0; i < 100 && (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    const next = rig.api.telegram.mark();
    expect(await post(user.text("are you there?"))).toBe(200);
    const nextToStaff = () => rig.api.telegram.since(next).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === STAFF);
    for (let i = 0; i < 60 && nextToStaff().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(nextToStaff()).toHaveLength(1); // within 3 s, not after the lease
    await new Promise((r) => setTimeout(r, 35_000));
    const copies = rig.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === STAFF);
    expect(copies).toHaveLength(2); // each message once
  }, 90_000);
});
