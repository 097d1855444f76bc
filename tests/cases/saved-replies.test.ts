/**
 * Saved replies (issue #15): data supervisors edit, not code. Through the fake Telegram: an
 * operator opens the picker under a case card, ticks one or several replies and sends them as
 * ONE message in the user's language, worded for the case's role; a reply claims an unclaimed
 * case, waits while the user is away (/hide), and the topic shows what was sent. A supervisor
 * exports the replies, sends an edited file back, and after Apply a second instance on the
 * same Redis prefix uses it; a bad file, a non-supervisor and a file overtaken by another
 * upload change nothing.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { parseCsv, writeCsv } from "../../src/directory/csv.js";
import type { Lang, Role } from "../../src/domain.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const STAFF = -1001234500088;
const SUPERVISOR = { id: 4243, first_name: "Saule", username: "saule_sup" };
const OPERATOR = { id: 701, first_name: "Aigerim" };
const db = useTestRedis("saved-replies");
const staff = staffGroup(STAFF);

type Harness = ReturnType<typeof createHarness>;

const deskOf = () => createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF, desk: { supervisors: [SUPERVISOR.id] } });

/** A user who asks for a person: their case's topic and card. */
async function caseOf(h: Harness, id: number, lang: Lang, role: Role) {
  const user = new TestUser(h, { id, language_code: lang });
  await onboard(user, lang, role);
  const opened = await user.press("m:person");
  const thread = (opened.calls.find((c) => c.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
  const card = opened.calls.find((c) => c.method === "sendMessage" && c.payload.message_thread_id === thread)!;
  return { user, thread, card, cardId: (card.result as { message_id: number }).message_id };
}

const lastButtons = (calls: ApiCall[]) => buttonsOf(calls.filter((c) => c.method === "editMessageReplyMarkup").at(-1)!);
const answerOf = (calls: ApiCall[]) => String(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "");
const toUser = (calls: ApiCall[], chatId: number) => calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chatId);

/** Opens the picker under the card, ticks the replies by label, presses Send; every press on the card's message. */
async function sendSaved(h: Harness, from: typeof OPERATOR, c: { card: ApiCall; cardId: number; thread: number }, labels: string[]) {
  const press = (data: string) => h.send(staff.callback(from, data, { thread: c.thread, messageId: c.cardId }));
  const opener = buttonsOf(c.card).find((b) => b.text === "💬 Saved replies")!;
  let calls = await press(opener.callback_data!);
  const picker = { first: lastButtons(calls), ticked: [] as string[] };
  let buttons = picker.first;
  for (const label of labels) {
    calls = await press(buttons.find((b) => b.text === label)!.callback_data!);
    buttons = lastButtons(calls);
    picker.ticked = buttons.filter((b) => b.text.startsWith("✓ ")).map((b) => b.text);
  }
  const sent = await press(buttons.find((b) => b.text.startsWith("📤"))!.callback_data!);
  return { sent, picker, buttons };
}

describe("saved replies under a case card", () => {
  it("the card has one button for them; the picker lists the replies, ticks them and counts them", async () => {
    const h = deskOf();
    const c = await caseOf(h, 9501, "kk", "child");
    expect(buttonsOf(c.card).map((b) => b.text)).toEqual(["✋ Claim", "✅ Resolve", "💬 Saved replies", "↩️ Back to queue", "🚫 Block"]);
    const { picker, sent } = await sendSaved(h, OPERATOR, c, ["👋 Greeting", "📞 150 / 111"]);
    expect(picker.first.map((b) => b.text)).toEqual(["👋 Greeting", "❓ Safe now?", "📞 150 / 111", "🤝 Closing", "📤 Send (0)", "✖️ Cancel"]);
    expect(picker.ticked).toEqual(["✓ 👋 Greeting", "✓ 📞 150 / 111"]);
    expect(answerOf(sent)).toBe("Sent to the user.");
  });

  it("one reply reaches a Kazakh child, informally, and the topic shows what was sent", async () => {
    const h = deskOf();
    const c = await caseOf(h, 9502, "kk", "child");
    const { sent } = await sendSaved(h, OPERATOR, c, ["❓ Safe now?"]);
    const messages = toUser(sent, 9502);
    expect(messages).toHaveLength(1);
    expect(textOf(messages[0]!)).toBe(
      "Қазір қауіпсіз жердесің бе? Біреу саған зиян келтіріп жатса немесе өзіңе зиян келтіріп алуың мүмкін болса, дәл қазір 112-ге қоңырау шал — маған жаза беруге де болады.",
    );
    const copy = sent.find((c2) => c2.method === "sendMessage" && c2.payload.message_thread_id === c.thread && textOf(c2).startsWith("💬"));
    expect(copy && textOf(copy)).toContain("Sent to the user: Қазір қауіпсіз жердесің бе?");
    // The card is drawn again, claimed, with its own buttons (not the picker).
    const card = sent.filter((x) => (x.method === "editMessageText" || x.method === "editMessageReplyMarkup") && x.payload.message_id === c.cardId).at(-1)!;
    expect(buttonsOf(card).map((b) => b.text)).toContain("💬 Saved replies");
  });

  it.each([
    ["kk", "child", 9503, ["Сәлем, мен Сенім кеңесшісімін.", "атыңды айтпай-ақ хабарласуға болады."]],
    ["ru", "parent", 9504, ["Здравствуйте, я консультант Сенім. Я прочитал(а) ваше сообщение", "Есть и линии, где отвечают обученные люди: 150"]],
    ["en", "professional", 9505, ["Hello, I'm a Senim counsellor.", "There are also lines where trained people answer: 150"]],
  ] as const)("several replies go as ONE message, in order, in the user's language and role (%s, %s)", async (lang, role, id, parts) => {
    const h = deskOf();
    const c = await caseOf(h, id, lang, role);
    const { sent } = await sendSaved(h, OPERATOR, c, ["👋 Greeting", "📞 150 / 111"]);
    const messages = toUser(sent, id);
    expect(messages).toHaveLength(1);
    const text = textOf(messages[0]!);
    expect(text.indexOf(parts[0])).toBe(0);
    expect(text.indexOf(parts[1])).toBeGreaterThan(parts[0].length);
    expect(text).toContain("\n\n");
    if (lang === "kk") expect(text).not.toMatch(/Сәлеметсіз|аты-жөніңізді/);
    if (lang === "ru") expect(text).not.toMatch(/Привет|твоё/);
  });

  it("a saved reply claims an unclaimed case: the card and the topic say who", async () => {
    const h = deskOf();
    const c = await caseOf(h, 9506, "en", "child");
    const { sent } = await sendSaved(h, { id: 702, first_name: "Dana" }, c, ["👋 Greeting"]);
    const stored = await h.deps.desk!.store.get(1);
    expect(stored?.status).toBe("claimed");
    expect(stored?.claimedBy).toBe(702);
    const card = sent.find((x) => x.method === "editMessageText" && x.payload.message_id === c.cardId);
    expect(card && textOf(card)).toContain("claimed");
    expect(sent.some((x) => x.payload.chat_id === STAFF && textOf(x).includes("claimed by Dana"))).toBe(true);
  });

  it("Send with nothing ticked sends nothing; Cancel gives the card its buttons back", async () => {
    const h = deskOf();
    const c = await caseOf(h, 9507, "en", "child");
    const { sent } = await sendSaved(h, OPERATOR, c, []);
    expect(answerOf(sent)).toBe("Choose at least one reply.");
    expect(toUser(sent, 9507)).toEqual([]);
    expect((await h.deps.desk!.store.get(1))?.status).toBe("open");
    const opened = await h.send(staff.callback(OPERATOR, buttonsOf(c.card).find((b) => b.text === "💬 Saved replies")!.callback_data!, { thread: c.thread, messageId: c.cardId }));
    const cancel = lastButtons(opened).find((b) => b.text === "✖️ Cancel")!;
    const back = await h.send(staff.callback(OPERATOR, cancel.callback_data!, { thread: c.thread, messageId: c.cardId }));
    expect(lastButtons(back).map((b) => b.text)).toEqual(buttonsOf(c.card).map((b) => b.text));
  });

  it("held while the user is away (/hide), then delivered as one message when they write again", async () => {
    const h = deskOf();
    const c = await caseOf(h, 9508, "ru", "child");
    await c.user.send(c.user.updates.callback("m:hide"));
    const { sent } = await sendSaved(h, OPERATOR, c, ["👋 Greeting", "🤝 Closing"]);
    expect(sent.some((x) => x.payload.chat_id === 9508 && x.method === "sendMessage")).toBe(false);
    expect(answerOf(sent)).toContain("quick exit");
    const back = await c.user.say("я вернулся");
    const delivered = toUser(back.calls, 9508).filter((x) => textOf(x).startsWith("Привет, я консультант Сенім."));
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered[0]!)).toContain("пиши сюда в любое время");
  });

  it("a card from before the picker still sends its one reply; an unknown reply or a resolved case sends nothing", async () => {
    const h = deskOf();
    await caseOf(h, 9509, "en", "parent");
    const old = await h.send(staff.callback(OPERATOR, "c:tpl:1:safe"));
    expect(textOf(toUser(old, 9509)[0]!)).toContain("Are you safe right now?");
    const unknown = await h.send(staff.callback(OPERATOR, "c:tpl:1:insult"));
    expect(unknown.map((x) => x.method)).toEqual(["answerCallbackQuery"]);
    await resolveThrough(h, STAFF, OPERATOR, 1);
    const closed = await h.send(staff.callback(OPERATOR, "c:rps:1:0.1"));
    expect(toUser(closed, 9509)).toEqual([]);
    // Nor does the picker open, or redraw, on a resolved card (it has no buttons to come back to).
    for (const data of ["c:rp:1", "c:rpk:1:0.1"]) {
      const pressed = await h.send(staff.callback(OPERATOR, data));
      expect(pressed.map((x) => x.method)).toEqual(["answerCallbackQuery"]);
      expect(answerOf(pressed)).toBe(answerOf(closed));
    }
  });
});

