/**
 * Several staff groups (issue #15): a national group (OPERATOR_CHAT_ID) and a regional one
 * (STAFF_GROUPS almaty_city), each with its own operator, driven through the fake Telegram.
 * A case goes to its region's group, else to the national one, and overflows to the national
 * one when the regional group already has STAFF_GROUP_OVERFLOW cases waiting unclaimed; it then
 * lives in its group: topic, card, relays, raises, buttons, commands, retention. (STAFF_GROUPS
 * itself: tests/config.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { group, staffGroup } from "../../src/testing/updates.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const NATIONAL = -1001234500091;
const ALMATY = -1001234500092;
const db = useTestRedis("groups");
const redis = db.redis;

const national = staffGroup(NATIONAL);
const almaty = staffGroup(ALMATY);
/** Aigerim answers in the Almaty group, Dana in the national one; neither is a member of the other's. */
const AIGERIM = { id: 7101, first_name: "Aigerim" };
const DANA = { id: 7102, first_name: "Dana" };
const MEMBERS: Record<number, number[]> = { [ALMATY]: [AIGERIM.id], [NATIONAL]: [DANA.id] };

const said = (calls: ApiCall[], chat: number) => calls.filter((c) => c.payload.chat_id === chat && (c.method === "sendMessage" || c.method === "editMessageText")).map(textOf);
const answerOf = (calls: ApiCall[]) => String(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "");

function desk(options: { overflowAt?: number } = {}) {
  let clock = new Date("2026-03-02T10:00:00Z").getTime();
  const h = createHarness({
    redis,
    prefix: db.prefix,
    operatorChatId: NATIONAL,
    now: () => new Date(clock),
    desk: { groups: { almaty_city: ALMATY }, overflowAt: options.overflowAt ?? 5 },
  });
  h.telegram.memberStatus = (user, chat) => (MEMBERS[chat]?.includes(user) ? "member" : "left");
  /** A user (of `region`, if any) who asks for a person: where their case's topic was made. */
  async function caseOf(id: number, region?: string) {
    const user = new TestUser(h, { id, language_code: "en" });
    await onboard(user, "en", "child", region ? `r-${region}` : undefined);
    const opened = await user.press("m:person");
    const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
    const thread = (topic.result as { message_thread_id: number }).message_thread_id;
    const card = opened.calls.find((c) => c.method === "sendMessage" && c.payload.message_thread_id === thread)!;
    return { user, opened, chat: topic.payload.chat_id as number, thread, card };
  }
  return { h, caseOf, advance: (ms: number) => (clock += ms) };
}

describe("routing a case to a staff group", () => {
  it("a case of a region with a group goes there; a region without one, or no region, goes to the national group", async () => {
    const { h, caseOf } = desk();
    const inAlmaty = await caseOf(9501, "almaty_city");
    expect(inAlmaty.chat).toBe(ALMATY);
    expect(inAlmaty.card.payload.chat_id).toBe(ALMATY);
    expect(inAlmaty.opened.calls.some((c) => c.payload.chat_id === NATIONAL)).toBe(false);
    expect((await h.deps.desk!.store.get(1))?.staffChat).toBe(ALMATY);

    const inShymkent = await caseOf(9502, "shymkent");
    expect(inShymkent.chat).toBe(NATIONAL);
    expect(textOf(inShymkent.card)).not.toContain("Sent here"); // no overflow to explain
    const nowhere = await caseOf(9503);
    expect(nowhere.chat).toBe(NATIONAL);
  });

  it("overflows to the national group when the regional group has STAFF_GROUP_OVERFLOW cases waiting unclaimed, and the card says why", async () => {
    const { h, caseOf } = desk({ overflowAt: 2 });
    const first = await caseOf(9511, "almaty_city");
    const second = await caseOf(9512, "almaty_city");
    expect(second.opened.text).toMatch(/number \W?2\W? in the queue/);
    const third = await caseOf(9513, "almaty_city");
    expect(third.chat).toBe(NATIONAL);
    expect(textOf(third.card)).toContain("Sent here, not to the regional group (Almaty (city)): cases waiting there for an operator: 2");
    // The user's place counts the cases waiting in their case's group: none ahead in the national one.
    expect(third.opened.text).toMatch(/number \W?1\W? in the queue/);

    // Once Aigerim claims one, the Almaty group can take the next again.
    await h.send(almaty.callback(AIGERIM, `c:claim:1.${first.thread}`));
    const fourth = await caseOf(9514, "almaty_city");
    expect(fourth.chat).toBe(ALMATY);
  });
});

