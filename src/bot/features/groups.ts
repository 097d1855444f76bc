/**
 * Senim talks to users in private chats only. Added to any group other than the staff groups,
 * it says one neutral line and leaves; channel posts are ignored. Before a staff group is
 * configured (first run), it says instead the group's id and the id of who added it (for
 * OPERATOR_CHAT_ID and SUPERVISOR_IDS), then leaves.
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function groupsFeature(staffChatId: number | undefined, staffChats: readonly number[] = staffChatId === undefined ? [] : [staffChatId]): Composer<BotContext> {
  const feature = new Router<BotContext>();
  const foreign = feature
    .chatType(["group", "supergroup"])
    .filter((ctx) => typeof ctx.chat.id === "number" && !staffChats.includes(ctx.chat.id));
  foreign.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member?.status;
    if (status === "member" || status === "administrator") {
      const text = staffChatId === undefined ? ctx.t("setup-first-run", { group: String(ctx.chat.id), user: String(ctx.from.id) }) : ctx.t("group-not-here");
      await ctx.reply(text, { parse_mode: "HTML" }).catch(() => undefined);
      await ctx.leaveChat().catch(() => undefined);
    }
  });
  // A button pressed there (an old case card forwarded, a forged one): the spinner stops, nothing is said.
  foreign.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
  });
  foreign.on("message", async (ctx) => {
    await ctx.leaveChat().catch(() => undefined);
  });
  return feature;
}
