/**
 * The flow engine with a small flow of its own (the real topic flows have their own tests):
 * steps, Back, Cancel, typed answers, stale buttons, language switch mid-flow, and resuming
 * on a new bot instance after a restart.
 */
import { describe, expect, it } from "vitest";
import type { FlowDef } from "../../src/flows/types.js";
import { createHarness, TestUser, useTestRedis } from "../kit/harness.js";

const { redis, prefix } = useTestRedis("flow-engine", { shared: true });

// Uses existing core keys as texts so the test needs no locale of its own.
const testFlow: FlowDef = {
  topic: "family",
  intro: "role-ask",
  needsRegion: true,
  questions: [
    {
      id: "first",
      ask: "language-ask",
      options: [
        { id: "a", label: "forget-yes" },
        { id: "b", label: "forget-no" },
      ],
    },
    {
      id: "second",
      ask: "cancel-nothing",
      options: [
        { id: "x", label: "region-prev" },
        { id: "y", label: "region-next" },
      ],
      when: (answers) => answers.first === "a",
    },
  ],
  outcome: (answers) => ({
    advice: [answers.second === "y" ? "help-text" : "unknown-command"],
    referralTopic: "family",
    protectContent: answers.first === "b",
  }),
};

const withTestFlow = { flows: { family: testFlow } };

async function onboard(user: TestUser, lang: "Русский" | "English" | "Қазақша") {
  await user.say("/start");
  await user.press(lang);
  return user.pressNth(2); // parent
}

describe("the flow engine", () => {
  it("asks the questions in order, skips by `when`, asks the region, ends in advice and cards", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6001, language_code: "en" });
    await onboard(user, "English");
    const q1 = await user.press("👪 Family difficulties");
    expect(q1.text).toContain("Who is writing?"); // intro
    expect(q1.text).toContain("Choose a language:"); // first question
    expect(q1.buttons).toEqual(["Yes, erase everything", "No, keep it", "◀ Back", "☰ Menu", "✖ Cancel"]);
    const q2 = await user.press("Yes, erase everything");
    expect(q2.text).toContain("There is nothing to stop");
    const region = await user.press("Next ▶");
    expect(region.text).toContain("Which region are you in?");
    const end = await user.press("Shymkent");
    expect(end.text).toContain("Senim</b> shows children"); // help-text advice
    expect(end.text).toContain("Where you can turn:");
    expect(end.buttons).toEqual(["🙋 Talk to a person", "☰ Back to menu"]);
    // the region chosen in the flow is remembered
    const prefs = JSON.parse((await redis.get((await redis.keys(`${prefix}:prefs:*`))[0]!))!);
    expect(prefs.region).toBe("shymkent");
  });

  it("Back returns to the previous question; Cancel leaves with the menu", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6002, language_code: "ru" });
    await onboard(user, "Русский");
    await user.press("👪 Трудности в семье");
    await user.press("Да, удалить всё");
    const back = await user.press("f:back");
    expect(back.text).toContain("Выберите язык");
    const cancelled = await user.press("✖ Отмена");
    expect(cancelled.text).toContain("Остановились");
    expect(cancelled.buttons).toContain("🆘 Опасность прямо сейчас");
    const stale = await user.send(user.updates.callback("f:family:first:a"));
    expect(stale.text).toContain("из старого сообщения");
  });

  it("a typed number answers; other text asks to use the buttons; protect_content when the flow says so", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6003, language_code: "ru" });
    await onboard(user, "Русский");
    await user.press("👪 Трудности в семье");
    const nudge = await user.say("не знаю");
    expect(nudge.text).toContain("Выберите одну из кнопок");
    const region = await user.say("2");
    expect(region.text).toContain("В каком вы регионе?");
    const end = await user.press("Без региона");
    const protectedCalls = end.messages.filter((c) => c.payload.protect_content === true);
    expect(protectedCalls.length).toBe(end.messages.length);
  });

  it("switching the language mid-flow keeps the flow and re-asks in the new language", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6004, language_code: "ru" });
    await onboard(user, "Русский");
    await user.press("👪 Трудности в семье");
    await user.say("/language");
    const switched = await user.press("Қазақша");
    expect(switched.text).toContain("қазақша сөйлесеміз");
    const again = await user.press("▶ Жалғастыру");
    expect(again.text).toContain("Тілді таңдаңыз");
    expect(again.buttons).toContain("Иә, бәрін өшір");
  });

  it("resumes on a new bot instance after a restart, on the same Redis", async () => {
    const first = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(first, { id: 6005, language_code: "en" });
    await onboard(user, "English");
    await user.press("👪 Family difficulties");
    await user.press("Yes, erase everything");
    // The process dies here; a new instance starts on the same Redis.
    const second = createHarness({ redis, prefix, app: withTestFlow });
    const resumed = user.reconnect(second);
    const region = await resumed.press("Next ▶");
    expect(region.text).toContain("Which region are you in?");
    const end = await resumed.press("Astana");
    expect(end.text).toContain("Where you can turn:");
    const flowKeys = await redis.keys(`${prefix}:flow:*`);
    expect(flowKeys).toEqual([]); // the finished flow leaves no state behind
  });

  it("flow state has a short TTL, preferences a long one", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6006, language_code: "en" });
    await onboard(user, "English");
    await user.press("👪 Family difficulties");
    const [flowKey] = await redis.keys(`${prefix}:flow:*`);
    const [prefsKey] = await redis.keys(`${prefix}:prefs:*`);
    const flowTtl = await redis.ttl(flowKey!);
    const prefsTtl = await redis.ttl(prefsKey!);
    expect(flowTtl).toBeGreaterThan(0);
    expect(flowTtl).toBeLessThanOrEqual(24 * 3600);
    expect(prefsTtl).toBeGreaterThan(flowTtl);
  });
});

