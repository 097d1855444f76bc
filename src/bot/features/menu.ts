/**
 * The main menu and the ways out of anything: /menu, /cancel, the Menu and Cancel buttons of
 * a flow (also when they are stale), and the topic buttons, which leave any running flow
 * and start the chosen one.
 */
import { Composer } from "grammy";
import { isTopic, type Topic } from "../../domain.js";
import { beginFlow, finishFlow, FLOW_CB, FLOW_CONVERSATION } from "../../flows/engine.js";
import type { BotContext } from "../context.js";
import { afterAnswerKeyboard, CB } from "../keyboards.js";
import { ack, sendMenu } from "../reply.js";

export const menuFeature = new Composer<BotContext>();

menuFeature.command("menu", async (ctx) => {
  await ctx.conversation.exitAll();
  await sendMenu(ctx);
});

menuFeature.command("cancel", async (ctx) => {
  const wasActive = ctx.conversation.active(FLOW_CONVERSATION) > 0;
  await ctx.conversation.exitAll();
  await sendMenu(ctx, wasActive ? "cancel-done" : "cancel-nothing");
});

menuFeature.callbackQuery([CB.menu, FLOW_CB.menu], async (ctx) => {
  await ack(ctx);
  await ctx.conversation.exitAll();
  await sendMenu(ctx);
});

menuFeature.callbackQuery(FLOW_CB.cancel, async (ctx) => {
  await ack(ctx);
  await ctx.conversation.exitAll();
  await sendMenu(ctx, "cancel-done");
});

menuFeature.callbackQuery(/^t:([a-z_]{1,20})$/, async (ctx, next) => {
  await ack(ctx);
  const topic = ctx.match[1];
  if (!isTopic(topic)) return sendMenu(ctx, "stale-button");
  // Leave any running flow here, before the conversation middleware would take this update;
  // the flow is entered after it (see topicStarter), where conversations are registered.
  await ctx.conversation.exitAll();
  ctx.enterTopic = topic;
  await next();
});

/**
 * Installed right after the conversation middleware: enters the flow a handler above chose
 * (ctx.enterTopic), or says honestly that a topic has no flow yet.
 */
export const topicStarter = new Composer<BotContext>();
topicStarter.use(async (ctx, next) => {
  const topic = ctx.enterTopic;
  if (!topic) return next();
  await startTopic(ctx, topic);
});

/** Starts the topic's flow (or says honestly it is not ready). Conversations must be registered. */
export async function startTopic(ctx: BotContext, topic: Topic): Promise<void> {
  const def = ctx.deps.flows[topic];
  if (!def) {
    await ctx.reply(`${ctx.t("topic-coming", { topic: ctx.t(`menu-topic-${topic}`) })}\n\n${ctx.t("emergency-numbers")}`, {
      parse_mode: "HTML",
      reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)),
    });
    return;
  }
  await ctx.conversation.exitAll();
  const profile = { lang: ctx.lang, role: ctx.session.prefs.role ?? "parent", region: ctx.session.prefs.region };
  const state = beginFlow(def, profile);
  ctx.deps.metrics.flow(topic, "started");
  if (!state) return finishFlow(ctx, ctx.deps.referrals, def, {}, profile, false);
  ctx.session.flow = state;
  await ctx.conversation.enter(FLOW_CONVERSATION, topic);
}