/** The CSV of a sendDocument call (grammY uploads it as multipart with an attach:// reference). */
function uploadedCsv(call: ApiCall): string {
  const ref = String(call.payload.document).replace("attach://", "");
  return (call.payload[ref] as { text: string }).text;
}

async function exportReplies(h: Harness) {
  const calls = await h.send(staff.text(SUPERVISOR, "/replies export"));
  const doc = calls.find((c) => c.method === "sendDocument")!;
  return { doc, csv: uploadedCsv(doc) };
}

/** The exported CSV with `edit` applied to its rows (header first). */
function edited(csv: string, edit: (rows: string[][], column: (name: string) => number) => void): string {
  const rows = parseCsv(csv).map((r) => r.fields);
  const header = rows[0] as string[];
  edit(rows, (name) => header.indexOf(name));
  return writeCsv(rows, { bom: true });
}

const upload = (h: Harness, from: { id: number; first_name: string }, csv: string) => h.send(staff.document(from, h.telegram.addFile(csv), "replies.csv"));
const preview = (calls: ApiCall[]) => calls.find((c) => c.method === "sendMessage")!;

describe("supervisors edit the saved replies in the staff group", () => {
  it("export → edit → upload shows the changes; Apply makes them live on a second instance too, with an audit line", async () => {
    const a = deskOf();
    const b = deskOf();
    const { doc, csv } = await exportReplies(a);
    expect(textOf(doc)).toContain("version 0, 4 replies");
    expect(parseCsv(csv)[0]!.fields).toEqual(["id", "label_kk", "label_ru", "label_en", "kk_child", "kk_adult", "ru_child", "ru_adult", "en_child", "en_adult"]);
    const changed = edited(csv, (rows, col) => {
      rows.find((r) => r[col("id")] === "closing")![col("en_child")] = "Thank you for writing. Write here again whenever you need to.";
      rows.push(["school", "🏫 Мектеп", "🏫 Школа", "🏫 School",
        "Мектептегі психологпен де сөйлесуге болады.", "Мектептегі психологпен де сөйлесуге болады.",
        "Ты можешь поговорить и со школьным психологом.", "Можно поговорить и со школьным психологом.",
        "You can also talk to the school psychologist.", ""]);
    });
    const shown = await upload(a, SUPERVISOR, changed);
    const message = preview(shown);
    expect(textOf(message)).toContain("The file is valid: 5 entries. It would add 1, remove 0 and change 1:");
    expect(textOf(message)).toContain("+ school");
    expect(textOf(message)).toContain("~ closing: en_child");
    const [apply] = buttonsOf(message);
    expect(apply?.callback_data).toMatch(/^rpl:ok:/);

    // Confirmed on the other instance: the upload waits in Redis.
    const applied = await b.send(staff.callback(SUPERVISOR, apply!.callback_data!));
    expect(textOf(applied.find((c) => c.method === "editMessageText")!)).toContain("saved replies are now version 1");
    const audit = applied.find((c) => c.method === "sendMessage")!;
    expect(audit.payload.message_thread_id).toBeUndefined();
    expect(textOf(audit)).toMatch(/Saved replies updated to version 1 by Saule \(@saule_sup\), .*: 1 added, 0 removed, 1 changed/);

    // a has not looked yet (its timer runs syncData every 2 s). A picker b draws (version 1) and
    // a takes the Send: a takes version 1 from Redis first, then sends what was ticked.
    const c = await caseOf(a, 9510, "en", "child");
    const press = (h: Harness, data: string) => h.send(staff.callback(OPERATOR, data, { thread: c.thread, messageId: c.cardId }));
    const tap = (buttons: { text: string; callback_data?: string }[], label: string) => buttons.find((x) => x.text === label)!.callback_data!;
    let buttons = lastButtons(await press(b, tap(buttonsOf(c.card), "💬 Saved replies")));
    expect(buttons.map((x) => x.text)).toContain("🏫 School");
    buttons = lastButtons(await press(b, tap(buttons, "🤝 Closing")));
    buttons = lastButtons(await press(b, tap(buttons, "🏫 School")));
    expect(a.deps.editor!.replies.live.version).toBe(0);
    const sent = await press(a, tap(buttons, "📤 Send (2)"));
    expect(a.deps.editor!.replies.live.version).toBe(1);
    expect(textOf(toUser(sent, 9510)[0]!)).toBe("Thank you for writing. Write here again whenever you need to.\n\nYou can also talk to the school psychologist.");
    // A picker drawn before a change is redrawn, not sent with other replies than were ticked.
    const stale = await a.send(staff.callback(OPERATOR, `c:rps:1.${c.thread}:0.1`, { thread: c.thread, messageId: c.cardId }));
    expect(answerOf(stale)).toContain("just changed");
    expect(toUser(stale, 9510)).toEqual([]);
  });

  it("a bad file changes nothing and names its rows and columns; a missing language is refused", async () => {
    const a = deskOf();
    const { csv } = await exportReplies(a);
    const bad = edited(csv, (rows, col) => {
      rows[1]![col("kk_child")] = "";
      rows[1]![col("kk_adult")] = "";
      rows[2]![col("label_ru")] = "";
      rows[3]![col("id")] = "Referral!";
      rows[4]![col("id")] = "greeting";
    });
    const reply = await upload(a, SUPERVISOR, bad);
    const text = reply.filter((c) => c.method === "sendMessage").map(textOf).join("\n");
    expect(text).toContain("so nothing was changed");
    expect(text).toContain('line 2 (id "greeting"): kk_child/kk_adult: has no text');
    expect(text).toContain('line 3 (id "safe"): label_ru: is empty');
    expect(text).toContain('line 4 (id "Referral!"): id: must be');
    expect(text).toContain('line 5 (id "greeting"): id: repeats the id of line 2');
    expect(reply.flatMap(buttonsOf)).toEqual([]);
    expect(await db.redis.keys(`${db.prefix}:replies:*`)).toEqual([]);
    // A file without a language's columns at all is refused too.
    const noEnglish = edited(csv, (rows, col) => {
      for (const row of rows) row.splice(col("en_child"), 2);
    });
    expect(textOf(preview(await upload(a, SUPERVISOR, noEnglish)))).toContain("en_child, en_adult: column missing from the header");
    expect(a.deps.editor!.replies.live.version).toBe(0);
  });

  it("refuses anyone but a supervisor: export, upload and Apply", async () => {
    const a = deskOf();
    const { csv } = await exportReplies(a);
    const exportRefused = await a.send(staff.text(OPERATOR, "/replies export"));
    expect(exportRefused.some((c) => c.method === "sendDocument")).toBe(false);
    expect(textOf(preview(exportRefused))).toBe("Only supervisors can change or export the saved replies.");
    const smaller = edited(csv, (rows) => void rows.pop());
    const refused = await upload(a, OPERATOR, smaller);
    expect(refused.some((c) => c.method === "getFile")).toBe(false);
    expect(textOf(preview(refused))).toContain("Only supervisors");
    const apply = buttonsOf(preview(await upload(a, SUPERVISOR, smaller)))[0]!;
    const pressed = await a.send(staff.callback(OPERATOR, apply.callback_data!));
    expect(pressed).toEqual([expect.objectContaining({ method: "answerCallbackQuery", payload: expect.objectContaining({ show_alert: true }) })]);
    expect(await a.deps.editor!.replies.store.version()).toBe(0);
  });

  it("a file checked before another was applied is refused, not applied over it", async () => {
    const a = deskOf();
    const { csv } = await exportReplies(a);
    const first = buttonsOf(preview(await upload(a, SUPERVISOR, edited(csv, (rows) => void rows.pop()))))[0]!;
    const second = buttonsOf(preview(await upload(a, SUPERVISOR, edited(csv, (rows) => void rows.splice(1, 1)))))[0]!;
    await a.send(staff.callback(SUPERVISOR, first.callback_data!));
    const late = await a.send(staff.callback(SUPERVISOR, second.callback_data!));
    expect(textOf(late.find((c) => c.method === "editMessageText")!)).toContain("Other saved replies were applied after this file was checked");
    expect(await a.deps.editor!.replies.store.version()).toBe(1);
    expect(a.deps.editor!.replies.live.entries.map((r) => r.id)).toEqual(["greeting", "safe", "referral"]);
  });
});
