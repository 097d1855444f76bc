/**
 * Telegram says 429 (with retry_after) or 5xx: the call is retried by the auto-retry plugin,
 * for ordinary replies and inside flows (a flow sends through the outer context, on bot.api
 * with the plugin), and the user still gets the answer, once.
 */
import { describe, expect, it } from "vitest";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("retry");

describe("Telegram failures are retried", () => {
  it("a 429 with retry_after on an ordinary reply", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 93_001, language_code: "en" });
    h.telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const started = Date.now();
    const reply = await user.say("/help");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(reply.messages).toHaveLength(1);
    expect(reply.text).toContain("/language");
  });

  it("a 429 and a 502 inside a flow", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 93_002, language_code: "ru" });
    await onboard(user, "ru", "parent");
    h.telegram.failNext("editMessageText", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const question = await user.press("t:family");
    expect(question.messages.map((m) => m.method)).toEqual(["editMessageText"]); // retried, not replaced
    expect(question.buttonData.some((d) => d.startsWith("f:family:"))).toBe(true);
    h.telegram.failNext("editMessageText", { error_code: 502, description: "Bad Gateway" });
    const next = await user.send(user.updates.callback(question.buttonData[0]!));
    expect(next.messages.map((m) => m.method)).toEqual(["editMessageText"]);
  }, 30_000);
});
