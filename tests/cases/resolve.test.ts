/**
 * Resolving a case as a short dialogue (issue #15): Resolve → outcome → category in two levels
 * → an internal note or none, per operator and topic, kept in Redis (a restart continues it,
 * an abandoned one ends), with a category required and every stale or parallel press answered
 * without anything half-done. Through the fake Telegram, with real Redis.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { DESK_CB } from "../../src/bot/callbacks.js";
import { keyspace } from "../../src/storage/keys.js";
import { DIALOGUE_TTL_MS } from "../../src/bot/desk/resolve.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const STAFF = -1001234500088;
const SUPERVISOR = 777;
const db = useTestRedis("resolve");
const redis = db.redis;

const staff = staffGroup(STAFF);
const aigerim = { id: 701, first_name: "Aigerim" };
const dana = { id: 702, first_name: "Dana" };
const answerOf = (calls: ApiCall[]) => String(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "");
/** The dialogue's message in the topic: its last text and buttons (sent or edited). */
const promptOf = (calls: ApiCall[]) => {
  const shown = calls.filter((c) => c.payload.chat_id === STAFF && (c.method === "sendMessage" || c.method === "editMessageText") && /Resolving case|resolved by|cancelled|meanwhile|no longer exists/.test(textOf(c))).at(-1);
  return { text: shown ? textOf(shown) : "", buttons: shown ? buttonsOf(shown).map((b) => b.text) : [], data: shown ? buttonsOf(shown).map((b) => b.callback_data ?? "") : [] };
};
const toUser = (calls: ApiCall[], chat: number) => calls.filter((c) => c.payload.chat_id === chat && (c.method === "sendMessage" || c.method === "copyMessage"));

function desk() {
  let clock = new Date("2026-03-02T05:00:00Z").getTime();
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, now: () => new Date(clock), desk: { supervisors: [SUPERVISOR] } });
  async function caseOf(id: number, words = "my classmates post things about me") {
    const user = new TestUser(h, { id, language_code: "en" });
    await onboard(user, "en", "child");
    const opened = await user.press("m:person");
    const topic = opened.calls.find((c) => c.method === "createForumTopic")!;
    const thread = (topic.result as { message_thread_id: number }).message_thread_id;
    const card = opened.calls.find((c) => c.method === "sendMessage" && c.payload.message_thread_id === thread)!;
    const cardId = (card.result as { message_id: number }).message_id;
    await user.say(words);
    const c = (await h.deps.desk!.store.get((await h.deps.desk!.store.byThread(thread))!.id))!;
    return { user, thread, cardId, c };
  }
  /** An operator presses a button of the dialogue (or the card) in a topic. */
  const press = (from: typeof aigerim, data: string, thread: number) => h.send(staff.callback(from, data, { thread }));
  const write = (from: typeof aigerim, text: string, thread: number) => h.send(staff.text(from, text, { thread }));
  const key = (thread: number, operator: number) => keyspace(h.prefix).resolveDialogue(STAFF, thread, operator);
  return { h, caseOf, press, write, key, advance: (ms: number) => (clock += ms) };
}

