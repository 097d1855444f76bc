/**
 * The bot's profile at start: a name, a description and a short description in Kazakh,
 * Russian and English (Russian also as the default), from locales/, the description carrying
 * 112, 150 and 111 so that a child sees them before pressing Start. Set only when they differ
 * (Telegram limits these calls); a refusal is logged and the start goes on.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { secretFromToken } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { PROFILE_LIMITS } from "../../src/bot/profile.js";
import { BOT_INFO, FAKE_TOKEN, FakeTelegram } from "../../src/testing/fake-telegram.js";
import { LogSink, testPrefix } from "../kit/harness.js";

function startApp(telegram: FakeTelegram, logs = new LogSink()) {
  return createApp({
    token: FAKE_TOKEN,
    botInfo: BOT_INFO,
    client: { fetch: telegram.fetch },
    logger: createLogger("info", logs),
    prefix: testPrefix("profile"), // no Redis: nothing is written under it
    pseudonymSecret: secretFromToken(FAKE_TOKEN),
  });
}

const SETTERS = ["setMyName", "setMyDescription", "setMyShortDescription"];

describe("the bot's profile", () => {
  it("is set at start in each language from the locales, the description carrying 112, 150 and 111", async () => {
    const telegram = new FakeTelegram();
    await startApp(telegram).init();
    const sets = telegram.calls.filter((c) => SETTERS.includes(c.method));
    for (const method of SETTERS) {
      const codes = sets.filter((c) => c.method === method).map((c) => c.payload.language_code ?? "default");
      expect(codes, method).toEqual(["kk", "ru", "en", "default"]);
    }
    const kk = telegram.profile.get("kk")!;
    const ru = telegram.profile.get("ru")!;
    const en = telegram.profile.get("en")!;
    expect(kk.name).toContain("Сенім");
    expect(kk.description).toContain("сенім телефоны");
    expect(ru.description).toContain("телефон доверия для детей и молодёжи");
    expect(en.description).toContain("helpline for children and young people");
    expect(telegram.profile.get("")).toEqual(ru); // any other language: Russian
    for (const p of [kk, ru, en]) {
      for (const number of ["112", "150", "111"]) {
        expect(p.description).toContain(number);
        expect(p.short_description).toContain(number);
      }
      expect(p.name!.length).toBeLessThanOrEqual(PROFILE_LIMITS.name);
      expect(p.description!.length).toBeLessThanOrEqual(PROFILE_LIMITS.description);
      expect(p.short_description!.length).toBeLessThanOrEqual(PROFILE_LIMITS.short_description);
      // Nothing sourced says 150 answers around the clock or for free: the profile does not claim it.
      const line150 = p.description!.split("\n").find((l) => l.includes("150"))!;
      expect(line150).not.toMatch(/24\/7|тәулік|круглосуточно|тегін|бесплатно|free/i);
    }
  });

  it("is not set again when Telegram already has it, and a refusal does not stop the start", async () => {
    const telegram = new FakeTelegram();
    await startApp(telegram).init();
    const from = telegram.mark();
    await startApp(telegram).init();
    expect(telegram.since(from).filter((c) => SETTERS.includes(c.method))).toEqual([]);

    const refused = new FakeTelegram();
    refused.failNext("setMyDescription", { error_code: 400, description: "Bad Request: test refusal" });
    const logs = new LogSink();
    await startApp(refused, logs).init();
    expect(logs.lines.join("\n")).toContain("keeps the ones it has");
    expect(refused.calls.some((c) => c.method === "setMyCommands")).toBe(true);
  });
});
