/**
 * First run: the start-up check says plainly what the staff group lacks (a forum, the bot's
 * rights), in the log and in the group's General topic; before a staff group is configured,
 * a group the bot is added to learns its id and the adder's id; /id tells staff their id.
 */
import { describe, expect, it } from "vitest";
import { textOf } from "../../src/testing/fake-telegram.js";
import { group, staffGroup } from "../../src/testing/updates.js";
import { createHarness, useTestRedis } from "../kit/harness.js";

const STAFF = -1001234500088;
const db = useTestRedis("setup");

describe("the staff group check at start", () => {
  it("a group that is not a forum, where the bot may not manage topics, is reported in the log and in General", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF });
    h.telegram.groupIsForum = false;
    h.telegram.botMember = { status: "administrator", can_manage_topics: false };
    await h.app.init();
    const posted = h.telegram.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!;
    expect(posted.payload.message_thread_id).toBeUndefined(); // the General topic
    expect(textOf(posted)).toContain("Turn on Topics");
    expect(textOf(posted)).toContain("Manage topics");
    const warning = h.logs.lines.map((l) => JSON.parse(l) as { msg: string; problems?: string[] }).find((l) => l.problems)!;
    expect(warning.problems).toEqual(["not-forum", "no-topics-right"]);
    expect(warning.msg).toContain("not a forum supergroup");
  });

  it("a bot that is a plain member is told to become an administrator; a ready group gets no message", async () => {
    const plain = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF });
    plain.telegram.botMember = { status: "member" };
    await plain.app.init();
    expect(textOf(plain.telegram.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!)).toContain("administrator");

    const ready = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF });
    await ready.app.init();
    expect(ready.telegram.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)).toEqual([]);
    expect(ready.logs.lines.join("\n")).toContain("staff group ready");
    // The staff group lists its own commands; the staff language is the default.
    const listed = ready.telegram.calls.find((c) => c.method === "setMyCommands" && (c.payload.scope as { type: string }).type === "chat" && c.payload.language_code === undefined)!;
    expect(listed.payload.scope).toEqual({ type: "chat", chat_id: STAFF });
    expect((listed.payload.commands as Array<{ command: string; description: string }>).map((c) => c.command)).toEqual(["queue", "mine", "note", "transfer", "unblock", "report", "export", "directory", "replies", "id"]);
    expect(JSON.stringify(listed.payload.commands)).toContain("Figures: today, week or month");
  });

  it("a staff group the bot is not in is logged, and nothing is posted", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF });
    h.telegram.failNext("getChat", { error_code: 400, description: "Bad Request: chat not found" });
    await h.app.init();
    expect(h.telegram.calls.filter((c) => c.payload.chat_id === STAFF && c.method === "sendMessage")).toEqual([]);
    expect(h.logs.lines.join("\n")).toContain("the bot is not in that chat");
  });
});

describe("learning the ids", () => {
  it("before a staff group is configured, a group the bot joins is told its id and the adder's, then left", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    const calls = await h.send(group(-1009876543210).myChatMember({ id: 4242, first_name: "Dana", language_code: "ru" } as never, "left", "administrator"));
    const said = textOf(calls.find((c) => c.method === "sendMessage")!);
    expect(said).toContain("OPERATOR_CHAT_ID=-1009876543210");
    expect(said).toContain("<code>4242</code>");
    expect(calls.map((c) => c.method)).toContain("leaveChat");
    // Ids are told in the group, never written to the log.
    expect(h.logs.lines.join("\n")).not.toMatch(/9876543210|4242/);
  });

  it("once configured, another group gets the neutral line; staff learn their id with /id", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF });
    const other = await h.send(group(-1005555).myChatMember({ id: 4242, first_name: "Dana" }, "left", "member"));
    expect(textOf(other.find((c) => c.method === "sendMessage")!)).not.toContain("OPERATOR_CHAT_ID");
    const id = await h.send(staffGroup(STAFF).text({ id: 4343, first_name: "Aigerim" }, "/id"));
    expect(textOf(id.find((c) => c.method === "sendMessage")!)).toContain("<code>4343</code>");
  });
});