describe("what the flow state keeps", () => {
  it("no Telegram id, name, username or typed text reaches the flow key in Redis", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 912345678, language_code: "en" });
    (user.updates.user as { first_name?: string; username?: string }).first_name = "Aruzhan";
    (user.updates.user as { first_name?: string; username?: string }).username = "aruzhan_secret";
    await onboard(user, "English");
    await user.press("👪 Family difficulties");
    await user.say("my private words about home");
    await user.say("1"); // a typed answer still works
    const [flowKey] = await redis.keys(`${prefix}:flow:*`);
    const stored = (await redis.get(flowKey!))!;
    for (const secret of ["912345678", "Aruzhan", "aruzhan_secret", "my private words"]) expect(stored).not.toContain(secret);
    // and the flow goes on after a restart, from the stored state alone
    const second = createHarness({ redis, prefix, app: withTestFlow });
    const next = await user.reconnect(second).press("Next ▶");
    expect(next.text).toContain("Which region are you in?");
  });
});

describe("the flow state stays small", () => {
  it("does not grow with the steps: fourteen answers back and forth store no more than the first", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6010, language_code: "en" });
    await onboard(user, "English");
    await user.press("👪 Family difficulties");
    const flowValue = async () => (await redis.get((await redis.keys(`${prefix}:flow:*`))[0]!))!;
    const first = (await flowValue()).length;
    const sizes: number[] = [];
    // (Fourteen steps: with onboarding that stays under the flood limit of 20 updates in 10 s.)
    for (let i = 0; i < 7; i++) {
      await user.press("f:family:first:a");
      sizes.push((await flowValue()).length);
      const back = await user.press("f:back");
      expect(back.text).toContain("Choose a language"); // the first question again
      sizes.push((await flowValue()).length);
    }
    // The state is where the user is, not what happened: as small at step 14 as at step 1.
    expect(Math.max(...sizes)).toBeLessThan(first + 200);
    expect(Math.max(...sizes)).toBeLessThan(1500);
  });

  it("leaving a flow leaves no answers behind in Redis", async () => {
    const h = createHarness({ redis, prefix, app: withTestFlow });
    const user = new TestUser(h, { id: 6011, language_code: "en" });
    await onboard(user, "English");
    await user.press("👪 Family difficulties");
    await user.press("Yes, erase everything");
    const [flowKey] = await redis.keys(`${prefix}:flow:*`);
    expect(await redis.get(flowKey!)).toContain('"first":"a"');
    await user.press("Cancel");
    expect((await redis.get(flowKey!)) ?? "").not.toContain('"first"');
  });
});
