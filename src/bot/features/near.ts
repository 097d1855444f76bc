/**
 * "Find help near me": the user shares a location (reply keyboard with request_location) or
 * picks a region (paged picker), then a topic, and gets the referral cards: their region's
 * services first, nearest first when a location was shared. The region is remembered; the
 * location only for the next 24 hours, rounded to about a kilometre.
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { TOPICS } from "../../domain.js";
import type { BotContext, BotDeps } from "../context.js";
import { leaveFlow } from "./flow.js";
import { afterAnswerKeyboard, regionKeyboard, REGIONS_PER_PAGE } from "../keyboards.js";
import { MENU_CB, NEAR_CB, onButtons, parseNearCallback } from "../callbacks.js";
import { ack } from "../reply.js";
import { replyInChunks } from "../text.js";


type NearDeps = Pick<BotDeps, "referrals" | "now">;

/** The near picker's page, with Back (the page before, or the menu from the first) and Menu under it. */
function nearRegionKeyboard(deps: NearDeps, ctx: BotContext, page: number): InlineKeyboard {
  const regions = deps.referrals.regions(ctx.lang);
  const kb = regionKeyboard(ctx.t.bind(ctx), regions, page, NEAR_CB, "caller");
  const p = Math.min(Math.max(Math.trunc(page) || 0, 0), Math.ceil(regions.length / REGIONS_PER_PAGE) - 1);
  return kb.row().text(ctx.t("flow-back"), p > 0 ? NEAR_CB.page(p - 1) : MENU_CB.menu).text(ctx.t("flow-menu"), MENU_CB.menu);
}

async function askWhere(deps: NearDeps, ctx: BotContext, page = 0): Promise<void> {
  const share = new Keyboard().requestLocation(ctx.t("near-share-location")).resized().oneTime();
  await ctx.reply(ctx.t("near-ask-location"), { reply_markup: share });
  await ctx.reply(ctx.t("near-ask-region"), { reply_markup: nearRegionKeyboard(deps, ctx, page) });
}

async function askTopic(ctx: BotContext, leadKey: string, vars: Record<string, string> = {}): Promise<void> {
  const kb = new InlineKeyboard();
  for (const topic of TOPICS) kb.text(ctx.t(`menu-topic-${topic}`), NEAR_CB.topic(topic)).row();
  kb.text(ctx.t("near-change-region"), NEAR_CB.change);
  await ctx.reply(`${ctx.t(leadKey, vars)}\n\n${ctx.t("near-ask-topic")}`, { reply_markup: kb });
}

function regionName(deps: NearDeps, ctx: BotContext, code: string): string {
  return deps.referrals.regions(ctx.lang).find((r) => r.code === code)?.name ?? code;
}

/**
 * The region is the user's now (a button of the picker, or its name typed outside a flow): it
 * is said back, and the topics follow.
 */
export async function takeRegion(deps: NearDeps, ctx: BotContext, code: string): Promise<void> {
  ctx.session.prefs.region = code;
  delete ctx.session.near;
  await ctx.reply(ctx.t("near-region-set", { region: regionName(deps, ctx, code) }), {
    reply_markup: { remove_keyboard: true },
  });
  await askTopic(ctx, "near-region-chosen");
}

export function nearFeature(deps: NearDeps): Composer<BotContext> {
  const nearFeature = new Router<BotContext>();
nearFeature.callbackQuery([MENU_CB.near, NEAR_CB.change], async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  await askWhere(deps, ctx);
});

onButtons(nearFeature, parseNearCallback, {
  page: async (ctx, { page }) => {
    await ack(ctx);
    await ctx.editMessageReplyMarkup({ reply_markup: nearRegionKeyboard(deps, ctx, page) }).catch(() => askWhere(deps, ctx, page));
  },
  region: async (ctx, { code }) => {
    await ack(ctx);
    if (!deps.referrals.regions(ctx.lang).some((r) => r.code === code)) return askWhere(deps, ctx);
    await takeRegion(deps, ctx, code);
  },
  confirm: async (ctx, { code }) => {
    await ack(ctx);
    if (!deps.referrals.regions(ctx.lang).some((r) => r.code === code)) return askWhere(deps, ctx);
    ctx.session.prefs.region = code;
    await ctx.reply(ctx.t("near-region-set", { region: regionName(deps, ctx, code) }), { reply_markup: { remove_keyboard: true } });
    await askTopic(ctx, "near-location-received");
  },
  topic: async (ctx, { topic }) => {
    await ack(ctx);
    if (!topic) return askWhere(deps, ctx);
    const prefs = ctx.session.prefs;
    const cards = deps.referrals.referralCards({
      topic,
      role: prefs.role ?? "parent",
      lang: ctx.lang,
      region: prefs.region,
      location: ctx.session.near,
      now: deps.now(),
      limit: 5,
    });
    await replyInChunks(ctx, `${ctx.t("flow-referrals-title")}\n\n${cards}`, { parse_mode: "HTML" }, afterAnswerKeyboard(ctx.t.bind(ctx), ctx.personOffer()));
  },
});

nearFeature.on("message:location", async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  const region = deps.referrals.regionAt({ lat: latitude, lon: longitude });
  if (!region) {
    await ctx.reply(ctx.t("near-outside"), { reply_markup: { remove_keyboard: true } });
    return askWhere(deps, ctx);
  }
  // Rounded to ~1 km: enough to sort by distance, not enough to find a home.
  ctx.session.near = { lat: Math.round(latitude * 100) / 100, lon: Math.round(longitude * 100) / 100 };
  // Boundaries drawn from public maps can be wrong near a border: the user confirms the region.
  const role = ctx.session.prefs.role ?? "child";
  await ctx.reply(ctx.t("answers-location-confirm", { region: regionName(deps, ctx, region), role }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("answers-location-yes"), NEAR_CB.confirm(region))
      .row()
      .text(ctx.t("answers-location-other"), NEAR_CB.change),
  });
});
  return nearFeature;
}
