/**
 * The crisis check: every free-text message in a private chat is graded before anything
 * else, also in the middle of a flow (the flow is kept). `emergency`: the very next reply is
 * 112, 150 and 111 with when to call which, and the offer of a person now. `high`: the
 * matching referral cards and the offer of a person. `moderate`: the matching topic is
 * offered (outside a flow; in one, the flow reads the words as an answer). Replies about abuse or self-harm are sent with content protection.
 */
import { Composer, InlineKeyboard } from "grammy";
import { assessRisk, topicForCategories } from "../../triage/index.js";
import type { BotContext, BotDeps } from "../context.js";
import { FLOW_CB, MENU_CB } from "../callbacks.js";
import { currentFlow } from "./flow.js";
import { replyInChunks } from "../text.js";

const PROTECTED_CATEGORIES = new Set(["suicide_self_harm", "overdose", "sexual_abuse", "physical_abuse", "domestic_violence", "violence_now", "threats_sextortion"]);

/** Grades the text of a private message once and puts the result on ctx.risk. */
export function assessFeature(deps: Pick<BotDeps, "metrics">): Composer<BotContext> {
  const assessFeature = new Composer<BotContext>();
  assessFeature.on("message", async (ctx, next) => {
  const text = ctx.message.text ?? ctx.message.caption;
  if (text && !text.startsWith("/")) {
    ctx.risk = assessRisk(text);
    if (ctx.risk.level !== "none") deps.metrics.crisis(ctx.risk.level);
  }
  await next();
});
  return assessFeature;
}

export function crisisFeature(deps: Pick<BotDeps, "referrals" | "now">): Composer<BotContext> {
  const crisisFeature = new Composer<BotContext>();
  crisisFeature.on("message", async (ctx, next) => {
  const risk = ctx.risk;
  if (!risk || risk.level === "none") return next();
  const inFlow = currentFlow(ctx) !== undefined;
  // In a flow, words such as «развод» or «ссорятся» are answers: a moderate grade leaves them to
  // the flow, which asks again with the buttons (and offers another topic) when they are not.
  if (inFlow && risk.level === "moderate") return next();
  // Unknown role: the words for a child (who may not have chosen one) are the safe default.
  const role = { role: ctx.session.prefs.role ?? "child" };
  const topic = topicForCategories(risk.categories, risk.level);
  const protect = risk.categories.some((c) => PROTECTED_CATEGORIES.has(c));
  const kb = new InlineKeyboard();
  if (risk.level !== "moderate") kb.text(ctx.t("crisis-person-now"), MENU_CB.personNow).row();
  if (topic && risk.level !== "emergency") kb.text(ctx.t("crisis-open-topic", { topic: ctx.t(`menu-topic-${topic}`) }), MENU_CB.topic(topic)).row();
  if (inFlow) kb.text(ctx.t("flow-resume"), FLOW_CB.resume).row();
  else kb.text(ctx.t("back-to-menu"), MENU_CB.menu);

  if (risk.level !== "moderate") {
    // Kept (24 hours at most, with the flow state) only so a case opened now shows what was said.
    ctx.session.pending = { words: (ctx.message.text ?? ctx.message.caption ?? "").slice(0, 500), risk: risk.level, topic };
  }
  if (risk.level === "emergency") {
    await ctx.reply(`${ctx.t("crisis-emergency", role)}\n\n${ctx.t("crisis-numbers")}`, {
      parse_mode: "HTML",
      protect_content: true,
      reply_markup: kb,
    });
    return;
  }
  if (risk.level === "high") {
    const query = {
      topic: topic ?? "danger",
      role: ctx.session.prefs.role ?? "child",
      lang: ctx.lang,
      region: ctx.session.prefs.region,
      now: deps.now(),
      limit: 3,
    };
    const cards = deps.referrals.referralCards(query);
    // The cards end with "choose your region…": the button for it comes with them.
    if (deps.referrals.hintsRegion(query)) kb.text(ctx.t("answers-choose-region"), MENU_CB.near).row();
    await replyInChunks(ctx, `${ctx.t("crisis-high", role)}\n\n${cards}`, { parse_mode: "HTML", protect_content: protect }, kb);
    return;
  }
  // moderate: offer the topic, keep everything else as it was.
  await ctx.reply(ctx.t("crisis-moderate", role), { protect_content: protect, reply_markup: kb });
});
  return crisisFeature;
}
