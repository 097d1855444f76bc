/** /privacy: what Senim keeps about a user, for how long, and how to erase it. */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { MENU_CB } from "../callbacks.js";
import { ack } from "../reply.js";
import { afterAnswerKeyboard } from "../keyboards.js";

export function privacyFeature(): Composer<BotContext> {
  const privacyFeature = new Router<BotContext>();

async function showPrivacy(ctx: BotContext): Promise<void> {
  const staffSide = ctx.t("privacy-staff-side", { role: ctx.session?.prefs.role ?? "child" });
  await ctx.reply(`${ctx.t("privacy-text")}\n\n${staffSide}\n\n${ctx.t("privacy-limits")}`, { parse_mode: "HTML", reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx), ctx.personOffer()) });
}

privacyFeature.command("privacy", showPrivacy);
privacyFeature.callbackQuery(MENU_CB.privacy, async (ctx) => {
  await ack(ctx);
  await showPrivacy(ctx);
});
  return privacyFeature;
}
