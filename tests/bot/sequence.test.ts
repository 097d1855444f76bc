/**
 * Which updates wait for each other: a user's updates one after another; in the staff group,
 * each forum topic (a case) on its own, so an operator's reply does not queue behind the
 * updates of every other case.
 */
import { Api, Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { sequenceKey } from "../../src/bot/index.js";
import { BOT_INFO, FAKE_TOKEN } from "../../src/testing/fake-telegram.js";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";

const api = new Api(FAKE_TOKEN);
const key = (update: Update) => sequenceKey(new Context(update, api, BOT_INFO));

const staff = staffGroup(-1001234500000);
const op = { id: 7, first_name: "Op" };
const staffMessage = (thread?: number) => staff.text(op, "hi", { thread });

describe("sequencing", () => {
  it("a user's updates share one line, whatever their kind", () => {
    const user = new UpdateFactory({ id: 42, first_name: "A" });
    const text = key(user.text("hi"));
    expect(key(user.callback("m:menu", 2, "menu"))).toBe(text);
    expect(key(user.edit("hi!"))).toBe(text);
    expect(key(user.myChatMember("member", "kicked"))).toBe(text);
  });

  it("in the staff group, each case's topic is a line of its own; General is one line", () => {
    expect(key(staffMessage(11))).not.toBe(key(staffMessage(12)));
    expect(key(staffMessage(11))).toBe(key(staffMessage(11)));
    const press = key(staff.callback(op, "c:claim:1", { thread: 11, messageId: 9 }));
    expect(press).toBe(key(staffMessage(11))); // a button on the case card waits with that case's messages
    expect(key(staffMessage())).toBe(key(staffMessage()));
    expect(key(staffMessage())).not.toBe(key(staffMessage(11)));
  });
});
