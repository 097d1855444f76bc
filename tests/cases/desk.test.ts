/**
 * Operators through the bot: a user asks for a person, the case gets its forum topic and
 * card, messages relay both ways without names or ids, notes stay internal, claims are
 * exactly-once across two bot instances, risk rises move the case, limits are raised once,
 * Telegram failures are retried from the outbox, and a deleted topic is re-created.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";
import { checkInMessage } from "../../src/bot/desk/render.js";
import { checkInTime } from "../../src/cases/rules.js";
import { createI18n } from "../../src/i18n.js";
import { DEFAULT_OPERATOR_HOURS } from "../../src/config.js";

const STAFF = -1001234500000;
const db = useTestRedis("desk");
const redis = db.redis;

const staff = staffGroup(STAFF);
const operator = (id: number, name = "Aigerim") => ({ id, first_name: name });
/** An operator presses a button of a case card. */
const staffPress = (from: number, data: string) => staff.callback(operator(from), data);

async function openCase(lang: "kk" | "ru" | "en" = "ru", id = 9001) {
  let clock = new Date("2026-03-02T10:00:00Z").getTime();
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(clock) });
  const user = new TestUser(h, { id, language_code: lang });
  await onboard(user, lang, "child");
  const opened = await user.press("m:person");
  const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
  const thread = (topic.result as { message_thread_id: number }).message_thread_id;
  return { h, user, opened, thread, advance: (ms: number) => (clock += ms) };
}

describe("opening a case", () => {
  it("creates a forum topic with the case card and tells the user honestly what happens", async () => {
    const { opened, thread } = await openCase("kk");
    const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
    expect(topic.payload.chat_id).toBe(STAFF);
    expect(topic.payload.name).toBe("⚪ #1 · kk · — · —");
    const card = opened.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!;
    expect(card.payload.message_thread_id).toBe(thread);
    expect(textOf(card)).toContain("Case #1");
    expect(buttonsOf(card).map((b) => b.text)).toEqual(expect.arrayContaining(["✋ Claim", "✅ Resolve"]));
    const toUser = opened.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === 9001)!;
    expect(textOf(toUser)).toContain("1-орындасың"); // place in the queue (a child: informal)
    expect(textOf(toUser)).toContain("қазір жұмыста"); // on duty now (24/7 in tests)
    expect(textOf(toUser)).toMatch(/112[\s\S]*150[\s\S]*111/);
    // Nothing that names the user reaches the staff group.
    const staffText = opened.calls.filter((c) => c.payload.chat_id === STAFF).map((c) => JSON.stringify(c.payload)).join();
    expect(staffText).not.toContain("9001");
  });

  it("off duty, the user is told when operators are back", async () => {
    const h = createHarness({
      redis,
      prefix: db.prefix,
      operatorChatId: STAFF,
      desk: { hours: DEFAULT_OPERATOR_HOURS }, // weekdays from 09:00
      now: () => new Date("2026-03-07T22:00:00Z"), // Sunday 03:00 in Kazakhstan
    });
    const user = new TestUser(h, { id: 9002, language_code: "en" });
    await onboard(user, "en", "parent");
    const opened = await user.press("m:person");
    expect(opened.text).toContain("not on duty right now");
    expect(opened.text).toContain("Monday 09:00");
  });

  it("without a staff group, 'Talk to a person' gives the lines where people answer now", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 9003, language_code: "en" });
    const reply = await user.send(user.updates.callback("m:person"));
    expect(reply.text).toContain("not connected yet");
    expect(reply.methods()).not.toContain("createForumTopic");
  });
});

