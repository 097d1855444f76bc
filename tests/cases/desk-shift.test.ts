/**
 * A night shift on the desk (issue #15, "Found broken"): what went wrong when the desk was
 * worked as staff would, with two operators and several users, each as a conversation
 * through the fake Telegram.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { staffGroup, group } from "../../src/testing/updates.js";
import { DEFAULT_OPERATOR_HOURS } from "../../src/config.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const STAFF = -1001234500077;
const db = useTestRedis("desk-shift");
const redis = db.redis;

const staff = staffGroup(STAFF);
const operator = (id: number, name = "Aigerim") => ({ id, first_name: name });
const staffPress = (from: number, data: string, messageId?: number) => staff.callback(operator(from), data, { messageId });
/** What the bot said in the staff group, in a topic or in General. */
const toStaff = (calls: ApiCall[]) => calls.filter((c) => c.payload.chat_id === STAFF && (c.method === "sendMessage" || c.method === "editMessageText"));
const answerOf = (calls: ApiCall[]) => String(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "");

function shift(options: { supervisors?: number[] } = {}) {
  let clock = new Date("2026-03-02T10:00:00Z").getTime();
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(clock), desk: { supervisors: options.supervisors ?? [] } });
  /** A user who asks for a person: their case's topic and the card's message id. */
  async function caseOf(id: number, lang: "kk" | "ru" | "en" = "en") {
    const user = new TestUser(h, { id, language_code: lang });
    await onboard(user, lang, "child");
    const opened = await user.press("m:person");
    const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
    const thread = (topic.result as { message_thread_id: number }).message_thread_id;
    const card = opened.calls.find((c) => c.method === "sendMessage" && c.payload.message_thread_id === thread)!;
    const cardId = (card.result as { message_id: number }).message_id;
    return { user, opened, thread, cardId };
  }
  return { h, caseOf, advance: (ms: number) => (clock += ms) };
}

describe("a reopened case", () => {
  it("can be resolved again: the topic gets the card's buttons back, the case leaves the queue, and the first rating stays", async () => {
    const { h, caseOf } = shift();
    const { user } = await caseOf(9301);
    await resolveThrough(h, STAFF, operator(701), 1);
    await user.send(user.updates.callback("rate:1:5"));
    const again = await user.say("it started again");
    const staffSide = toStaff(again.calls);
    expect(staffSide.flatMap((c) => buttonsOf(c).map((b) => b.callback_data)).some((d) => /^c:res:1\b/.test(d ?? ""))).toBe(true);
    expect((await h.deps.desk!.store.get(1))?.rating).toBe(5);
    const resolved = await resolveThrough(h, STAFF, operator(701), 1, { outcome: "referred" });
    expect(resolved.some((c) => c.method === "sendMessage" && c.payload.chat_id === 9301)).toBe(true);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("resolved");
    expect(await h.deps.desk!.store.queueLength()).toBe(0);
    const queue = await h.send(staff.text(operator(701), "/queue"));
    expect(textOf(queue.find((c) => c.method === "sendMessage")!)).toContain("The queue is empty");
  });
});

describe("what a user sends during a case", () => {
  it("a location reaches the operator and does not change the user's region", async () => {
    const { caseOf } = shift();
    const { user, thread } = await caseOf(9302);
    const sent = await user.send(user.updates.location(43.24, 76.89));
    expect(sent.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: STAFF, message_thread_id: thread });
    expect(sent.text).not.toContain("nearest services");
    const venue = await user.send(user.updates.message({ location: { latitude: 43.24, longitude: 76.89 }, venue: { location: { latitude: 43.24, longitude: 76.89 }, title: "School 12", address: "Abay 1" } } as never));
    expect(venue.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: STAFF, message_thread_id: thread });
  });

  it("an edit reaches the operator", async () => {
    const { caseOf } = shift();
    const { user, thread } = await caseOf(9303);
    await user.say("my stepfather hit me");
    const edited = await user.send(user.updates.edit("my stepfather hit me again today"));
    expect(edited.calls.find((c) => c.method === "copyMessage")?.payload).toMatchObject({ chat_id: STAFF, message_thread_id: thread });
  });
});

