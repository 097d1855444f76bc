/**
 * Nothing lost when a process dies or stalls mid-update (issue #13, faults 1 and 3): real bot
 * processes (node src/main.ts, webhook mode) on one Redis and a fake Bot API over HTTP that can
 * hang a call. Telegram delivers an update again when it got no 2xx answer; these tests do
 * what Telegram does.
 */
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";
import { useTestRedis } from "../kit/harness.js";
import { startBotProcess, useBotApiServer } from "../kit/bot-process.js";

const SECRET = "crash-test-secret-12345";
const STAFF = -1007770000002;
const { redis, prefix } = useTestRedis("crash", { shared: true });
const children: ChildProcess[] = [];
const fake = useBotApiServer(children);

function startBot(): Promise<{ port: number; child: ChildProcess }> {
  // Telegram's pace (20 a minute into the group) would make the bursts below take minutes; the
  // pace has its own process test (throttle.test.ts).
  const env = { STAFF_GROUP_MESSAGES_PER_MINUTE: "1200", USER_CHAT_MESSAGES_PER_MINUTE: "1200" };
  return startBotProcess({ prefix, apiRoot: fake.api.root, secret: SECRET, staffChatId: STAFF, env }, children);
}

/** Telegram's POST of an update: the HTTP status, or "no answer" when the process died. */
function post(port: number, update: Update): Promise<number | "no answer"> {
  return fetch(`http://127.0.0.1:${port}/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => "no answer" as const,
  );
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sentTo = (chat: number, from: number) => fake.api.telegram.since(from).filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chat);


describe("a process dies or stalls in the middle of an update", () => {
  it("killed while answering a crisis message: Telegram's redelivery to another process gets the emergency answer", async () => {
    const [a, b] = await Promise.all([startBot(), startBot()]);
    const child = new UpdateFactory({ id: 885_001, language_code: "ru" });
    const crisis = child.text("я хочу умереть, больше не могу");
    fake.api.telegram.holdNext("sendMessage");
    const first = post(a.port, crisis);
    await until(() => fake.api.telegram.held === 1); // process A is sending the answer…
    a.child.kill("SIGKILL"); // …and dies
    expect(await first).toBe("no answer"); // so Telegram delivers the update again
    fake.api.telegram.releaseHeld(); // (the dead process's call: nobody waits for it any more)
    await new Promise((r) => setTimeout(r, 100));
    const mark = fake.api.telegram.mark();
    expect(await post(b.port, crisis)).toBe(200); // waits for A's lock to run out (15 s), then answers
    const answers = sentTo(885_001, mark);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]!)).toContain("112");
    expect(await post(b.port, crisis)).toBe(200); // a third delivery is a duplicate now
    expect(sentTo(885_001, mark)).toHaveLength(1);
    b.child.kill("SIGKILL");
  }, 60_000);

  it("an update that outlived its session lock does not overwrite what another update wrote meanwhile; it is delivered again", async () => {
    const [a, b] = await Promise.all([startBot(), startBot()]);
    const user = new UpdateFactory({ id: 885_002, language_code: "en" });
    expect(await post(b.port, user.text("/start"))).toBe(200);
    // A: the user opens a poster's link for Atyrau; the answer hangs in Telegram (say, a long 429) past the 15 s lock.
    fake.api.telegram.holdNext("sendMessage");
    const slow = user.text("/start r-atyrau");
    const stalled = post(a.port, slow);
    await until(() => fake.api.telegram.held === 1);
    // B: meanwhile the user asks for a person (it waits for the lock to run out, then opens a case).
    expect(await post(b.port, user.callback("m:person"))).toBe(200);
    const caseId = Number(await redis.get(`${prefix}:case:seq`));
    const [prefsKey] = await redis.keys(`${prefix}:prefs:*`);
    if (!prefsKey) throw new Error("no preferences stored");
    expect(JSON.parse((await redis.get(prefsKey))!)).toMatchObject({ case: caseId });
    // Telegram answers A at last: its stale session must not erase the link to the case.
    fake.api.telegram.releaseHeld();
    expect(await stalled).toBe(500); // failed, so Telegram delivers it again…
    expect(JSON.parse((await redis.get(prefsKey))!)).toMatchObject({ case: caseId });
    expect(await post(b.port, slow)).toBe(200); // …and then it is handled, on top of the case
    expect(JSON.parse((await redis.get(prefsKey))!)).toMatchObject({ case: caseId, region: "atyrau" });
    a.child.kill("SIGKILL");
    b.child.kill("SIGKILL");
  }, 60_000);

  it("Telegram refuses the answer for longer than auto-retry waits (429, retry after 60 s): the update fails, and its redelivery is answered", async () => {
    const [a] = await Promise.all([startBot()]);
    const child = new UpdateFactory({ id: 885_003, language_code: "kk" });
    const crisis = child.text("мен өлгім келеді");
    const tooMany = { error_code: 429, description: "Too Many Requests: retry after 60", parameters: { retry_after: 60 } };
    fake.api.telegram.failNext("sendMessage", tooMany, 2); // the answer, and an apology if one were tried
    const mark = fake.api.telegram.mark();
    expect(await post(a.port, crisis)).toBe(500); // not 200: Telegram keeps the update and delivers it again
    expect(sentTo(885_003, mark)).toHaveLength(0);
    // Telegram delivers it again (while it still refuses, the update fails again) until it is answered.
    let status: number | "no answer" = 500;
    for (let delivery = 0; delivery < 3 && status !== 200; delivery++) status = await post(a.port, crisis);
    expect(status).toBe(200);
    const answers = sentTo(885_003, mark);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]!)).toContain("112");
    a.child.kill("SIGKILL");
  }, 60_000);
});

describe("the flood limit (20 updates in 10 s)", () => {
  it("never silences a crisis: over the limit, a message in danger is still answered with the emergency numbers", async () => {
    const [a] = await Promise.all([startBot()]);
    const child = new UpdateFactory({ id: 885_004, language_code: "ru" });
    for (let i = 0; i < 24; i++) await post(a.port, child.text(`${i}`));
    const mark = fake.api.telegram.mark();
    expect(await post(a.port, child.text("помогите мне, я хочу умереть"))).toBe(200);
    const answers = sentTo(885_004, mark);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]!)).toContain("112");
    expect(await post(a.port, child.text("ещё одно"))).toBe(200); // an ordinary message over the limit: still dropped
    expect(sentTo(885_004, mark)).toHaveLength(1);
    a.child.kill("SIGKILL");
  }, 60_000);

  it("never drops what a user writes to their operator: 30 messages in a burst, 30 relayed, in order", async () => {
    const [a] = await Promise.all([startBot()]);
    const user = new UpdateFactory({ id: 885_005, language_code: "en" });
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    const mark = fake.api.telegram.mark();
    for (let i = 1; i <= 30; i++) expect(await post(a.port, user.text(`message ${i}`))).toBe(200);
    const relayed = () => fake.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.from_chat_id) === 885_005);
    await until(() => relayed().length >= 30, 20_000).catch(() => undefined);
    expect(relayed()).toHaveLength(30);
    const order = relayed().map((c) => Number(c.payload.message_id));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    a.child.kill("SIGKILL");
  }, 60_000);
});

describe("the staff group", () => {
  it("a membership check that fails once (getChatMember 500) is no 'not staff': the operator's message fails, and its redelivery is relayed", async () => {
    const [a] = await Promise.all([startBot()]);
    const user = new UpdateFactory({ id: 885_006, language_code: "en" });
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    const caseId = Number(await redis.get(`${prefix}:case:seq`));
    const thread = Number(await redis.hget(`${prefix}:case:${caseId}`, "threadId"));
    expect(thread).toBeGreaterThan(0);
    const reply = staffGroup(STAFF).text({ id: 720_001, first_name: "Op" }, "Hello, I am here. Are you safe now?", { thread });
    fake.api.telegram.failNext("getChatMember", { error_code: 500, description: "Internal Server Error" }, 1);
    const mark = fake.api.telegram.mark();
    expect(await post(a.port, reply)).toBe(500); // failed, so Telegram delivers it again
    expect(await post(a.port, reply)).toBe(200);
    const toUser = () => fake.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.chat_id) === 885_006);
    await until(() => toUser().length > 0, 10_000).catch(() => undefined);
    expect(toUser()).toHaveLength(1);
    // and the operator is not taken for an outsider afterwards
    const next = staffGroup(STAFF).text({ id: 720_001, first_name: "Op" }, "I will stay with you.", { thread });
    expect(await post(a.port, next)).toBe(200);
    await until(() => toUser().length > 1, 10_000).catch(() => undefined);
    expect(toUser()).toHaveLength(2);
    a.child.kill("SIGKILL");
  }, 60_000);

  it("the outbox honours retry_after: a relay refused with 'retry after 5' is not tried again before 5 s, and then arrives", async () => {
    const [a] = await Promise.all([startBot()]);
    const user = new UpdateFactory({ id: 885_007, language_code: "en" });
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    const mark = fake.api.telegram.mark();
    fake.api.telegram.failNext("copyMessage", { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } }, 1);
    const refusedAt = Date.now();
    expect(await post(a.port, user.text("please, someone"))).toBe(200); // stored: it will arrive
    const relayed = () => fake.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.from_chat_id) === 885_007);
    await until(() => relayed().length > 0, 15_000);
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(4_900);
    expect(relayed()).toHaveLength(1);
    a.child.kill("SIGKILL");
  }, 60_000);

  it("opening a case while Telegram refuses the topic (429): the topic and its card come when Telegram takes them, with no further message from the child", async () => {
    const [a] = await Promise.all([startBot()]);
    const user = new UpdateFactory({ id: 885_008, language_code: "en" });
    fake.api.telegram.failNext("createForumTopic", { error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } }, 1);
    const mark = fake.api.telegram.mark();
    expect(await post(a.port, user.callback("m:person"))).toBe(200); // the child is told a person will answer
    const inStaff = () => fake.api.telegram.since(mark).filter((c) => Number(c.payload.chat_id) === STAFF);
    const card = () => inStaff().find((c) => c.method === "sendMessage" && textOf(c).includes("Case #") && buttonsOf(c).length > 0);
    await until(() => card() !== undefined, 15_000).catch(() => undefined);
    const topic = inStaff().find((c) => c.method === "createForumTopic");
    expect(topic).toBeDefined();
    expect(card()).toBeDefined();
    expect(card()!.payload.message_thread_id).toBe((topic!.result as { message_thread_id: number }).message_thread_id);
    a.child.kill("SIGKILL");
  }, 60_000);

  it("without the right to create topics, the child's messages still reach the operators (in General, named by case)", async () => {
    const [a] = await Promise.all([startBot()]);
    const user = new UpdateFactory({ id: 885_009, language_code: "en" });
    fake.api.telegram.failNext("createForumTopic", { error_code: 400, description: "Bad Request: not enough rights to create a topic" }, 2);
    const mark = fake.api.telegram.mark();
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    expect(await post(a.port, user.text("please help"))).toBe(200);
    const inStaff = () => fake.api.telegram.since(mark).filter((c) => Number(c.payload.chat_id) === STAFF);
    await until(() => inStaff().some((c) => c.method === "copyMessage"), 20_000).catch(() => undefined);
    const copy = inStaff().find((c) => c.method === "copyMessage");
    expect(copy).toBeDefined();
    expect(copy!.payload.message_thread_id).toBeUndefined();
    expect(inStaff().some((c) => c.method === "sendMessage" && textOf(c).includes("Case #") && buttonsOf(c).length > 0)).toBe(true); // the card, with its buttons
    expect(inStaff().some((c) => textOf(c).includes("may not create topics"))).toBe(true);
    a.child.kill("SIGKILL");
  }, 60_000);

  it("one case's messages cross two processes in the order they were sent, also when they arrive at once", async () => {
    const [a, b] = await Promise.all([startBot(), startBot()]);
    const user = new UpdateFactory({ id: 885_010, language_code: "en" });
    expect(await post(a.port, user.callback("m:person"))).toBe(200);
    const caseId = Number(await redis.get(`${prefix}:case:seq`));
    const thread = Number(await redis.hget(`${prefix}:case:${caseId}`, "threadId"));
    const mark = fake.api.telegram.mark();
    const sentIds: number[] = [];
    // Telegram may post several updates at once (max_connections): 5 ms apart, to both processes.
    const posts: Promise<number | "no answer">[] = [];
    for (let i = 1; i <= 10; i++) {
      const update = user.text(`message ${i}`);
      sentIds.push(update.message!.message_id);
      posts.push(post(i % 2 ? a.port : b.port, update));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await Promise.all(posts)).toEqual(Array(10).fill(200));
    const op = { id: 720_002, first_name: "Op" };
    const opIds: number[] = [];
    const opPosts: Promise<number | "no answer">[] = [];
    for (let i = 1; i <= 10; i++) {
      const update = staffGroup(STAFF).text(op, `answer ${i}`, { thread });
      opIds.push(update.message!.message_id);
      opPosts.push(post(i % 2 ? b.port : a.port, update));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await Promise.all(opPosts)).toEqual(Array(10).fill(200));
    const copies = (from: number) => fake.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.from_chat_id) === from).map((c) => Number(c.payload.message_id));
    await until(() => copies(885_010).length >= 10 && copies(STAFF).length >= 10, 20_000).catch(() => undefined);
    expect(copies(885_010)).toEqual(sentIds);
    expect(copies(STAFF)).toEqual(opIds);
    a.child.kill("SIGKILL");
    b.child.kill("SIGKILL");
  }, 60_000);
});