describe("relay", () => {
  it("user messages of every kind are copied into the topic; operator messages are copied to the user", async () => {
    const { h, user, thread } = await openCase("ru");
    const text = await user.say("Мне страшно возвращаться домой");
    const copy = text.calls.find((c) => c.method === "copyMessage")!;
    expect(copy.payload).toMatchObject({ chat_id: STAFF, from_chat_id: 9001, message_thread_id: thread });
    const photo = await user.send(user.updates.photo());
    expect(photo.calls.filter((c) => c.method === "copyMessage")).toHaveLength(1);
    const voice = await user.send(user.updates.voice());
    expect(voice.calls.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(STAFF);

    const answer = await h.send(staff.text(operator(555), "Здравствуй, я рядом. Ты сейчас в безопасности?", { thread }));
    const toUser = answer.find((c) => c.method === "copyMessage")!;
    expect(toUser.payload).toMatchObject({ chat_id: 9001, from_chat_id: STAFF, protect_content: true });
    expect(JSON.stringify(toUser.payload)).not.toContain("Aigerim");
    // The first operator reply claims the case.
    const queue = await h.send(staff.text(operator(555), "/queue"));
    expect(textOf(queue.find((c) => c.method === "sendMessage")!)).toContain("claimed");
  });

  it("/note stays in the staff group", async () => {
    const { h, thread } = await openCase("en");
    const note = await h.send(staff.text(operator(555), "/note seems older than 16", { thread }));
    expect(note.filter((c) => c.payload.chat_id === 9001)).toEqual([]);
    expect(textOf(note.find((c) => c.method === "sendMessage")!)).toContain("Note saved");
  });

  it("a crisis message raises the case's risk, its title and its place in the queue, and gives the numbers", async () => {
    const { h, user, thread } = await openCase("ru");
    const reply = await user.say("я больше не хочу жить, сегодня всё закончу");
    expect(reply.calls.find((c) => c.method === "editForumTopic")?.payload).toMatchObject({ message_thread_id: thread, name: "🔴 #1 · ru · — · —" });
    const userReply = reply.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === 9001)!;
    expect(textOf(userReply)).toContain("112");
    expect(userReply.payload.protect_content).toBe(true);
    const c = await h.deps.desk!.store.get(1);
    expect(c?.risk).toBe("emergency");
  });
});

describe("claiming and resolving", () => {
  it("two operators pressing Claim on two bot instances: exactly one owner, a clear message to the other", async () => {
    const { h } = await openCase("en");
    const second = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF });
    const [a, b] = await Promise.all([h.send(staffPress(701, "c:claim:1")), second.send(staffPress(702, "c:claim:1"))]);
    const answers = [...a, ...b].filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text));
    expect(answers.filter((t) => t === "The case is yours.")).toHaveLength(1);
    expect(answers.filter((t) => t.includes("Another operator has already claimed"))).toHaveLength(1);
  });

  it("resolving tells the user, who can rate 1–5; a forged rating of another case does nothing; writing again reopens", async () => {
    const { h, user } = await openCase("en");
    const resolved = await resolveThrough(h, STAFF, operator(701), 1);
    const toUser = resolved.find((c) => c.method === "sendMessage" && c.payload.chat_id === 9001)!;
    expect(textOf(toUser)).toContain("closed this conversation");
    expect(buttonsOf(toUser).map((b) => b.callback_data)).toEqual(["rate:1:1", "rate:1:2", "rate:1:3", "rate:1:4", "rate:1:5", "ci:1"]);

    const intruder = new TestUser(h, { id: 9999, language_code: "en" });
    const forged = await intruder.send(intruder.updates.callback("rate:1:1"));
    expect(forged.text).toBe("");
    expect((await h.deps.desk!.store.get(1))?.rating).toBeUndefined();

    const rated = await user.send(user.updates.callback("rate:1:5"));
    expect(rated.text).toContain("Thank you for your answer");
    expect((await h.deps.desk!.store.get(1))?.rating).toBe(5);

    const again = await user.say("it started again");
    expect(again.text).toContain("reopened");
    expect(again.calls.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(STAFF);
  });

  it("saved replies go to the user in their language", async () => {
    const { h } = await openCase("kk");
    const sent = await h.send(staffPress(701, "c:tpl:1:safe"));
    const toUser = sent.find((c) => c.method === "sendMessage" && c.payload.chat_id === 9001)!;
    expect(textOf(toUser)).toContain("Қазір қауіпсіз жердесің бе?"); // to a child: informal
  });

  it("someone who is not staff gets nothing that reveals a case", async () => {
    const { h } = await openCase("en");
    h.telegram.memberStatus = (id) => (id === 666 ? "left" : "member");
    const calls = await h.send(staffPress(666, "c:claim:1"));
    expect(calls.map((c) => c.method)).toEqual(["getChatMember", "answerCallbackQuery"]);
    expect(String(calls[1]!.payload.text)).toBe("Only Senim staff can do this.");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });

  it("only supervisors can block", async () => {
    const { h } = await openCase("en");
    const denied = await h.send(staffPress(701, "c:block:1"));
    expect(String(denied.find((c) => c.method === "answerCallbackQuery")?.payload.text)).toContain("Only supervisors");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
  });
});

