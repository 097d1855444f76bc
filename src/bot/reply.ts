/**
 * Small reply helpers every feature uses, so the main menu and the emergency numbers look
 * the same wherever they appear.
 */
import type { BotContext } from "./context.js";
import { mainMenuKeyboard } from "./keyboards.js";

/** Sends the main menu, optionally after a lead sentence. */
export async function sendMenu(ctx: BotContext, leadKey?: string): Promise<void> {
  const text = leadKey ? `${ctx.t(leadKey)}\n\n${ctx.t("menu-title")}` : ctx.t("menu-title");
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx.t.bind(ctx), ctx.personOffer()) });
}

/** Acknowledges a button press; an expired query is not worth failing the update for. */
export async function ack(ctx: BotContext, textKey?: string): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery(textKey ? { text: ctx.t(textKey) } : undefined).catch(() => undefined);
}