describe("a case in a regional group", () => {
  it("goes round trip there: the user's messages, the operator's answers, the resolution and the closed topic", async () => {
    const { h, caseOf } = desk();
    const { user, thread } = await caseOf(9521, "almaty_city");
    const asked = await user.say("my classmates hit me");
    expect(asked.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: thread });

    const answered = await h.send(almaty.text(AIGERIM, "I am here, tell me more", { thread }));
    const toUser = answered.find((c) => c.method === "copyMessage" && c.payload.chat_id === 9521)!;
    expect(toUser.payload.from_chat_id).toBe(ALMATY);
    expect((await h.deps.desk!.store.get(1))?.claimedBy).toBe(AIGERIM.id);
    // The claim's notice and the card's edit are in the Almaty group, never in the national one.
    expect(answered.some((c) => c.payload.chat_id === NATIONAL)).toBe(false);
    expect(said(answered, ALMATY).join()).toContain("Aigerim");

    // Resolved through the dialogue, every step in the regional group.
    const resolved = await resolveThrough(h, ALMATY, AIGERIM, 1);
    expect(resolved.some((c) => c.method === "sendMessage" && c.payload.chat_id === 9521)).toBe(true);
    expect(resolved.find((c) => c.method === "closeForumTopic")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: thread });
    expect(resolved.some((c) => c.payload.chat_id === NATIONAL)).toBe(false);

    // Writing again reopens it in the same group and topic.
    const again = await user.say("it happened again");
    expect(again.calls.find((c) => c.method === "reopenForumTopic")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: thread });
    expect(again.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: thread });
  });

  it("is raised in its group's General topic, its deleted topic is made again there, and its topic is deleted there when retention ends", async () => {
    const { h, caseOf, advance } = desk();
    const { user, thread } = await caseOf(9531, "almaty_city");
    await user.say("I want to kill myself tonight");
    advance(3 * 60_000);
    const mark = h.telegram.mark();
    expect(await h.deps.desk!.sweep(() => "still waiting")).toBe(1);
    const raised = h.telegram.since(mark).find((c) => c.method === "sendMessage" && textOf(c).includes("#1 has waited"))!;
    expect(raised.payload).toMatchObject({ chat_id: ALMATY });
    expect(raised.payload.message_thread_id).toBeUndefined();

    h.telegram.failNext("copyMessage", { error_code: 400, description: "Bad Request: message thread not found" });
    const recreated = await user.say("are you there?");
    expect(recreated.calls.find((c) => c.method === "createForumTopic")?.payload.chat_id).toBe(ALMATY);
    const newThread = (recreated.calls.find((c) => c.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
    expect(recreated.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: newThread });
    expect(newThread).not.toBe(thread);

    await resolveThrough(h, ALMATY, AIGERIM, 1, { thread: newThread });
    advance(31 * 24 * 3_600_000);
    const before = h.telegram.mark();
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(1);
    expect(h.telegram.since(before).find((c) => c.method === "deleteForumTopic")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: newThread });
  });
});

describe("a regional case's user erases their data (/forget)", () => {
  it("the conversation is deleted in the Almaty group, an operator writing there is told, and the topic goes from there a day later", async () => {
    const { h, caseOf, advance } = desk();
    const { user, thread, card } = await caseOf(9591, "almaty_city");
    const asked = await user.say("please help");
    const copy = (asked.calls.find((c) => c.method === "copyMessage")!.result as { message_id: number }).message_id;
    await user.say("/forget");
    const erased = await user.pressNth(1);
    const deleted = erased.calls.filter((c) => c.method === "deleteMessages").map((c) => c.payload);
    expect(deleted).toEqual([{ chat_id: ALMATY, message_ids: expect.arrayContaining([copy, (card.result as { message_id: number }).message_id]) }]);
    expect(said(erased.calls, ALMATY).join()).toContain("erased their data");
    const late = await h.send(almaty.text(AIGERIM, "are you still there?", { thread }));
    expect(said(late, ALMATY).join()).toContain("Not delivered: this user erased their data");
    expect(late.some((c) => c.payload.chat_id === 9591)).toBe(false);
    advance(24 * 3_600_000 + 60_000);
    const mark = h.telegram.mark();
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(1);
    expect(h.telegram.since(mark).find((c) => c.method === "deleteForumTopic")?.payload).toMatchObject({ chat_id: ALMATY, message_thread_id: thread });
  });
});

