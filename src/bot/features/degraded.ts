/**
 * When Redis cannot be reached, Senim still answers from memory: a crisis message gets the
 * emergency numbers, /start gets the greeting with the national numbers, everyone else is
 * told honestly that the bot will be back shortly (with the numbers). Nothing is stored;
 * the update is then failed on purpose, so that Telegram delivers it again (webhooks) once
 * Redis is back. At most one such notice per chat per minute, so retries do not spam.
 */
import type { BotContext } from "../context.js";
import { assessRisk } from "../../triage/index.js";

/** Thrown after the degraded answer so the update is retried later (webhook answers 500). */
export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super("session storage unavailable", { cause });
    this.name = "StorageUnavailable";
  }
}

const lastNotice = new Map<number, number>();

/** Redis failed before the update could use it: log and count it, answer from memory, fail the update. */
export async function degrade(ctx: BotContext, err: unknown): Promise<never> {
  ctx.log.warn({ err }, "storage unavailable; answering without it");
  ctx.deps.metrics.storageUnavailable();
  await answerWithoutStorage(ctx);
  throw new StorageUnavailable(err);
}

export async function answerWithoutStorage(ctx: BotContext): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const text = ctx.message?.text ?? "";
  const risk = text && !text.startsWith("/") ? assessRisk(text).level : "none";
  const urgent = risk === "emergency" || risk === "high";
  const now = Date.now();
  if (!urgent && (lastNotice.get(chatId) ?? 0) > now - 60_000) return;
  if (lastNotice.size > 50_000) lastNotice.clear();
  lastNotice.set(chatId, now);
  const t = (key: string) => ctx.deps.i18n.t(ctx.lang, key, { role: "child" });
  // Not in the webhook's answer: the update is failed (so that Telegram retries it), and that
  // answer would be thrown away with it.
  if (ctx.callbackQuery) {
    await ctx.deps.api.answerCallbackQuery(ctx.callbackQuery.id, { text: t("degraded-short") }).catch(() => undefined);
  }
  const body = urgent
    ? `${t("crisis-emergency")}\n\n${t("crisis-numbers")}`
    : text.startsWith("/start")
      ? `${t("start-greeting-degraded")}\n\n${t("emergency-numbers")}`
      : `${t("degraded")}\n\n${t("emergency-numbers")}`;
  await ctx.api.sendMessage(chatId, body, { parse_mode: "HTML", protect_content: urgent }).catch(() => undefined);
}