describe("the resolve dialogue", () => {
  it("asks the outcome, the category in two levels (with Back) and a note; only then resolves, and the card shows it", async () => {
    const { h, caseOf, press, write, key } = desk();
    const { c, thread, cardId } = await caseOf(9501);

    // Resolve under the card, as Telegram sends it: with the card's text (the user's words on it).
    const onCard = staff.callback(aigerim, DESK_CB.resolveMenu(c), { thread, messageId: cardId });
    Object.assign(onCard.callback_query!.message!, { text: `Case #1 — The user said: ${c.summary}` });
    const beforeResolve = h.telegram.mark();
    const begun = await h.send(onCard);
    expect(promptOf(begun).text).toContain("Resolving case #1");
    expect(promptOf(begun).buttons).toEqual(expect.arrayContaining(["Helped", "Referred to a service", "✖️ Cancel"]));
    const asked = begun.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF)!;
    expect(asked.payload.message_thread_id).toBe(thread);

    const top = await press(aigerim, DESK_CB.outcome(c, "referred"), thread);
    expect(promptOf(top).buttons).toEqual(expect.arrayContaining(["Violence", "Sexual abuse", "Bullying", "Mental health", "Family", "Rights and discrimination", "Information", "◀ Back"]));
    const sub = await press(aigerim, DESK_CB.category(c, "violence"), thread);
    expect(promptOf(sub).buttons).toEqual(expect.arrayContaining(["Physical violence", "Neglect"]));
    // Back to the categories, then the right one.
    expect(promptOf(await press(aigerim, DESK_CB.stepBack(c), thread)).buttons).toContain("Bullying");
    expect(promptOf(await press(aigerim, DESK_CB.category(c, "bullying"), thread)).buttons).toEqual(expect.arrayContaining(["At school", "Cyberbullying"]));
    const note = await press(aigerim, DESK_CB.subcategory(c, "bullying.online"), thread);
    expect(promptOf(note).text).toContain("Bullying › Cyberbullying");
    expect(promptOf(note).buttons).toContain("✅ Resolve without a note");

    // Not resolved yet, and the user has heard nothing.
    expect((await h.deps.desk!.store.get(1))?.status).not.toBe("resolved");
    expect(toUser(h.telegram.since(beforeResolve), 9501)).toHaveLength(0);
    // The dialogue's state in Redis holds neither the user's words (on the card) nor a name.
    const stored = (await redis.get(key(thread, aigerim.id)))!;
    expect(stored).toBeTruthy();
    expect(stored).not.toContain("classmates");
    expect(stored).not.toContain("Aigerim");

    const done = await write(aigerim, "Talked through blocking the accounts; gave 150.", thread);
    // The note stays with staff: nothing of it reaches the user, who now gets the rating question.
    const user = toUser(done, 9501);
    expect(user).toHaveLength(1);
    expect(textOf(user[0]!)).toContain("How much did it help?");
    expect(JSON.stringify(user)).not.toContain("blocking the accounts");
    const resolved = (await h.deps.desk!.store.get(1))!;
    expect(resolved).toMatchObject({ status: "resolved", outcome: "referred", category: "bullying.online", noted: true });
    expect((await h.deps.desk!.store.log(1)).at(-1)).toMatchObject({ from: "note", text: "Talked through blocking the accounts; gave 150." });
    // The card shows the outcome, the category and that a note exists; the dialogue says it is done.
    const card = done.find((c) => c.method === "editMessageText" && c.payload.message_id === cardId)!;
    expect(textOf(card)).toContain("Resolution: Referred to a service · Bullying › Cyberbullying · 📝 internal note");
    expect(buttonsOf(card)).toHaveLength(0);
    expect(promptOf(done).text).toContain("Case #1 resolved by Aigerim: Referred to a service · Bullying › Cyberbullying · 📝 internal note kept");
    expect(promptOf(done).buttons).toHaveLength(0);
    expect(await redis.exists(key(thread, aigerim.id))).toBe(0);
  });
});

