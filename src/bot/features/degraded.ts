/**
 * When Redis cannot be reached, Senim still answers from memory: a crisis message gets the
 * emergency numbers, /start gets the greeting with the national numbers, everyone else is
 * told honestly that the bot will be back shortly (with the numbers). Nothing is stored;
 * the update is then failed on purpose, so that Telegram delivers it again (webhooks) once
 * Redis is back. At most one such notice per chat per minute, so retries do not spam.
 */
import type { BotContext, BotDeps } from "../context.js";
import { assessRisk } from "../../triage/index.js";

/** Thrown after the degraded answer so the update is retried later (webhook answers 500). */
export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super("session storage unavailable", { cause });
    this.name = "StorageUnavailable";
  }
}

const lastNotice = new Map<number, number>();

type DegradeDeps = Pick<BotDeps, "metrics" | "i18n" | "api">;

/** Redis failed before the update could use it: log and count it, answer from memory, fail the update. */
export function degrader(deps: DegradeDeps): (ctx: BotContext, err: unknown) => Promise<never> {
  return async (ctx, err) => {
    ctx.log.warn({ err }, "storage unavailable; answering without it");
    deps.metrics.storageUnavailable();
    await answerWithoutStorage(deps, ctx);
    throw new StorageUnavailable(err);
  };
}

/** A message in danger (emergency or high), graded from its text alone: no session needed. */
export function urgentText(ctx: BotContext): boolean {
  const text = ctx.msg?.text ?? ctx.msg?.caption ?? "";
  if (!text || text.startsWith("/")) return false;
  const level = assessRisk(text).level;
  return level === "emergency" || level === "high";
}

/** The emergency answer (112, 150, 111 and when to call which), in child words, from memory. */
export async function answerCrisisFromMemory(deps: Pick<BotDeps, "i18n">, ctx: BotContext): Promise<void> {
  const t = (key: string) => deps.i18n.t(ctx.lang, key, { role: "child" });
  await ctx.api.sendMessage(ctx.chat!.id, `${t("crisis-emergency")}\n\n${t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true });
}

async function answerWithoutStorage(deps: DegradeDeps, ctx: BotContext): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const text = ctx.message?.text ?? "";
  const urgent = urgentText(ctx);
  const now = Date.now();
  if (!urgent && (lastNotice.get(chatId) ?? 0) > now - 60_000) return;
  if (lastNotice.size > 50_000) lastNotice.clear();
  lastNotice.set(chatId, now);
  const t = (key: string) => deps.i18n.t(ctx.lang, key, { role: "child" });
  // Not in the webhook's answer: the update is failed (so that Telegram retries it), and that
  // answer would be thrown away with it.
  if (ctx.callbackQuery) {
    await deps.api.answerCallbackQuery(ctx.callbackQuery.id, { text: t("degraded-short") }).catch(() => undefined);
  }
  if (urgent) return answerCrisisFromMemory(deps, ctx).catch(() => undefined);
  const body = text.startsWith("/start") ? `${t("start-greeting-degraded")}\n\n${t("emergency-numbers")}` : `${t("degraded")}\n\n${t("emergency-numbers")}`;
  await ctx.api.sendMessage(chatId, body, { parse_mode: "HTML" }).catch(() => undefined);
}
