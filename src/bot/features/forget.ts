/**
 * /forget: after a confirmation, erases everything stored about the user (see
 * BotDeps.eraseUser) and says so. The "Yes" button works for a few minutes only: an old one
 * left in the chat cannot erase later. With a case, its topic is told first (the operator's
 * later messages are answered there too). The session object is emptied, so the write at
 * the end of this update does not bring it back.
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { ack } from "../reply.js";
import { FORGET_CB, onButtons, parseForgetCallback } from "../callbacks.js";
import { readerRole } from "../../domain.js";

/** How long "Yes, erase" works after it was offered. */
export const FORGET_CONFIRM_MINUTES = 10;

export function forgetFeature(deps: Pick<BotDeps, "eraseUser" | "pseudonym" | "desk" | "now">): Composer<BotContext> {
  const forgetFeature = new Router<BotContext>();
  const minute = () => Math.floor(deps.now().getTime() / 60_000);
  const role = (ctx: BotContext) => ({ role: readerRole(ctx.session.prefs.role) });

  forgetFeature.command("forget", async (ctx) => {
    const kb = new InlineKeyboard().text(ctx.t("forget-yes"), FORGET_CB.yes(minute())).text(ctx.t("forget-no"), FORGET_CB.no);
    await ctx.reply(ctx.t("forget-confirm"), { reply_markup: kb });
  });

  onButtons(forgetFeature, parseForgetCallback, {
    yes: async (ctx, button) => {
      await ack(ctx);
      const age = minute() - button.minute;
      if (age < 0 || age > FORGET_CONFIRM_MINUTES) {
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        await ctx.reply(ctx.t("forget-expired"));
        return;
      }
      leaveFlow(ctx);
      // Still worded for the person who asked: what they were is erased with the rest.
      const asked = role(ctx);
      const user = deps.pseudonym(ctx.chat!.id);
      const caseId = ctx.session.prefs.case;
      if (deps.desk && caseId !== undefined) await deps.desk.userErased(caseId, user);
      await deps.eraseUser(user);
      // Setting the session to null makes the gate delete it instead of writing it back.
      ctx.session = null as never;
      await ctx.editMessageText(ctx.t("forget-done", asked)).catch(() => ctx.reply(ctx.t("forget-done", asked)));
    },
    no: async (ctx) => {
      await ack(ctx);
      await ctx.editMessageText(ctx.t("forget-kept")).catch(() => ctx.reply(ctx.t("forget-kept")));
    },
  });
  return forgetFeature;
}
