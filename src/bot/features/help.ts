/** /help: what the bot does, the commands, and the numbers to call, in the user's language. */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards.js";

export function helpFeature(): Composer<BotContext> {
  const helpFeature = new Router<BotContext>();

helpFeature.command("help", async (ctx) => {
  await ctx.reply(`${ctx.t("help-text")}\n\n${ctx.t("emergency-numbers")}`, {
    parse_mode: "HTML",
    reply_markup: mainMenuKeyboard(ctx.t.bind(ctx), ctx.personOffer()),
  });
});
  return helpFeature;
}