describe("a category is required", () => {
  it("an outcome button with no dialogue (an old card's) resolves nothing, and no step can be skipped", async () => {
    const { h, caseOf, press } = desk();
    const { c, thread } = await caseOf(9511);
    // The outcome buttons that used to resolve at once: now they only say how to begin.
    const old = await press(aigerim, DESK_CB.outcome(c, "helped"), thread);
    expect(answerOf(old)).toContain("Press Resolve on the case card");
    expect(toUser(old, 9511)).toHaveLength(0);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");

    await press(aigerim, DESK_CB.resolveMenu(c), thread);
    // Writing while choosing is writing to the user, as ever (only the note step takes a message).
    const meanwhile = await h.send(staff.text(aigerim, "One moment, please", { thread }));
    expect(meanwhile.filter((call) => call.method === "copyMessage" && call.payload.chat_id === 9511)).toHaveLength(1);
    // "Resolve without a note" from the outcome or the category step, or a subcategory of another category: refused.
    expect(answerOf(await press(aigerim, DESK_CB.skipNote(c), thread))).toContain("earlier step");
    await press(aigerim, DESK_CB.outcome(c, "helped"), thread);
    expect(answerOf(await press(aigerim, DESK_CB.skipNote(c), thread))).toContain("earlier step");
    await press(aigerim, DESK_CB.category(c, "family"), thread);
    expect(answerOf(await press(aigerim, DESK_CB.subcategory(c, "violence.physical"), thread))).toContain("earlier step");
    expect(answerOf(await press(aigerim, DESK_CB.skipNote(c), thread))).toContain("earlier step");
    // A forged button naming no category parses to nothing the dialogue takes.
    expect(answerOf(await h.send(staff.callback(aigerim, "c:sub:1." + thread + ":family:nonsense", { thread })))).toContain("earlier step");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("claimed"); // claimed by writing, not resolved
    // Underneath, the store refuses a resolution without a category too.
    expect(await h.deps.desk!.store.resolveAndQueue(1, { outcome: "helped" } as never, Date.now(), [])).toEqual({ ok: false, reason: "uncategorised" });

    const done = await press(aigerim, DESK_CB.subcategory(c, "family.parents"), thread).then(() => press(aigerim, DESK_CB.skipNote(c), thread));
    expect((await h.deps.desk!.store.get(1))).toMatchObject({ status: "resolved", outcome: "helped", category: "family.parents" });
    expect((await h.deps.desk!.store.get(1))?.noted).toBeUndefined();
    expect(promptOf(done).text).toContain("Family › Parents or caregivers");
    expect(promptOf(done).text).not.toContain("internal note");
  });
});

describe("two operators, two topics", () => {
  it("one operator resolves two cases in two topics at once; a colleague in the same topic has a dialogue of their own, and the later one is told and changes nothing", async () => {
    const { h, caseOf, press, write } = desk();
    const one = await caseOf(9521);
    const two = await caseOf(9522);
    // Aigerim begins in both topics, interleaved.
    await press(aigerim, DESK_CB.resolveMenu(one.c), one.thread);
    await press(aigerim, DESK_CB.resolveMenu(two.c), two.thread);
    await press(aigerim, DESK_CB.outcome(one.c, "helped"), one.thread);
    await press(aigerim, DESK_CB.outcome(two.c, "referred"), two.thread);
    await press(aigerim, DESK_CB.category(two.c, "mental_health"), two.thread);
    await press(aigerim, DESK_CB.category(one.c, "bullying"), one.thread);
    // Dana, in topic one: Aigerim's buttons are not hers (she has no dialogue there)...
    const notHers = await press(dana, DESK_CB.subcategory(one.c, "bullying.school"), one.thread);
    expect(answerOf(notHers)).toContain("Press Resolve on the case card");
    // ...and she begins her own, in the same topic.
    const hers = await press(dana, DESK_CB.resolveMenu(one.c), one.thread);
    expect(promptOf(hers).text).toContain("(Dana)");
    await press(dana, DESK_CB.outcome(one.c, "no_reply"), one.thread);
    await press(dana, DESK_CB.category(one.c, "information"), one.thread);
    await press(dana, DESK_CB.subcategory(one.c, "information.other"), one.thread);

    // Aigerim's two dialogues go on unmixed: a message in topic two is her note for case two.
    await press(aigerim, DESK_CB.subcategory(two.c, "mental_health.anxiety"), two.thread);
    await press(aigerim, DESK_CB.subcategory(one.c, "bullying.school"), one.thread);
    const twoDone = await write(aigerim, "Breathing exercise; will write again.", two.thread);
    expect(toUser(twoDone, 9522)).toHaveLength(1);
    expect(await h.deps.desk!.store.get(2)).toMatchObject({ status: "resolved", outcome: "referred", category: "mental_health.anxiety", noted: true });
    expect((await h.deps.desk!.store.get(1))?.status).not.toBe("resolved");
    await press(aigerim, DESK_CB.skipNote(one.c), one.thread);
    expect(await h.deps.desk!.store.get(1)).toMatchObject({ status: "resolved", outcome: "helped", category: "bullying.school" });

    // Dana finishes later: told a colleague resolved it; nothing of hers is kept.
    const late = await write(dana, "Dana's note", one.thread);
    expect(promptOf(late).text).toContain("was resolved meanwhile, by a colleague");
    expect(await h.deps.desk!.store.get(1)).toMatchObject({ outcome: "helped", category: "bullying.school" });
    expect((await h.deps.desk!.store.log(1)).some((e) => e.text === "Dana's note")).toBe(false);
    expect(toUser(late, 9521)).toHaveLength(0);
  });
});

