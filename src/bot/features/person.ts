/**
 * "Talk to a person". Until the operators' desk is connected (OPERATOR_CHAT_ID), the honest
 * answer is the lines where trained people answer now: 150 and 111, and 112 in danger.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { afterAnswerKeyboard, CB } from "../keyboards.js";
import { ack } from "../reply.js";

export const personFeature = new Composer<BotContext>();

personFeature.callbackQuery(CB.person, async (ctx) => {
  await ack(ctx);
  await ctx.reply(`${ctx.t("person-by-phone")}\n\n${ctx.t("emergency-numbers")}`, {
    parse_mode: "HTML",
    reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)),
  });
});
