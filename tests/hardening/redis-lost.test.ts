/**
 * Redis loses its data (issue #13, fault 7: an eviction policy at work, or a restart without
 * persistence): case numbers start again, and a card left in the staff group must never act on
 * the new case that got its number. A staff button names its case and the case's topic, and
 * acts only when both match.
 */
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { buttonsOf } from "../../src/testing/fake-telegram.js";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";
import { usePrivateRig } from "../kit/private-rig.js";

const rig = usePrivateRig({ prefix: "senim-lost", secret: "redis-lost-secret-123456", staffChatId: -1007770000009 });
const post = (port: number, update: Update) => rig.post(port, update);

describe("Redis lost its data", () => {
  it("after Redis lost its data, a stale card's buttons act on nothing, not on the new case that got the same number", async () => {
    const port = await rig.start();
    const first = new UpdateFactory({ id: 888_101, language_code: "en" });
    const mark = rig.api.telegram.mark();
    expect(await post(port, first.callback("m:person"))).toBe(200);
    const card = rig.api.telegram.since(mark).find((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === -1007770000009 && buttonsOf(c).length > 0)!;
    const resolveHelped = buttonsOf(card).map((b) => b.callback_data ?? "").find((d) => d.startsWith("c:res:"))!;
    const id = /^c:res:(\d+)/.exec(resolveHelped)![1]!;

    // Redis loses everything (a restart without persistence, or an eviction policy at work).
    await rig.admin.flushall();
    const second = new UpdateFactory({ id: 888_102, language_code: "en" });
    expect(await post(port, second.callback("m:person"))).toBe(200);
    expect(await rig.admin.hget(`senim-lost:case:${id}`, "user")).not.toBeNull(); // the number was given again

    // An operator presses Resolve → Helped under the old card (and goes on with the dialogue).
    const staff = staffGroup(-1007770000009);
    const press = rig.api.telegram.mark();
    const outcome = resolveHelped.replace(/^c:res:/, "c:out:") + ":helped";
    expect(await post(port, staff.callback({ id: 720_101, first_name: "Op" }, resolveHelped))).toBe(200);
    expect(await post(port, staff.callback({ id: 720_101, first_name: "Op" }, outcome))).toBe(200);
    // The rest of the dialogue, as an old card's topic would name it: nothing either.
    const ref = resolveHelped.replace(/^c:res:/, "");
    for (const data of [`c:cat:${ref}:family`, `c:sub:${ref}:family:parents`, `c:skip:${ref}`]) {
      expect(await post(port, staff.callback({ id: 720_101, first_name: "Op" }, data))).toBe(200);
    }
    expect(await rig.admin.hget(`senim-lost:case:${id}`, "status")).toBe("open"); // the new child's case is untouched
    // Nothing was edited or sent: not the card, not the new child.
    expect(rig.api.telegram.since(press).filter((c) => c.method !== "answerCallbackQuery" && c.method !== "getChatMember")).toEqual([]);
  }, 60_000);
});