describe("kept in Redis", () => {
  it("a second bot instance on the same Redis continues a dialogue begun before a restart", async () => {
    const first = desk();
    const { c, thread } = await first.caseOf(9531);
    await first.press(aigerim, DESK_CB.resolveMenu(c), thread);
    await first.press(aigerim, DESK_CB.outcome(c, "emergency_services"), thread);
    // The process restarts: a new bot, nothing in memory, the same Redis prefix.
    const second = createHarness({ redis, prefix: first.h.prefix, operatorChatId: STAFF, desk: { supervisors: [SUPERVISOR] } });
    const sub = await second.send(staff.callback(aigerim, DESK_CB.category(c, "violence"), { thread }));
    expect(promptOf(sub).buttons).toContain("Physical violence");
    await second.send(staff.callback(aigerim, DESK_CB.subcategory(c, "violence.physical"), { thread }));
    const done = await second.send(staff.callback(aigerim, DESK_CB.skipNote(c), { thread }));
    expect(toUser(done, 9531)).toHaveLength(1);
    expect(await second.deps.desk!.store.get(1)).toMatchObject({ status: "resolved", outcome: "emergency_services", category: "violence.physical" });
  });

  it("an abandoned dialogue ends after 30 minutes: a later press says so, and Resolve begins again", async () => {
    const { h, caseOf, press, key } = desk();
    const { c, thread } = await caseOf(9541);
    await press(aigerim, DESK_CB.resolveMenu(c), thread);
    await press(aigerim, DESK_CB.outcome(c, "helped"), thread);
    const ttl = await redis.pttl(key(thread, aigerim.id));
    expect(ttl).toBeGreaterThan(DIALOGUE_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(DIALOGUE_TTL_MS);
    // Thirty minutes pass with no answer: Redis lets the dialogue go.
    await redis.pexpire(key(thread, aigerim.id), 1);
    await new Promise((r) => setTimeout(r, 20));
    const late = await press(aigerim, DESK_CB.category(c, "family"), thread);
    expect(answerOf(late)).toContain("left unanswered for 30 minutes");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
    const again = await press(aigerim, DESK_CB.resolveMenu(c), thread);
    expect(promptOf(again).text).toContain("step 1 of 3");
  });
});

describe("stale and parallel presses", () => {
  it("a case reopened by its user meanwhile is not resolved by the older dialogue", async () => {
    const { h, caseOf, press, write, advance } = desk();
    const { c, thread, user } = await caseOf(9551);
    await press(aigerim, DESK_CB.resolveMenu(c), thread);
    await press(aigerim, DESK_CB.outcome(c, "helped"), thread);
    await press(aigerim, DESK_CB.category(c, "peers"), thread);
    await press(aigerim, DESK_CB.subcategory(c, "peers.friends"), thread);
    // Dana resolves it meanwhile, and the user writes again: the case is open again.
    await resolveThrough(h, STAFF, dana, 1, { category: "peers.partner" });
    advance(5 * 60_000);
    await user.say("actually there is more");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
    const late = await write(aigerim, "note for the first conversation", thread);
    expect(promptOf(late).text).toContain("wrote again meanwhile and the case was reopened");
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
    expect((await h.deps.desk!.store.log(1)).some((e) => e.text === "note for the first conversation")).toBe(false);
    // The message was the dialogue's, not the user's: it did not reach them.
    expect(toUser(late, 9551)).toHaveLength(0);
  });

  it("a case erased by /forget ends the dialogue with nothing kept; a finished dialogue's buttons and Cancel are answered", async () => {
    const { h, caseOf, press, key } = desk();
    const erased = await caseOf(9561);
    await press(aigerim, DESK_CB.resolveMenu(erased.c), erased.thread);
    await press(aigerim, DESK_CB.outcome(erased.c, "helped"), erased.thread);
    await erased.user.say("/forget");
    await erased.user.pressNth(1);
    const gone = await press(aigerim, DESK_CB.category(erased.c, "violence"), erased.thread);
    expect(answerOf(gone)).toContain("no longer exists");
    expect(promptOf(gone).buttons).toHaveLength(0);

    const kept = await caseOf(9562);
    await resolveThrough(h, STAFF, aigerim, kept.c.id);
    // A button of the finished dialogue: the case is resolved, and nothing changes.
    const stale = await press(aigerim, DESK_CB.category(kept.c, "violence"), kept.thread);
    expect(answerOf(stale)).toContain("This case is resolved");
    expect((await h.deps.desk!.store.get(kept.c.id))?.category).toBe("information.other");

    const cancelled = await caseOf(9563);
    await press(aigerim, DESK_CB.resolveMenu(cancelled.c), cancelled.thread);
    // Resolve pressed again while resolving: the dialogue under way is pointed at.
    expect(answerOf(await press(aigerim, DESK_CB.resolveMenu(cancelled.c), cancelled.thread))).toContain("already resolving this case");
    await press(aigerim, DESK_CB.outcome(cancelled.c, "helped"), cancelled.thread);
    const stop = await press(aigerim, DESK_CB.cancel(cancelled.c), cancelled.thread);
    expect(promptOf(stop).text).toContain("was cancelled");
    expect(await redis.exists(key(cancelled.thread, aigerim.id))).toBe(0);
    expect(await redis.exists(key(erased.thread, aigerim.id))).toBe(0);
    expect((await h.deps.desk!.store.get(cancelled.c.id))?.status).not.toBe("resolved");
    expect(answerOf(await press(aigerim, DESK_CB.outcome(cancelled.c, "helped"), cancelled.thread))).toContain("Press Resolve on the case card");
  });
});

describe("the figures", () => {
  it("/report and /export count resolved cases by category, at both levels", async () => {
    const { h, caseOf } = desk();
    for (const [id, category] of [[9571, "bullying.online"], [9572, "bullying.school"], [9573, "mental_health.mood"]] as const) {
      const { c } = await caseOf(id);
      await resolveThrough(h, STAFF, aigerim, c.id, { category });
    }
    const report = textOf((await h.send(staff.text({ id: SUPERVISOR, first_name: "Sup" }, "/report today"))).find((c) => c.method === "sendMessage")!);
    expect(report).toContain("Categories of resolved cases: Bullying 2 · Mental health 1");
    expect(report).toContain("Bullying › At school 1");
    expect(report).toContain("Mental health › Low mood, sadness 1");
    const exported = (await h.send(staff.text({ id: SUPERVISOR, first_name: "Sup" }, "/export"))).find((c) => c.method === "sendDocument")!;
    const csv = String((exported.payload as { document?: { text?: string } }).document?.text ?? JSON.stringify(exported.payload));
    expect(csv).toContain("reason,bullying,2");
    expect(csv).toContain("reason_detail,bullying.online,1");
  });
});
