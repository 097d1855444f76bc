/**
 * The error boundary: whatever fails while handling a user, they get a short apology in
 * their language that still carries the emergency numbers, and the log gets the error class
 * and update id, never the message text.
 *
 * Except when Telegram itself cannot take our answer now (429 for longer than auto-retry
 * waits, a 5xx, the network): then an apology would fail too, and the update is failed
 * instead, unsaved, so that Telegram delivers it again and it is answered then. And when
 * Redis could not store what the update did (gone, or full): the user gets the answer from
 * memory (a crisis its numbers) and the update is failed too, so that what they sent is not
 * lost but delivered again once Redis is back.
 */
import type { BotError } from "grammy";
import { telegramUnavailable } from "../telegram-errors.js";
import type { BotContext, BotDeps } from "../context.js";
import { degrader, StorageUnavailable } from "./degraded.js";
import { storageUnavailable } from "../../storage/redis.js";
import { readerRole } from "../../domain.js";

type ApologyDeps = Pick<BotDeps, "i18n" | "logger" | "metrics" | "api">;

export function apologizer(deps: ApologyDeps): (err: BotError<BotContext>) => Promise<void> {
  const degrade = degrader(deps);
  return async (err) => {
    // Redis failed in the middle of a user's update: answered from memory, and failed.
    if (err.ctx.chat?.type === "private" && storageUnavailable(err.error)) return degrade(err.ctx, err.error);
    return apologize(deps, err);
  };
}

async function apologize(deps: ApologyDeps, err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  // Already answered from memory (Redis down); the failure only asks Telegram to retry.
  if (err.error instanceof StorageUnavailable) return;
  ctx.failed = true;
  (ctx.log ?? deps.logger).error({ err: err.error, update_id: ctx.update.update_id }, "update failed");
  if (telegramUnavailable(err.error)) throw err.error;
  if (ctx.chat?.type !== "private") return;
  try {
    const lang = ctx.lang ?? "ru";
    const vars = { role: readerRole(ctx.session?.prefs.role) };
    const t = deps.i18n;
    await ctx.api.sendMessage(ctx.chat.id, `${t.t(lang, "error-apology", vars)}\n\n${t.t(lang, "emergency-numbers", vars)}`, {
      parse_mode: "HTML",
    });
  } catch {
    // Telegram itself is failing; the log line above is all we can do.
  }
}

