/** "Who are you?": child or teen, parent or caregiver, professional. Children get plainer texts. */
import { Composer } from "grammy";
import { isRole } from "../../domain.js";
import type { BotContext } from "../context.js";
import { ack, sendMenu } from "../reply.js";

export const roleFeature = new Composer<BotContext>();

roleFeature.callbackQuery(/^role:([a-z]+)$/, async (ctx) => {
  const role = ctx.match[1];
  await ack(ctx);
  if (!isRole(role)) return sendMenu(ctx);
  ctx.session.prefs.role = role;
  await sendMenu(ctx, `role-welcome-${role}`);
});