describe("acting from the wrong group", () => {
  it("a case's button pressed in another staff group is refused, saying where the case is; nothing changes", async () => {
    const { h, caseOf } = desk();
    const { thread } = await caseOf(9541, "almaty_city");
    const pressed = await h.send(national.callback(DANA, `c:claim:1.${thread}`));
    expect(answerOf(pressed)).toBe("Case #1 is handled in the regional group (Almaty (city)): act on it there.");
    expect(pressed.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
    expect(pressed.some((c) => c.method === "editMessageText")).toBe(false);
    // Resolve too: no dialogue begins in the wrong group.
    const resolve = await h.send(national.callback(DANA, `c:res:1.${thread}`));
    expect(answerOf(resolve)).toBe("Case #1 is handled in the regional group (Almaty (city)): act on it there.");
    expect(resolve.some((c) => c.method === "sendMessage")).toBe(false);
  });

  it("a topic of the same number in another group is another case: an operator writing there does not reach this user", async () => {
    const { h, caseOf } = desk();
    const inAlmaty = await caseOf(9551, "almaty_city");
    const inNational = await caseOf(9552);
    expect(inNational.thread).toBe(inAlmaty.thread); // each group numbers its own topics
    const written = await h.send(national.text(DANA, "Hello, I am Dana", { thread: inNational.thread }));
    expect(written.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(9552);
    expect(written.some((c) => c.payload.chat_id === 9551)).toBe(false);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });

  it("membership is asked of the group written in: a national operator is no member of the Almaty group", async () => {
    const { h, caseOf } = desk();
    const { thread } = await caseOf(9561, "almaty_city");
    const pressed = await h.send(almaty.callback(DANA, `c:claim:1.${thread}`));
    expect(pressed.find((c) => c.method === "getChatMember")?.payload).toMatchObject({ chat_id: ALMATY, user_id: DANA.id });
    expect(answerOf(pressed)).toBe("Only Senim staff can do this.");
    const written = await h.send(almaty.text(DANA, "hello", { thread }));
    expect(written.some((c) => c.payload.chat_id === 9561)).toBe(false);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });

  it("/transfer stays within the group: a colleague who is not staff there is not known", async () => {
    const { h, caseOf } = desk();
    const { thread } = await caseOf(9571, "almaty_city");
    await h.send(national.text({ ...DANA, username: "dana_kz" }, "/queue")); // Dana's @name is known now
    const moved = await h.send(almaty.text(AIGERIM, "/transfer @dana_kz please take this one", { thread }));
    expect(said(moved, ALMATY).join()).toContain("do not know");
    expect((await h.deps.desk!.store.get(1))?.claimedBy).toBeUndefined();
  });
});

describe("the lists in each group", () => {
  it("/queue and /mine: the regional group sees its own cases, the national group every case, a regional one marked with its group", async () => {
    const { h, caseOf } = desk();
    const a = await caseOf(9581, "almaty_city");
    await caseOf(9582, "shymkent");
    await h.send(almaty.callback(AIGERIM, `c:claim:1.${a.thread}`));

    const regional = said(await h.send(almaty.text(AIGERIM, "/queue")), ALMATY).join();
    expect(regional).toContain("#1");
    expect(regional).not.toContain("#2");
    const all = said(await h.send(national.text(DANA, "/queue")), NATIONAL).join();
    expect(all).toMatch(/#1 [^\n]*📍 the regional group \(Almaty \(city\)\)/);
    expect(all).toMatch(/#2 (?![^\n]*📍)/);

    expect(said(await h.send(almaty.text(AIGERIM, "/mine")), ALMATY).join()).toContain("#1");
  });
});

describe("setting up several groups", () => {
  it("the start-up check and the command list cover each group; a regional group's problem is said there and logged with its regions", async () => {
    const { h } = desk();
    h.telegram.forumIn = (chat) => chat !== ALMATY;
    await h.app.init();
    const inAlmaty = h.telegram.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === ALMATY)!;
    expect(textOf(inAlmaty)).toContain("Turn on Topics");
    expect(h.telegram.calls.some((c) => c.method === "sendMessage" && c.payload.chat_id === NATIONAL)).toBe(false);
    const logs = h.logs.lines.map((l) => JSON.parse(l) as { msg: string; problems?: string[] });
    expect(logs.find((l) => l.problems)?.msg).toContain("staff group not ready (STAFF_GROUPS almaty_city)");
    expect(logs.some((l) => l.msg.includes("staff group ready"))).toBe(true); // the national one
    const scoped = h.telegram.calls.filter((c) => c.method === "setMyCommands" && (c.payload.scope as { type: string }).type === "chat" && c.payload.language_code === undefined);
    expect(scoped.map((c) => (c.payload.scope as { chat_id: number }).chat_id).sort()).toEqual([NATIONAL, ALMATY].sort());
  });

  it("the bot stays in a regional group and leaves any other", async () => {
    const { h } = desk();
    const joined = await h.send(almaty.myChatMember({ id: AIGERIM.id, first_name: "Aigerim" }, "left", "administrator"));
    expect(joined.map((c) => c.method)).not.toContain("leaveChat");
    const other = await h.send(group(-1005555).myChatMember({ id: AIGERIM.id, first_name: "Aigerim" }, "left", "member"));
    expect(other.map((c) => c.method)).toContain("leaveChat");
  });
});
