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

const api = new Api(FAKE_TOKEN);
const key = (update: Omit<Update, "update_id">) => sequenceKey(new Context({ update_id: 1, ...update } as Update, api, BOT_INFO));

const STAFF = { id: -1001234500000, type: "supergroup" as const, title: "Staff", is_forum: true as const };
const staffMessage = (thread?: number) => ({
  message: { message_id: 5, date: 0, chat: STAFF, from: { id: 7, is_bot: false, first_name: "Op" }, text: "hi", ...(thread ? { message_thread_id: thread, is_topic_message: true } : {}) },
});

describe("sequencing", () => {
  it("a user's updates share one line, whatever their kind", () => {
    const chat = { id: 42, type: "private" as const, first_name: "A" };
    const from = { id: 42, is_bot: false, first_name: "A" };
    const text = key({ message: { message_id: 1, date: 0, chat, from, text: "hi" } });
    const press = key({ callback_query: { id: "1", from, chat_instance: "c", data: "m:menu", message: { message_id: 2, date: 0, chat, text: "menu" } } });
    expect(text).toBe(press);
  });

  it("in the staff group, each case's topic is a line of its own; General is one line", () => {
    expect(key(staffMessage(11))).not.toBe(key(staffMessage(12)));
    expect(key(staffMessage(11))).toBe(key(staffMessage(11)));
    const press = key({
      callback_query: {
        id: "1",
        from: { id: 7, is_bot: false, first_name: "Op" },
        chat_instance: "c",
        data: "c:claim:1",
        message: { message_id: 9, date: 0, chat: STAFF, message_thread_id: 11, text: "card" },
      },
    } as Omit<Update, "update_id">);
    expect(press).toBe(key(staffMessage(11))); // a button on the case card waits with that case's messages
    expect(key(staffMessage())).toBe(key(staffMessage()));
    expect(key(staffMessage())).not.toBe(key(staffMessage(11)));
  });
});
