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
  const key = (thread: number, operator: number) => keyspace(h.prefix).resolveDialogue(thread, operator);
  return { h, caseOf, press, write, key, advance: (ms: number) => (clock += ms) };
}

describe("the resolve dialogue", () => {
  it("asks the outcome, the category in two levels (with Back) and a note; only then resolves, and the card shows it", async () => {
    const { h, caseOf, press, write, key } = desk();
    const { c, thread, cardId } = await caseOf(9501);

    // Resolve under the card, as Telegram sends it: with the card's text (the user's words on it).
    const onCard = staff.callback(aigerim, DESK_CB.resolveMenu(c), { thread, messageId: cardId });
    Object.assign(onCard.callback_query!.message!, { text: `Case #1 — The user said: ${c.summary}` });
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
