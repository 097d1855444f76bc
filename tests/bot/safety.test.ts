/**
 * The safety path (issue #14), through the fake Telegram as a child would use it: danger found
 * anywhere (a flow's urgent answers, a crisis message, an edit, an unclear cry) reaches a
 * person at its risk; the quick exit and erasure hold while a case is open; nothing promises
 * "now" when nobody is on duty.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { DEFAULT_OPERATOR_HOURS } from "../../src/config.js";
import { stillWaitingMessage } from "../../src/bot/desk/render.js";
import type { Lang } from "../../src/domain.js";
import type { Hours } from "../../src/directory/schema.js";

const STAFF = -1001234500077;
const db = useTestRedis("safety");
const redis = db.redis;
const staff = staffGroup(STAFF);
const operator = { id: 555, first_name: "Aigerim" };
/** 10:00 on a Monday in Kazakhstan: on duty by the default hours. */
const MONDAY_MORNING = Date.parse("2026-03-02T05:00:00Z");
/** 03:00 on a Sunday in Kazakhstan: nobody on duty by the default hours. */
const SUNDAY_NIGHT = Date.parse("2026-03-07T22:00:00Z");

let nextId = 7100;
async function child(lang: Lang, options: { staff?: boolean; at?: number; hours?: Hours } = {}) {
  let clock = options.at ?? MONDAY_MORNING;
  const h = createHarness({
    redis,
    prefix: db.prefix,
    operatorChatId: options.staff === false ? undefined : STAFF,
    desk: options.staff === false ? undefined : { hours: options.hours ?? "24/7" },
    now: () => new Date(clock),
  });
  const user = new TestUser(h, { id: nextId++, language_code: lang });
  await onboard(user, lang, "child");
  const en = (key: string, vars?: Record<string, string | number>) => h.deps.i18n.t("en", key, vars);
  const t = (key: string, vars?: Record<string, string | number>) => h.deps.i18n.t(lang, key, vars);
  return { h, user, en, t, advance: (ms: number) => (clock += ms) };
}

const topicOf = (reply: { calls: { method: string; payload: Record<string, unknown> }[] }) =>
  String(reply.calls.find((c) => c.method === "createForumTopic")?.payload.name ?? "");
const cardOf = (reply: { calls: Parameters<typeof textOf>[0][] }) =>
  textOf(reply.calls.find((c) => c.method === "sendMessage" && c.payload.chat_id === STAFF && String(c.payload.text).includes("Case #"))!);