describe("waiting limits and failures", () => {
  it("an unclaimed emergency past 2 minutes is raised once in General and the user is told honestly", async () => {
    const { h, user, advance } = await openCase("en");
    await user.say("I want to kill myself tonight");
    advance(3 * 60_000);
    const desk = h.deps.desk!;
    const userText = () => "still waiting";
    const mark = h.telegram.mark();
    expect(await desk.sweep(userText)).toBe(1);
    expect(await desk.sweep(userText)).toBe(0); // not on every tick
    const second = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(Date.parse("2026-03-02T10:03:00Z")) });
    expect(await second.deps.desk!.sweep(userText)).toBe(0); // nor on another instance
    const calls = h.telegram.since(mark);
    const raised = calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!;
    expect(raised.payload.message_thread_id).toBeUndefined(); // the General topic
    expect(textOf(raised)).toContain("#1 has waited 3 min");
    expect(calls.some((c) => c.method === "sendMessage" && c.payload.chat_id === 9001 && textOf(c) === "still waiting")).toBe(true);
  });

  it("a relay that fails (5xx) stays in the outbox and is delivered later, once", async () => {
    const { h, user, advance } = await openCase("en");
    h.telegram.failNext("copyMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    await user.say("are you there?"); // first attempt fails; the message is kept
    expect(await h.deps.desk!.flush()).toBe(0); // not due yet (backoff)
    advance(60_000);
    expect(await h.deps.desk!.flush()).toBe(0); // second attempt fails
    advance(60_000);
    expect(await h.deps.desk!.flush()).toBe(1);
    advance(60_000);
    expect(await h.deps.desk!.flush()).toBe(0);
    const copies = h.telegram.calls.filter((c) => c.method === "copyMessage" && c.payload.chat_id === STAFF);
    expect(copies).toHaveLength(1);
  });

  it("a deleted topic is re-created and the message delivered there", async () => {
    const { h, user, thread } = await openCase("en");
    h.telegram.failNext("copyMessage", { error_code: 400, description: "Bad Request: message thread not found" });
    const reply = await user.say("hello?");
    const topics = reply.calls.filter((c) => c.method === "createForumTopic");
    expect(topics).toHaveLength(1);
    const newThread = (topics[0]!.result as { message_thread_id: number }).message_thread_id;
    expect(newThread).not.toBe(thread);
    expect(reply.calls.find((c) => c.method === "copyMessage")?.payload.message_thread_id).toBe(newThread);
  });

  it("/forget erases the user's cases too", async () => {
    const { h, user } = await openCase("en");
    await user.say("something private");
    await user.say("/forget");
    await user.pressNth(1); // "Yes, erase everything"
    const pseudo = h.deps.pseudonym(9001);
    expect(await redis.keys(`${db.prefix}:*${pseudo}*`)).toEqual([]);
    expect(await h.deps.desk!.store.get(1)).toBeUndefined();
  });
});

