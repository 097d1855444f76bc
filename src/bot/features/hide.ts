/**
 * The quick exit (/hide, or its button in the menu and under screens about danger), for a
 * child whose phone someone may see. It deletes what the bot can delete of this private chat
 * (Telegram lets a bot delete only messages of the last 48 hours; message ids in a private
 * chat are consecutive, so no list is kept), clears the session but the link to a case, and
 * leaves one neutral line. With a case, what operators send is held until the child writes
 * again, and the topic is told not to write first (`comebackFeature` ends the hold).
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { MENU_CB } from "../callbacks.js";
import { ack } from "../reply.js";

/** How far back the quick exit reaches (message ids). */
const REACH = 300;

export function hideFeature(deps: Pick<BotDeps, "desk" | "pseudonym">): Composer<BotContext> {
  const hideFeature = new Router<BotContext>();

  async function hide(ctx: BotContext, last: number): Promise<void> {
    for (let top = last; top > 0 && top > last - REACH; top -= 100) {
      const ids = Array.from({ length: Math.min(100, top) }, (_, i) => top - i);
      await ctx.api.deleteMessages(ctx.chat!.id, ids).catch(() => undefined);
    }
    leaveFlow(ctx);
    const keep = ctx.session.prefs.case;
    ctx.session = { prefs: keep === undefined ? {} : { case: keep, hidden: true } };
    if (keep !== undefined && deps.desk) await deps.desk.userHid(keep, deps.pseudonym(ctx.chat!.id));
    await ctx.reply(ctx.t("hide-neutral"));
  }

  hideFeature.command("hide", (ctx) => hide(ctx, ctx.message?.message_id ?? 0));
  hideFeature.callbackQuery(MENU_CB.hide, async (ctx) => {
    await ack(ctx);
    // The pressed message and what may have come after it.
    await hide(ctx, (ctx.callbackQuery.message?.message_id ?? 0) + 20);
  });
  return hideFeature;
}

/** After the quick exit, the child's next message ends the hold: what operators sent comes now. */
export function comebackFeature(deps: Pick<BotDeps, "desk">): Composer<BotContext> {
  const comeback = new Router<BotContext>();
  comeback.on("message", async (ctx, next) => {
    const prefs = ctx.session.prefs;
    if (prefs.hidden && !ctx.message.text?.startsWith("/hide")) {
      delete prefs.hidden;
      if (prefs.case !== undefined && deps.desk) await deps.desk.userBack(prefs.case);
    }
    await next();
  });
  return comeback;
}
