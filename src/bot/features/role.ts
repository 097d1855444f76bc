/** "Who are you?": child or teen, parent or caregiver, professional. Children get plainer texts. */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { onButtons, parseMenuCallback } from "../callbacks.js";
import { ack, sendMenu } from "../reply.js";

export function roleFeature(): Composer<BotContext> {
  const roleFeature = new Composer<BotContext>();

onButtons(roleFeature, parseMenuCallback, {
  role: async (ctx, { role }) => {
    await ack(ctx);
    if (!role) return sendMenu(ctx);
    ctx.session.prefs.role = role;
    await sendMenu(ctx, `role-welcome-${role}`);
  },
});
  return roleFeature;
}
