/**
 * The last word for anything no feature took: free text outside a flow (routed to the menu,
 * with an invitation), stickers, voice and other media (we read text only, and say where to
 * call), and stale or unknown buttons (a helpful answer, never a silent drop).
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { MENU_CB, parseFlowCallback } from "../callbacks.js";
import { ack, sendMenu } from "../reply.js";
import { routeTopic } from "../../flows/router.js";
import type { StartTopic } from "./flow.js";
import { offerLanguage } from "./language.js";
import { takeRegion } from "./near.js";
import { matchTypedAnswer } from "../../flows/answers.js";

export function fallbackFeature(deps: Pick<BotDeps, "i18n" | "referrals" | "now">, startTopic: StartTopic): Composer<BotContext> {
  const fallbackFeature = new Router<BotContext>();

fallbackFeature.on("callback_query:data", async (ctx) => {
  await ack(ctx, "stale-button-short");
  const button = parseFlowCallback(ctx.callbackQuery.data);
  if (button && "topic" in button) {
    // A flow button from before a restart or an old message: offer to start that topic again.
    const kb = new InlineKeyboard()
      .text(ctx.t("flow-restart", { topic: ctx.t(`menu-topic-${button.topic}`) }), MENU_CB.topic(button.topic))
      .row()
      .text(ctx.t("back-to-menu"), MENU_CB.menu);
    await ctx.reply(ctx.t("stale-button"), { reply_markup: kb });
    return;
  }
  await sendMenu(ctx, "stale-button");
});

fallbackFeature.on("callback_query", (ctx) => ack(ctx));

fallbackFeature.on("message:text", async (ctx) => {
  if (ctx.message.text.startsWith("/")) return sendMenu(ctx, "unknown-command");
  // Words that name a topic open it; anything else gets the menu with an invitation.
  const topic = routeTopic(ctx.message.text);
  if (topic) return startTopic(ctx, topic);
  // A region's name typed on its own (after "Find help near me", or unasked) is taken as the region.
  const region = matchTypedAnswer(ctx.message.text, deps.referrals.regionPhrases());
  if (region !== undefined) return takeRegion(deps, ctx, region);
  // Words in another language than the chosen one: offer it (the menu comes after the switch).
  if (await offerLanguage(deps, ctx, ctx.message.text)) return;
  await sendMenu(ctx, "free-text-invite");
});

fallbackFeature.on("message", async (ctx) => {
  await ctx.reply(`${ctx.t("media-unsupported")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
});
  return fallbackFeature;
}
