/**
 * /start, also from a poster's deep link: `r-<region>` pre-selects the region, `src-<tag>`
 * records an anonymous campaign tag. The picker is always shown, Kazakh first; an unknown
 * payload is ignored.
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { languageKeyboard } from "../keyboards.js";

const PAYLOAD = /^(r|src)-([a-z0-9_-]{1,32})$/;

export function startFeature(deps: Pick<BotDeps, "directory" | "stats">): Composer<BotContext> {
  const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  leaveFlow(ctx);
  const match = PAYLOAD.exec(ctx.match.trim().toLowerCase());
  if (match?.[1] === "r" && deps.directory.regions.some((r) => r.code === match[2])) {
    ctx.session.prefs.region = match[2];
  } else if (match?.[1] === "src" && ctx.session.prefs.src === undefined) {
    ctx.session.prefs.src = match[2];
    await deps.stats.countCampaign(match[2]!);
  }
  await ctx.reply(ctx.t("start-greeting"), {
    parse_mode: "HTML",
    reply_markup: languageKeyboard(ctx.t.bind(ctx), "role"),
  });
});
  return startFeature;
}
