/**
 * The main menu and the ways out of anything: /menu, /cancel, the Menu and Cancel buttons of
 * a flow (also when they are stale), and the topic buttons, which leave any running flow
 * and start the chosen one.
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { FLOW_CB, MENU_CB, onButtons, parseMenuCallback } from "../callbacks.js";
import { ack, sendMenu } from "../reply.js";
import { leaveFlow, type StartTopic } from "./flow.js";

export function menuFeature(startTopic: StartTopic): Composer<BotContext> {
  const menuFeature = new Router<BotContext>();

menuFeature.command("menu", async (ctx) => {
  leaveFlow(ctx);
  await sendMenu(ctx);
});

menuFeature.command("cancel", async (ctx) => {
  const wasActive = leaveFlow(ctx);
  await sendMenu(ctx, wasActive ? "cancel-done" : "cancel-nothing");
});

menuFeature.callbackQuery([MENU_CB.menu, FLOW_CB.menu], async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  await sendMenu(ctx);
});

menuFeature.callbackQuery(FLOW_CB.cancel, async (ctx) => {
  await ack(ctx);
  leaveFlow(ctx);
  await sendMenu(ctx, "cancel-done");
});

onButtons(menuFeature, parseMenuCallback, {
  topic: async (ctx, { topic }) => {
    await ack(ctx);
    if (!topic) return sendMenu(ctx, "stale-button");
    await startTopic(ctx, topic);
  },
});
  return menuFeature;
}