describe("a check-in later", () => {
  const message = checkInMessage(createI18n());

  it("comes three days later, in the daytime, once, even with two instances; 'I'm okay' is answered", async () => {
    const { h, user, advance } = await openCase("ru");
    await resolveThrough(h, STAFF, operator(701), 1);
    const agreed = await user.send(user.updates.callback("ci:1"));
    expect(agreed.text).toContain("Через три дня");
    advance(2 * 24 * 3_600_000);
    expect(await h.deps.desk!.sendCheckIns(message)).toBe(0); // not yet
    advance(24 * 3_600_000 + 60_000);
    const second = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(Date.parse("2026-03-05T10:01:00Z")) });
    const mark = h.telegram.mark();
    const sent = await Promise.all([h.deps.desk!.sendCheckIns(message), second.deps.desk!.sendCheckIns(message)]);
    expect(sent[0] + sent[1]).toBe(1);
    const checkIns = [...h.telegram.since(mark), ...second.telegram.calls].filter((c) => c.method === "sendMessage" && c.payload.chat_id === 9001);
    expect(checkIns).toHaveLength(1);
    expect(textOf(checkIns[0]!)).toContain("Как ты сейчас?"); // to a child: informal
    expect(checkIns[0]!.payload.protect_content).toBe(true);
    expect(buttonsOf(checkIns[0]!).map((b) => b.callback_data)).toEqual(["ci:ok:1", "m:person"]);
    const ok = await user.send(user.updates.callback("ci:ok:1"));
    expect(ok.text).toContain("всё в порядке");
  });

  it("is offered again after a rating, but not once accepted", async () => {
    const { h, user } = await openCase("en");
    await resolveThrough(h, STAFF, operator(701), 1);
    const rated = await user.send(user.updates.callback("rate:1:4"));
    expect(rated.buttonData).toContain("ci:1");
    await user.send(user.updates.callback("ci:1"));
    const ratedAgain = await user.send(user.updates.callback("rate:1:5"));
    expect(ratedAgain.buttonData).not.toContain("ci:1");
  });

  it("waits for the morning: never at night in Kazakhstan", () => {
    const kz = (iso: string) => Date.parse(`${iso}+05:00`);
    expect(checkInTime(kz("2026-03-02T15:00:00"))).toBe(kz("2026-03-05T15:00:00"));
    expect(checkInTime(kz("2026-03-02T23:30:00"))).toBe(kz("2026-03-06T10:00:00"));
    expect(checkInTime(kz("2026-03-02T06:00:00"))).toBe(kz("2026-03-05T10:00:00"));
    expect(checkInTime(kz("2026-03-02T19:00:00"))).toBe(kz("2026-03-06T10:00:00"));
  });

  it("a forged button does nothing; talking again cancels it; /forget removes it", async () => {
    const { h, user } = await openCase("en");
    await resolveThrough(h, STAFF, operator(701), 1);
    const intruder = new TestUser(h, { id: 9998, language_code: "en" });
    expect((await intruder.send(intruder.updates.callback("ci:1"))).text).toBe("");
    expect(await h.deps.desk!.store.hasCheckIn(1)).toBe(false);
    await user.send(user.updates.callback("ci:1"));
    expect(await h.deps.desk!.store.hasCheckIn(1)).toBe(true);
    await user.say("it started again"); // reopened: the operator is back, the check-in would come too late
    expect(await h.deps.desk!.store.hasCheckIn(1)).toBe(false);
    await resolveThrough(h, STAFF, operator(701), 1);
    await user.send(user.updates.callback("ci:1"));
    await user.say("/forget");
    await user.pressNth(1); // "Yes, erase everything"
    expect(await redis.zcard(`${db.prefix}:checkins`)).toBe(0);
  });

  it("an answer typed to the check-in reaches an operator, days past the usual reopening window", async () => {
    const { h, user, advance } = await openCase("en");
    await resolveThrough(h, STAFF, operator(701), 1);
    await user.send(user.updates.callback("ci:1"));
    advance(3 * 24 * 3_600_000 + 60_000); // 75 hours after: past the 72-hour window
    expect(await h.deps.desk!.sendCheckIns(message)).toBe(1);
    const answer = await user.say("not really okay");
    expect(answer.text).toContain("reopened");
    expect(answer.calls.find((c) => c.method === "copyMessage")?.payload.chat_id).toBe(STAFF);
    expect(answer.calls.some((c) => c.method === "createForumTopic")).toBe(false); // the same case, its own topic
  });

  it("without a check-in, writing long after the case closed opens no phantom case in the staff group", async () => {
    const { h, user, advance } = await openCase("en");
    await resolveThrough(h, STAFF, operator(701), 1);
    advance(4 * 24 * 3_600_000);
    const later = await user.say("hello again");
    expect(later.calls.some((c) => c.method === "createForumTopic" || c.payload.chat_id === STAFF)).toBe(false);
    expect(later.text).not.toBe(""); // answered like any message
    expect(await h.deps.desk!.store.get(2)).toBeUndefined();
  });

  it("due at night, it waits for the morning; one leased by a process that died comes after the lease", async () => {
    const { h, user, advance } = await openCase("en"); // 10:00 UTC = 15:00 in Kazakhstan
    await resolveThrough(h, STAFF, operator(701), 1);
    await user.send(user.updates.callback("ci:1"));
    const desk = h.deps.desk!;
    advance(3 * 24 * 3_600_000 + 9 * 3_600_000); // 00:00 in Kazakhstan, three days later: due, but night
    expect(await desk.sendCheckIns(message)).toBe(0);
    advance(10 * 3_600_000); // 10:00
    expect(await desk.store.leaseDueCheckIns(Date.parse("2026-03-06T05:00:00Z"))).toEqual([1]); // a process leases it, then dies
    expect(await desk.sendCheckIns(message)).toBe(0);
    advance(6 * 60_000);
    expect(await desk.sendCheckIns(message)).toBe(1);
    expect(await desk.sendCheckIns(message)).toBe(0);
  });

  it("is not offered when the case would be gone by then (CASE_RETENTION_DAYS of 3)", async () => {
    const clock = Date.parse("2026-03-02T10:00:00Z");
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(clock), desk: { retentionDays: 3 } });
    const user = new TestUser(h, { id: 9101, language_code: "en" });
    await onboard(user, "en", "child");
    await user.press("m:person");
    const resolved = await resolveThrough(h, STAFF, operator(701), 1);
    const toUser = resolved.find((c) => c.method === "sendMessage" && c.payload.chat_id === 9101)!;
    expect(buttonsOf(toUser).map((b) => b.callback_data)).not.toContain("ci:1");
    await user.send(user.updates.callback("ci:1")); // an old or forged button
    expect(await h.deps.desk!.store.hasCheckIn(1)).toBe(false);
  });
});

