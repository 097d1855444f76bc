/**
 * The main menu and the ways out of anything: /menu, /cancel, the Menu and Cancel buttons of
 * a flow (also when they are stale), and the topic buttons, which leave any running flow
 * and start the chosen one.
 */
import { Composer } from "grammy";
import { isTopic } from "../../domain.js";
import type { BotContext } from "../context.js";
import { CB } from "../keyboards.js";
import { ack, sendMenu } from "../reply.js";
import { FLOW_CB, leaveFlow, startTopic } from "./flow.js";

export const menuFeature = new Composer<BotContext>();

menuFeature.command("menu", async (ctx) => {
  leaveFlow(ctx);
  await sendMenu(ctx);
});

menuFeature.command("cancel", async (ctx) => {
  const wasActive = leaveFlow(ctx);
  await sendMenu(ctx, wasActive ? "cancel-done" : "cancel-nothing");
});

menuFeature.callbackQuery([CB.menu, FLOW_CB.menu], async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  await sendMenu(ctx);
});

menuFeature.callbackQuery(FLOW_CB.cancel, async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  await sendMenu(ctx, "cancel-done");
});

menuFeature.callbackQuery(/^t:([a-z_]{1,20})$/, async (ctx) => {
  await ack(ctx);
  const topic = ctx.match[1];
  if (!isTopic(topic)) return sendMenu(ctx, "stale-button");
  await startTopic(ctx, topic);
});
