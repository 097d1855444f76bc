/**
 * /start, also from a poster's deep link (deep-link.ts): a region is pre-selected and said
 * back to the user, a campaign tag is counted once, anonymously. The picker is always shown,
 * Kazakh first; an unknown payload is ignored.
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { languageKeyboard } from "../keyboards.js";
import { parseDeepLink } from "../../deep-link.js";

export function startFeature(deps: Pick<BotDeps, "directory" | "stats">): Composer<BotContext> {
  const startFeature = new Router<BotContext>();

startFeature.command("start", async (ctx) => {
  leaveFlow(ctx);
  const link = parseDeepLink(ctx.match);
  const region = deps.directory.regions.find((r) => r.code === link.region);
  if (region) ctx.session.prefs.region = region.code;
  if (link.tag !== undefined && ctx.session.prefs.src === undefined) {
    ctx.session.prefs.src = link.tag;
    await deps.stats.countCampaign(link.tag);
  }
  const confirm = region ? `${ctx.t("start-region-from-link", { region: region.name[ctx.lang] })}\n\n` : "";
  await ctx.reply(confirm + ctx.t("start-greeting"), {
    parse_mode: "HTML",
    reply_markup: languageKeyboard(ctx.t.bind(ctx), "role"),
  });
});
  return startFeature;
}
