/**
 * /forget: after a confirmation, erases everything stored about the user (see
 * BotDeps.eraseUser) and says so. The session object is emptied too, so the write at the
 * end of this update does not bring it back.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { ack } from "../reply.js";
import { FORGET_CB } from "../callbacks.js";
import { readerRole } from "../../domain.js";

export function forgetFeature(deps: Pick<BotDeps, "eraseUser" | "pseudonym">): Composer<BotContext> {
  const forgetFeature = new Composer<BotContext>();

forgetFeature.command("forget", async (ctx) => {
  const kb = new InlineKeyboard().text(ctx.t("forget-yes"), FORGET_CB.yes).text(ctx.t("forget-no"), FORGET_CB.no);
  await ctx.reply(ctx.t("forget-confirm"), { reply_markup: kb });
});

forgetFeature.callbackQuery(FORGET_CB.yes, async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  // Still worded for the person who asked: what they were is erased with the rest.
  const role = { role: readerRole(ctx.session.prefs.role) };
  await deps.eraseUser(deps.pseudonym(ctx.chat!.id));
  // Setting the session to null makes grammY delete it instead of writing it back.
  ctx.session = null as never;
  await ctx.editMessageText(ctx.t("forget-done", role)).catch(() => ctx.reply(ctx.t("forget-done", role)));
});

forgetFeature.callbackQuery(FORGET_CB.no, async (ctx) => {
  await ack(ctx);
  await ctx.editMessageText(ctx.t("forget-kept")).catch(() => ctx.reply(ctx.t("forget-kept")));
});
  return forgetFeature;
}