describe("edits and replies", () => {
  it("an operator's edit changes the user's copy; a reply keeps its context both ways", async () => {
    const { h, caseOf } = shift();
    const { user, thread } = await caseOf(9307);
    const question = user.updates.text("can I talk to you?");
    const asked = await user.send(question);
    const userCopyInStaff = (asked.calls.find((c) => c.method === "copyMessage")!.result as { message_id: number }).message_id;

    // The operator answers that message as a reply: the user sees it as a reply to their own.
    const reply = staff.message(operator(701), { text: "Yes, I am here", reply_to_message: { message_id: userCopyInStaff } } as never, { thread });
    const answered = await h.send(reply);
    const toUser = answered.find((c) => c.method === "copyMessage" && c.payload.chat_id === 9307)!;
    expect(toUser.payload.reply_parameters).toMatchObject({ message_id: question.message!.message_id });
    const operatorCopyInUserChat = (toUser.result as { message_id: number }).message_id;

    // The operator corrects it: the user's copy is edited, not sent again.
    const edited = await h.send({ update_id: reply.update_id + 1_000_000, edited_message: { ...reply.message!, text: "Yes, I am here now", edit_date: 1 } });
    const edit = edited.find((c) => c.method === "editMessageText")!;
    expect(edit.payload).toMatchObject({ chat_id: 9307, message_id: operatorCopyInUserChat, text: "Yes, I am here now" });

    // The user replies to the operator's message: the operator sees it as a reply to theirs.
    const back = await user.send(user.updates.message({ text: "thank you", reply_to_message: { message_id: operatorCopyInUserChat } } as never));
    const toStaffCopy = back.calls.find((c) => c.method === "copyMessage" && c.payload.chat_id === STAFF)!;
    expect(toStaffCopy.payload.reply_parameters).toMatchObject({ message_id: reply.message!.message_id });
  });
});

describe("edits while the user is away", () => {
  it("an edit after the quick exit is not passed on, and the operator is told", async () => {
    const { h, caseOf } = shift();
    const { user, thread } = await caseOf(9308);
    const answer = staff.text(operator(701), "Are you safe?", { thread });
    await h.send(answer);
    await user.send(user.updates.callback("m:hide"));
    const edited = await h.send({ update_id: answer.update_id + 1_000_000, edited_message: { ...answer.message!, text: "Are you safe now?", edit_date: 1 } });
    expect(edited.some((c) => c.payload.chat_id === 9308)).toBe(false);
    expect(toStaff(edited).map(textOf).join()).toContain("quick exit");
  });
});

