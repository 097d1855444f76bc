/**
 * /hide: the quick exit for a child whose phone someone may see. It deletes what the bot can
 * delete of this private chat (recent messages both ways; message ids in a private chat are
 * consecutive, so no list is kept), clears the session but the link to an open case, and
 * leaves one neutral line.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { leaveFlow } from "./flow.js";

/** How far back /hide reaches: Telegram lets bots delete messages of the last 48 hours. */
const REACH = 300;

export function hideFeature(): Composer<BotContext> {
  const hideFeature = new Composer<BotContext>();

hideFeature.command("hide", async (ctx) => {
  const last = ctx.message?.message_id ?? 0;
  for (let top = last; top > 0 && top > last - REACH; top -= 100) {
    const ids = Array.from({ length: Math.min(100, top) }, (_, i) => top - i);
    await ctx.api.deleteMessages(ctx.chat.id, ids).catch(() => undefined);
  }
  leaveFlow(ctx);
  const keep = ctx.session.prefs.case;
  ctx.session = { prefs: keep === undefined ? {} : { case: keep } };
  await ctx.reply(ctx.t("hide-neutral"));
});
  return hideFeature;
}