describe("danger found in a flow opens the case at its risk", () => {
  it.each(["kk", "ru"] as const)("danger → it's me → happening now → a person: 🔴, topic danger, the answers on the card (%s)", async (lang) => {
    const { user, en } = await child(lang);
    await user.press("t:danger");
    await user.press("f:danger:who:me");
    const outcome = await user.press("f:danger:now:now");
    // Under the urgent outcome: a person now, and the quick exit.
    expect(outcome.buttonData).toContain("m:person:now");
    expect(outcome.buttonData).toContain("m:hide");
    const opened = await user.press("m:person:now");
    expect(topicOf(opened)).toMatch(/^🔴 #\d+ · .. · danger/);
    const card = cardOf(opened);
    expect(card).toContain(en("staff-risk-emergency"));
    expect(card).toContain(`${en("flow-danger-who-me", { role: "child" })} · ${en("flow-danger-now-now", { role: "child" })}`);
  });

  it.each(["kk", "ru"] as const)("feeling bad → thoughts of not wanting to live → right now: 🔴 feeling_bad; thoughts only: 🟠 (%s)", async (lang) => {
    const now = await child(lang);
    await now.user.press("t:feeling_bad");
    await now.user.press("f:feeling_bad:long:weeks");
    await now.user.press("f:feeling_bad:harm:now");
    expect(topicOf(await now.user.press("m:person:now"))).toMatch(/^🔴 #\d+ · .. · feeling_bad/);

    const thoughts = await child(lang);
    await thoughts.user.press("t:feeling_bad");
    await thoughts.user.press("f:feeling_bad:long:weeks");
    await thoughts.user.press("f:feeling_bad:harm:thoughts");
    // Also through the menu's ordinary button, a while later: the answers still count.
    thoughts.advance(30 * 60_000);
    await thoughts.user.say("/menu");
    expect(topicOf(await thoughts.user.press("m:person"))).toMatch(/^🟠 #\d+ · .. · feeling_bad/);
  });

  it("violence happening now is an emergency case; hours later the old answers no longer count", async () => {
    const { user, advance } = await child("ru");
    await user.press("t:violence");
    await user.press("f:violence:who:me");
    await user.press("f:violence:kind:hit");
    await user.press("f:violence:now:now");
    advance(3 * 3_600_000);
    await user.say("/menu");
    expect(topicOf(await user.press("m:person"))).toMatch(/^⚪ #\d+ · ru · — /);
  });

  it("a crisis reply's button opens the case at the message's risk and topic, with what was said", async () => {
    const { h, user } = await child("ru");
    const reply = await user.say("отчим трогает меня и говорит никому не рассказывать");
    expect(reply.buttonData).toContain("m:person:now");
    const opened = await user.press("m:person:now");
    expect(topicOf(opened)).toMatch(/^🟠 #\d+ · ru · violence/);
    const id = Number(/#(\d+)/.exec(topicOf(opened))![1]);
    expect((await h.deps.desk!.store.get(id))?.summary).toContain("отчим");
  });
});

describe("every message is graded", () => {
  it.each([
    ["ru", "я хочу умереть"],
    ["kk", "өлгім келеді"],
  ] as const)("a harmless message edited into a crisis gets the emergency numbers (%s)", async (lang, words) => {
    const { user } = await child(lang);
    await user.say("привет");
    const edited = await user.send(user.updates.edit(words));
    expect(edited.text).toMatch(/112[\s\S]*150[\s\S]*111/);
    expect(edited.messages[0]!.payload.protect_content).toBe(true);
  });

  it("an edit that is no danger gets no second answer", async () => {
    const { user } = await child("ru");
    await user.say("привет");
    const edited = await user.send(user.updates.edit("привет, как дела"));
    expect(edited.messages).toEqual([]);
  });

  it.each([
    ["ru", "помогите!!!"],
    ["en", "help"],
    ["kk", "😭😭😭"],
  ] as const)("a bare cry (%s %s) is asked 'Are you safe right now?' with Yes, No and a person", async (lang, words) => {
    const { user, t } = await child(lang);
    const asked = await user.say(words);
    expect(asked.text).toContain(t("safe-ask", { role: "child" }));
    expect(asked.buttonData).toEqual(expect.arrayContaining(["safe:yes", "safe:no", "safe:person", "m:hide"]));
  });

  it.each(["kk", "ru"] as const)("'No' opens a case at high risk and says to call 112 (%s)", async (lang) => {
    const { user, t } = await child(lang);
    await user.say("помогите!!!");
    const no = await user.press("safe:no");
    expect(topicOf(no)).toMatch(/^🟠 #\d+ · .. · feeling_bad/);
    expect(no.text).toContain(t("safe-no", { role: "child" }));
  });

  it("'I want to talk to a person' opens a case at high risk; 'Yes' leads to the menu", async () => {
    const { user, t } = await child("en");
    await user.say("help");
    expect(topicOf(await user.press("safe:person"))).toMatch(/^🟠 /);
    const other = await child("ru");
    await other.user.say("помогите!!!");
    const yes = await other.user.press("safe:yes");
    expect(yes.text).toContain(other.t("safe-yes", { role: "child" }));
    expect(yes.buttonData).toContain("t:danger");
    expect(yes.calls.some((c) => c.method === "createForumTopic")).toBe(false);
    void t;
  });

  it.each([
    ["en", "I am thinking about suicide"],
    ["ru", "я думаю о суициде"],
    ["kk", "өзімді өлтіргім келеді, әкем ұрады"],
  ] as const)("stated suicidal thoughts get the self-harm words with 150, 112 and 111, not the abuse template (%s)", async (lang, words) => {
    const { user, t } = await child(lang);
    const reply = await user.say(words);
    expect(reply.text).not.toContain(t("crisis-high", { role: "child" }).slice(0, 40));
    expect(reply.text).toMatch(/150/);
    expect(reply.text).toMatch(/112/);
    expect(reply.text).toMatch(/111/);
    expect(reply.text).toMatch(new RegExp(`${t("crisis-self-harm", { role: "child" }).slice(0, 25)}|${t("crisis-emergency-self-harm", { role: "child" }).slice(0, 25)}`));
  });
});

describe("the quick exit and erasure hold while a case is open", () => {
  async function withCase(lang: Lang) {
    const c = await child(lang);
    const opened = await c.user.press("m:person");
    const thread = (opened.calls.find((x) => x.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
    return { ...c, thread };
  }

  it.each(["kk", "ru"] as const)("after /hide the operator's next message is held and the topic told; it comes when the child writes again (%s)", async (lang) => {
    const { h, user, en, thread } = await withCase(lang);
    const hid = await user.say("/hide");
    expect(hid.methods()).toContain("deleteMessages");
    const toTopic = hid.calls.filter((c) => c.payload.chat_id === STAFF).map(textOf).join("\n");
    expect(toTopic).toContain(en("staff-hidden", { id: 1 }).slice(0, 30));

    const asked = await h.send(staff.text(operator, "Is your father still hitting you?", { thread }));
    expect(asked.filter((c) => c.payload.chat_id === user.updates.user.id)).toEqual([]);
    expect(asked.map(textOf).join("\n")).toContain(en("staff-held"));
    // Held across the outbox's timers too.
    const flushed = h.telegram.mark();
    await h.deps.desk!.flush();
    expect(h.telegram.since(flushed).filter((c) => c.payload.chat_id === user.updates.user.id)).toEqual([]);

    const back = await user.say("привет");
    const delivered = back.calls.filter((c) => c.method === "copyMessage" && c.payload.chat_id === user.updates.user.id);
    expect(delivered).toHaveLength(1);
    expect(back.calls.filter((c) => c.payload.chat_id === STAFF).map(textOf).join("\n")).toContain(en("staff-unheld", { id: 1 }).slice(0, 20));
  });

  it("the menu and the screens about danger have the quick exit, and its button works like /hide", async () => {
    const { user } = await withCase("ru");
    const menu = await user.say("/menu");
    expect(menu.buttonData).toContain("m:hide");
    const hid = await user.press("m:hide");
    expect(hid.methods()).toContain("deleteMessages");
    expect(hid.calls.some((c) => c.payload.chat_id === STAFF)).toBe(true);
  });

  it.each(["kk", "ru"] as const)("/forget during a case: the topic is told, and an operator writing later gets a clear notice (%s)", async (lang) => {
    const { h, user, en, thread } = await withCase(lang);
    await user.say("/forget");
    const erased = await user.pressNth(1);
    expect(erased.calls.filter((c) => c.payload.chat_id === STAFF).map(textOf).join("\n")).toContain(en("staff-erased", { id: 1 }).slice(0, 30));
    const later = await h.send(staff.text(operator, "Are you there?", { thread }));
    expect(later.filter((c) => c.payload.chat_id === user.updates.user.id)).toEqual([]);
    expect(later.map(textOf).join("\n")).toContain(en("staff-erased-reply"));
  });

  it("an old 'Yes, erase' button cannot erase later", async () => {
    const { h, user, t, advance } = await withCase("ru");
    await user.say("/forget");
    advance(11 * 60_000);
    const late = await user.pressNth(1);
    expect(late.text).toContain(t("forget-expired", { role: "child" }));
    expect(await h.deps.desk!.store.get(1)).toBeDefined();
  });

  it("a supervisor's block survives /forget", async () => {
    const c = await child("en");
    const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, desk: { supervisors: [777] } });
    const user = c.user.reconnect(h);
    const opened = await user.press("m:person");
    expect(topicOf(opened)).not.toBe("");
    const id = Number(/#(\d+)/.exec(topicOf(opened))![1]);
    await h.send(staff.callback({ id: 777, first_name: "Sup" }, `c:block:${id}`));
    await user.say("/forget");
    await user.pressNth(1);
    await user.say("/start");
    const again = await user.send(user.updates.callback("m:person"));
    expect(again.calls.some((x) => x.method === "createForumTopic")).toBe(false);
  });

  it("/privacy says honestly what the quick exit cannot delete and that a block stays", async () => {
    const { user, t } = await child("kk");
    const privacy = await user.say("/privacy");
    expect(privacy.text).toContain(t("privacy-limits").split("\n")[1]!.slice(0, 30));
    expect(privacy.text).toContain("48");
  });
});

describe("honest promises", () => {
  it.each(["kk", "ru"] as const)("off duty, no button promises 'now', and the user is told nobody reads until the morning (%s)", async (lang) => {
    const { user, t } = await child(lang, { at: SUNDAY_NIGHT, hours: DEFAULT_OPERATOR_HOURS });
    const crisis = await user.say("я хочу умереть");
    expect(crisis.buttons).not.toContain(t("crisis-person-now"));
    expect(crisis.buttons).toContain(t("person-later"));
    const menu = await user.say("/menu");
    expect(menu.buttons).toContain(t("person-later"));
    const opened = await user.press("m:person");
    expect(opened.text).toContain(t("case-meanwhile-off-duty", { role: "child" }));
    expect(opened.text).toMatch(/112[\s\S]*150[\s\S]*111/);
  });

  it("without a staff group, the person button's answer (the phone lines) does not offer itself again", async () => {
    const { user, t } = await child("ru", { staff: false });
    const reply = await user.send(user.updates.callback("m:person"));
    expect(reply.text).toContain("150");
    expect(reply.buttons).not.toContain(t("menu-person"));
    expect(reply.buttonData).toEqual(["m:menu"]);
  });

  it("a raise after the waiting limit says the truth for the hour", async () => {
    const { h } = await child("ru");
    const text = stillWaitingMessage(h.deps.i18n);
    const onDuty = text({ lang: "ru", role: "child" }, { onDuty: true });
    const offDuty = text({ lang: "ru", role: "child" }, { onDuty: false, opensAt: new Date("2026-03-09T04:00:00Z") });
    expect(onDuty).toContain(h.deps.i18n.t("ru", "case-still-waiting", { role: "child" }));
    expect(offDuty).toContain("никого из операторов нет на смене");
    expect(offDuty).toContain("09:00");
    expect(offDuty).not.toContain("все операторы заняты");
  });
});

void buttonsOf;