describe("what staff send in a topic", () => {
  it("an anonymous admin's message reaches the user", async () => {
    const { h, caseOf } = shift();
    const { thread } = await caseOf(9304);
    const anonymous = { id: 1087968824, first_name: "Group", username: "GroupAnonymousBot", is_bot: true };
    const sent = await h.send(staff.message(anonymous, { text: "I am here", sender_chat: { id: STAFF, type: "supergroup", title: "Senim staff" } } as never, { thread }));
    expect(sent.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(9304);
  });

  it("a dice and a poll reach the user; a text starting with '/' is not lost silently", async () => {
    const { h, caseOf } = shift();
    const { thread } = await caseOf(9305);
    const dice = await h.send(staff.message(operator(701), { dice: { emoji: "🎲", value: 3 } } as never, { thread }));
    expect(dice.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(9305);
    const poll = await h.send(staff.message(operator(701), { poll: { id: "p", question: "Which?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } } as never, { thread }));
    expect(poll.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(9305);
    const slash = await h.send(staff.text(operator(701), "/start is where you begin", { thread }));
    expect(slash.some((c) => c.payload.chat_id === 9305)).toBe(false);
    const told = toStaff(slash).find((c) => c.payload.message_thread_id === thread);
    expect(told && textOf(told)).toContain("Not sent");
  });

  it("a case button pressed in another group stops its spinner and reveals nothing", async () => {
    const { h, caseOf } = shift();
    await caseOf(9306);
    const other = group(-1009999);
    const pressed = await h.send(other.callback(operator(701), "c:claim:1"));
    expect(pressed.map((c) => c.method)).toContain("answerCallbackQuery");
    expect(answerOf(pressed)).toBe("");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });
});

describe("the queue and claims", () => {
  it("a user's place in the queue counts only the cases still waiting", async () => {
    const { h, caseOf } = shift();
    await caseOf(9311);
    await caseOf(9312);
    await h.send(staffPress(701, "c:claim:1"));
    await h.send(staffPress(702, "c:claim:2"));
    const { opened } = await caseOf(9313);
    expect(opened.text).toContain("number 1 in the queue");
  });

  it("claiming by writing updates the card; a saved reply claims too", async () => {
    const { h, caseOf } = shift();
    const { thread, cardId } = await caseOf(9314);
    const wrote = await h.send(staff.text(operator(701, "Dana"), "Hello, I am here", { thread }));
    const card = wrote.find((c) => c.method === "editMessageText" && c.payload.message_id === cardId);
    expect(card && textOf(card)).toContain("claimed");
    expect(toStaff(wrote).some((c) => textOf(c).includes("Claimed by Dana"))).toBe(true);

    const second = await caseOf(9315);
    await h.send(staffPress(702, "c:tpl:2:greeting"));
    const c2 = await h.deps.desk!.store.get(2);
    expect(c2?.status).toBe("claimed");
    expect(c2?.claimedBy).toBe(702);
    void second;
  });

  it("back to queue is for the claimer or a supervisor; the claimer pressing Claim again is told it is theirs; a colleague writing is warned", async () => {
    const { h, caseOf } = shift({ supervisors: [900] });
    const { thread } = await caseOf(9316);
    await h.send(staffPress(701, "c:claim:1"));
    expect(answerOf(await h.send(staffPress(701, "c:claim:1")))).toContain("already yours");
    const other = await h.send(staffPress(702, "c:rel:1"));
    expect(answerOf(other)).toContain("Only the operator who claimed");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("claimed");
    const colleague = await h.send(staff.text(operator(702), "Can I help?", { thread }));
    expect(colleague.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(9316);
    expect(toStaff(colleague).some((c) => textOf(c).includes("another operator has claimed"))).toBe(true);
    const supervisor = await h.send(staffPress(900, "c:rel:1"));
    expect(answerOf(supervisor)).toContain("Back in the queue");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });
});

describe("the card and the topic follow the case", () => {
  it("the summary is what the user typed, the risk follows, and the title and topic show claimed and resolved", async () => {
    const { h, caseOf } = shift();
    const { user, thread, cardId } = await caseOf(9321);
    const first = await user.say("my classmates post my photos");
    const card1 = first.calls.find((c) => c.method === "editMessageText" && c.payload.message_id === cardId);
    expect(card1 && textOf(card1)).toContain("my classmates post my photos");
    const crisis = await user.say("I want to kill myself tonight");
    const card2 = crisis.calls.find((c) => c.method === "editMessageText" && c.payload.message_id === cardId);
    expect(card2 && textOf(card2)).toContain("emergency");
    const claimed = await h.send(staffPress(701, "c:claim:1", cardId));
    expect(claimed.find((c) => c.method === "editForumTopic")?.payload.name).toMatch(/^✋/);
    const resolved = await resolveThrough(h, STAFF, operator(701), 1, { category: "bullying.online" });
    expect(resolved.find((c) => c.method === "editForumTopic")?.payload.name).toMatch(/^✅/);
    const card3 = resolved.find((c) => c.method === "editMessageText" && c.payload.message_id === cardId)!;
    expect(textOf(card3)).toContain("Resolution: Helped · Bullying › Cyberbullying");
    expect(buttonsOf(card3)).toHaveLength(0);
    expect(resolved.find((c) => c.method === "closeForumTopic")?.payload.message_thread_id).toBe(thread);
    const back = await user.say("hello again");
    expect(back.calls.find((c) => c.method === "reopenForumTopic")?.payload.message_thread_id).toBe(thread);
  });

  it("a deleted topic is re-created with the conversation so far", async () => {
    const { h, caseOf } = shift();
    const { user } = await caseOf(9322);
    await user.say("first thing I said");
    await h.send(staff.text(operator(701), "I read you", { thread: (await h.deps.desk!.store.get(1))!.threadId! }));
    h.telegram.failNext("copyMessage", { error_code: 400, description: "Bad Request: message thread not found" });
    const reply = await user.say("are you there?");
    const topic = reply.calls.find((c) => c.method === "createForumTopic")!;
    const newThread = (topic.result as { message_thread_id: number }).message_thread_id;
    const history = toStaff(reply.calls).filter((c) => c.payload.message_thread_id === newThread).map(textOf).join("\n");
    expect(history).toContain("first thing I said");
    expect(history).toContain("I read you");
  });
});

describe("what staff are told", () => {
  it("a rating and an 'I'm okay' answer to a check-in reach the topic", async () => {
    const { h, caseOf } = shift();
    const { user, thread } = await caseOf(9331);
    await resolveThrough(h, STAFF, operator(701), 1);
    const rated = await user.send(user.updates.callback("rate:1:4"));
    expect(toStaff(rated.calls).some((c) => c.payload.message_thread_id === thread && textOf(c).includes("4"))).toBe(true);
    const ok = await user.send(user.updates.callback("ci:ok:1"));
    expect(toStaff(ok.calls).some((c) => c.payload.message_thread_id === thread && textOf(c).includes("okay"))).toBe(true);
  });

  it("a blocked user is told the truth, and a supervisor can unblock them", async () => {
    const { h, caseOf } = shift({ supervisors: [900] });
    const { user, thread } = await caseOf(9332);
    await h.send(staffPress(900, "c:block:1"));
    const asked = await user.send(user.updates.callback("m:person"));
    expect(asked.text).not.toContain("not connected yet");
    expect(asked.text).toContain("112");
    const denied = await h.send(staff.text(operator(701), "/unblock", { thread }));
    expect(toStaff(denied).map(textOf).join()).toContain("Only supervisors");
    const unblocked = await h.send(staff.text(operator(900), "/unblock", { thread }));
    expect(toStaff(unblocked).map(textOf).join()).toContain("unblocked");
    const again = await user.send(user.updates.callback("m:person"));
    expect(again.calls.some((c) => c.method === "createForumTopic" || (c.method === "sendMessage" && c.payload.chat_id === STAFF))).toBe(true);
  });

  it("copies into the staff group are protected from saving and forwarding", async () => {
    const { caseOf } = shift();
    const { user } = await caseOf(9333);
    const sent = await user.say("something private");
    expect(sent.calls.find((c) => c.method === "copyMessage")?.payload.protect_content).toBe(true);
  });
});

describe("small things", () => {
  it("the off-duty time reads right in Russian, and /queue lines do not repeat the icon and number", async () => {
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, desk: { hours: DEFAULT_OPERATOR_HOURS }, now: () => new Date("2026-03-03T20:00:00Z") });
    const user = new TestUser(h, { id: 9341, language_code: "ru" });
    await onboard(user, "ru", "parent");
    const opened = await user.press("m:person");
    expect(opened.text).not.toMatch(/ с среда/);
    const queue = textOf((await h.send(staff.text(operator(701), "/queue"))).find((c) => c.method === "sendMessage")!);
    expect(queue.match(/#1\b/g)).toHaveLength(1);
  });
});

describe("what operators of the anchors rely on", () => {
  it("the card of a returning user shows their earlier cases, how the last ended, and no name", async () => {
    const { h, caseOf, advance } = shift();
    const { user } = await caseOf(9351);
    await user.say("they took my phone again");
    await resolveThrough(h, STAFF, operator(701), 1, { outcome: "referred" });
    advance(4 * 24 * 3_600_000); // past the reopening window: a new case
    const again = await user.send(user.updates.callback("m:person"));
    const card = again.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF && textOf(c).includes("Case #2"))!;
    expect(textOf(card)).toContain("Earlier cases of this user: 1 · the last: Referred to a service,");
    expect(JSON.stringify(card.payload)).not.toContain("9351");
    const first = await caseOf(9352);
    const firstCard = first.opened.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!;
    expect(textOf(firstCard)).not.toContain("Earlier cases");
  });

  it("/mine lists an operator's own open cases; /transfer hands one to a named colleague with a note", async () => {
    const { h, caseOf } = shift();
    const first = await caseOf(9353);
    await caseOf(9354);
    await h.send(staffPress(701, "c:claim:1"));
    await h.send(staffPress(702, "c:claim:2"));
    const mine = textOf((await h.send(staff.text(operator(701), "/mine"))).find((c) => c.method === "sendMessage")!);
    expect(mine).toContain("#1");
    expect(mine).not.toContain("#2");

    // Dana (703) has acted in the group before: her @name is known to the desk.
    h.telegram.memberStatus = () => "member";
    await h.send(staff.text({ id: 703, first_name: "Dana", username: "dana_kz" }, "/queue"));
    const denied = await h.send(staff.text(operator(702), "/transfer @dana_kz night shift ends", { thread: first.thread }));
    expect(toStaff(denied).map(textOf).join()).toContain("Only the operator who claimed");
    const moved = await h.send(staff.text(operator(701), "/transfer @dana_kz she asked for a woman; knows about the school", { thread: first.thread }));
    expect(toStaff(moved).map(textOf).join()).toContain("she asked for a woman");
    expect((await h.deps.desk!.store.get(1))?.claimedBy).toBe(703);
    expect(moved.some((c) => c.payload.chat_id === 9353)).toBe(false); // the note stays with staff
    const hers = textOf((await h.send(staff.text({ id: 703, first_name: "Dana", username: "dana_kz" }, "/mine"))).find((c) => c.method === "sendMessage")!);
    expect(hers).toContain("#1");
    const unknown = await h.send(staff.text(operator(703), "/transfer @nobody_here", { thread: first.thread }));
    expect(toStaff(unknown).map(textOf).join()).toContain("do not know");
  });
});

describe("the staff group's commands", () => {
  it("are listed for the staff group only, in every language", async () => {
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF });
    await h.app.init();
    const staffLists = h.telegram.calls.filter((c) => c.method === "setMyCommands" && (c.payload.scope as { chat_id?: number }).chat_id === STAFF);
    expect(staffLists.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "en", "kk", "ru"]);
    const kk = staffLists.find((c) => c.payload.language_code === "kk")!;
    expect((kk.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(["queue", "mine", "note", "transfer", "unblock", "report", "export", "directory", "replies", "id"]);
    const privateLists = h.telegram.calls.filter((c) => c.method === "setMyCommands" && (c.payload.scope as { type: string }).type === "all_private_chats");
    expect(privateLists.every((c) => !(c.payload.commands as { command: string }[]).some((x) => x.command === "queue"))).toBe(true);
  });
});

describe("retention on the Telegram side", () => {
  it("/forget deletes the conversation from the topic at once and the topic a day later; /privacy says so", async () => {
    const { h, caseOf, advance } = shift();
    const { user, thread, cardId } = await caseOf(9361);
    const said = await user.say("something only for the operator");
    const userCopy = (said.calls.find((c) => c.method === "copyMessage")!.result as { message_id: number }).message_id;
    const answer = staff.text(operator(701), "I hear you", { thread });
    await h.send(answer);
    await user.say("/forget");
    const erased = await user.pressNth(1);
    const deleted = erased.calls.filter((c) => c.method === "deleteMessages" && c.payload.chat_id === STAFF).flatMap((c) => c.payload.message_ids as number[]);
    expect(deleted.sort()).toEqual([userCopy, answer.message!.message_id, cardId].sort());
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(0); // the line saying so stays a while
    advance(24 * 3_600_000 + 60_000);
    const mark = h.telegram.mark();
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(1);
    expect(h.telegram.since(mark).find((c) => c.method === "deleteForumTopic")?.payload).toMatchObject({ chat_id: STAFF, message_thread_id: thread });
    expect((await user.say("/privacy")).text).toContain("The topic is deleted when your request's storage time ends");
  });

  it("a resolved case's topic is deleted when its retention ends, not while it may reopen", async () => {
    const { h, caseOf, advance } = shift();
    const { user, thread } = await caseOf(9362);
    await resolveThrough(h, STAFF, operator(701), 1);
    advance(24 * 3_600_000);
    await user.say("one more thing"); // reopened: its topic is no longer due
    await resolveThrough(h, STAFF, operator(701), 1);
    advance(29 * 24 * 3_600_000);
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(0);
    advance(2 * 24 * 3_600_000);
    const mark = h.telegram.mark();
    expect(await h.deps.desk!.deleteExpiredTopics()).toBe(1);
    expect(h.telegram.since(mark).find((c) => c.method === "deleteForumTopic")?.payload.message_thread_id).toBe(thread);
  });
});
