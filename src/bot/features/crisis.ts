/**
 * The crisis check: every free-text message in a private chat — and every edited one — is
 * graded before anything else, also in the middle of a flow (the flow is kept).
 * `emergency`: the very next reply is 112, 150 and 111 with when to call which, and a person
 * now. `high`: the matching referral cards and a person; stated suicidal thoughts get words
 * of their own with 150 first, whatever else the message names. An unclear cry ("помогите!!!",
 * "😭😭😭", a message the detector is unsure of) gets "Are you safe right now?" with Yes, No
 * and "I want to talk to a person": No and the person open a case at high risk. `moderate`:
 * the matching topic is offered (outside a flow; in one, the flow reads the words as an
 * answer). Replies about abuse or self-harm are content-protected, and
 * every screen about danger has the quick exit.
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard } from "grammy";
import { assessRisk, type RiskAssessment, topicForCategories } from "../../triage/index.js";
import type { BotContext, BotDeps } from "../context.js";
import { FLOW_CB, MENU_CB, onButtons, parseSafeCallback, SAFE_CB } from "../callbacks.js";
import { currentFlow } from "./flow.js";
import { replyInChunks } from "../text.js";
import { urgentKeyboard } from "../keyboards.js";
import { ack, sendMenu } from "../reply.js";
import { askForPerson } from "../desk/user.js";
import { readerRole } from "../../domain.js";

const PROTECTED_CATEGORIES = new Set(["suicide_self_harm", "overdose", "sexual_abuse", "physical_abuse", "domestic_violence", "violence_now", "threats_sextortion"]);
/** Thoughts of suicide or self-harm: their own words, with 150 first (after 112 in an emergency). */
const SELF_HARM = new Set(["suicide_self_harm", "overdose"]);

/** Grades the text of a private message (new or edited) once and puts the result on ctx.risk. */
export function assessFeature(deps: Pick<BotDeps, "metrics">): Composer<BotContext> {
  const assessFeature = new Router<BotContext>();
  assessFeature.on(["message", "edited_message"], async (ctx, next) => {
    const text = ctx.msg.text ?? ctx.msg.caption;
    if (text && !text.startsWith("/")) {
      ctx.risk = assessRisk(text);
      if (ctx.risk.level !== "none") deps.metrics.crisis(ctx.risk.level);
    }
    await next();
  });
  return assessFeature;
}

type CrisisDeps = Pick<BotDeps, "referrals" | "now" | "desk" | "pseudonym" | "metrics">;

export function crisisFeature(deps: CrisisDeps): Composer<BotContext> {
  const crisisFeature = new Router<BotContext>();
  crisisFeature.on(["message", "edited_message"], async (ctx, next) => {
    const risk = ctx.risk;
    if (!risk || risk.level === "none") return next();
    // An edit is answered when it became a danger; a mere concern was answered, or not, when it came.
    if (ctx.editedMessage && risk.level === "moderate") return next();
    // In a flow, words such as «развод» or «ссорятся» are answers: a moderate grade leaves them to
    // the flow, which asks again with the buttons (and offers another topic) when they are not.
    if (risk.level === "moderate" && !risk.uncertain && currentFlow(ctx) !== undefined) return next();
    await answerCrisis(deps, ctx, risk);
  });
  // An edit that is no danger changes nothing: the original was answered when it came.
  crisisFeature.on("edited_message", () => undefined);

  onButtons(crisisFeature, parseSafeCallback, {
    yes: async (ctx) => {
      await ack(ctx);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await sendMenu(ctx, "safe-yes");
    },
    no: async (ctx) => {
      await ack(ctx);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await askForPerson(deps, ctx, "high", "unsafe");
    },
    person: async (ctx) => {
      await ack(ctx);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await askForPerson(deps, ctx, "high");
    },
  });
  return crisisFeature;
}

async function answerCrisis(deps: CrisisDeps, ctx: BotContext, risk: RiskAssessment): Promise<void> {
  const inFlow = currentFlow(ctx) !== undefined;
  const selfHarm = risk.categories.some((c) => SELF_HARM.has(c));
  const topic = selfHarm && risk.level !== "emergency" ? "feeling_bad" : topicForCategories(risk.categories, risk.level);
  const protect = risk.categories.some((c) => PROTECTED_CATEGORIES.has(c));
  const unclear = risk.uncertain && risk.level !== "emergency";
  const offer = ctx.personOffer();

  if (risk.level !== "moderate" || unclear) {
    // Kept a while (with the flow state) only so a case opened now shows what was said.
    const words = (ctx.msg?.text ?? ctx.msg?.caption ?? "").slice(0, 500);
    ctx.session.pending = { words, risk: unclear ? "high" : risk.level, topic, at: deps.now().getTime() };
  }

  const way = (kb: InlineKeyboard): InlineKeyboard => {
    if (topic && risk.level !== "emergency") kb.text(ctx.t("crisis-open-topic", { topic: ctx.t(`menu-topic-${topic}`) }), MENU_CB.topic(topic)).row();
    if (inFlow) kb.text(ctx.t("flow-resume"), FLOW_CB.resume).row();
    else kb.text(ctx.t("back-to-menu"), MENU_CB.menu);
    return kb;
  };

  if (unclear) {
    // Too little to know: ask. No and the person button open a case at high risk.
    const kb = new InlineKeyboard().text(ctx.t("safe-yes-button"), SAFE_CB.yes).text(ctx.t("safe-no-button"), SAFE_CB.no).row();
    if (offer !== "phone") kb.text(ctx.t("safe-person-button"), SAFE_CB.person).row();
    kb.text(ctx.t("hide-button"), MENU_CB.hide).row();
    await ctx.reply(`${ctx.t("safe-ask")}\n\n${ctx.t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true, reply_markup: way(kb) });
    return;
  }
  if (risk.level === "emergency") {
    const lead = selfHarm ? "crisis-emergency-self-harm" : "crisis-emergency";
    await ctx.reply(`${ctx.t(lead)}\n\n${ctx.t("crisis-numbers")}`, {
      parse_mode: "HTML",
      protect_content: true,
      reply_markup: way(urgentKeyboard(ctx.t.bind(ctx), offer)),
    });
    return;
  }
  if (risk.level === "high" && selfHarm) {
    await ctx.reply(`${ctx.t("crisis-self-harm")}\n\n${ctx.t("crisis-numbers-self-harm")}`, {
      parse_mode: "HTML",
      protect_content: true,
      reply_markup: way(urgentKeyboard(ctx.t.bind(ctx), offer)),
    });
    return;
  }
  if (risk.level === "high") {
    const query = {
      topic: topic ?? "danger",
      role: readerRole(ctx.session.prefs.role),
      lang: ctx.lang,
      region: ctx.session.prefs.region,
      now: deps.now(),
      limit: 3,
    };
    const cards = deps.referrals.referralCards(query);
    const kb = urgentKeyboard(ctx.t.bind(ctx), offer);
    // The cards end with "choose your region…": the button for it comes with them.
    if (deps.referrals.hintsRegion(query)) kb.text(ctx.t("answers-choose-region"), MENU_CB.near).row();
    await replyInChunks(ctx, `${ctx.t("crisis-high")}\n\n${cards}`, { parse_mode: "HTML", protect_content: protect }, way(kb));
    return;
  }
  // moderate: offer the topic, keep everything else as it was.
  await ctx.reply(ctx.t("crisis-moderate"), { protect_content: protect, reply_markup: way(urgentKeyboard(ctx.t.bind(ctx), "phone")) });
}
