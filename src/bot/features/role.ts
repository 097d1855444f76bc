/** "Who are you?": child or teen, parent or caregiver, professional. Children get plainer texts. */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { onButtons, parseMenuCallback } from "../callbacks.js";
import { roleKeyboard } from "../keyboards.js";
import { ack, sendMenu } from "../reply.js";

export function roleFeature(): Composer<BotContext> {
  const roleFeature = new Router<BotContext>();

onButtons(roleFeature, parseMenuCallback, {
  role: async (ctx, { role }) => {
    await ack(ctx);
    if (!role) return sendMenu(ctx);
    ctx.session.prefs.role = role;
    await sendMenu(ctx, `role-welcome-${role}`);
  },
});
  return roleFeature;
}

/**
 * Words typed by someone who has not said who they are (after a crisis check, before the menu's
 * guesses): the question is asked again, because guessing would make a child a parent and take
 * away the answers meant for them. A command or a running flow is not stopped by it.
 */
export function roleAgainFeature(): Composer<BotContext> {
  const roleAgainFeature = new Router<BotContext>();
  roleAgainFeature.on("message:text", async (ctx, next) => {
    if (ctx.session.prefs.role !== undefined || ctx.message.text.startsWith("/")) return next();
    await ctx.reply(ctx.t("role-ask-again"), { reply_markup: roleKeyboard(ctx.t.bind(ctx)) });
  });
  return roleAgainFeature;
}
