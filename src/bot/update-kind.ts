/** The `kind` label of an update for the metrics (never the chat or the user). */
import type { Context } from "grammy";
import type { UpdateKind } from "../metrics.js";

/** Which kind an update is: private or staff, message or button, another group, or other. */
export function updateKind(ctx: Context, staffChatId: number | undefined): UpdateKind {
  const chat = ctx.chat;
  const button = ctx.callbackQuery !== undefined;
  if (chat?.type === "private") return button ? "private_button" : "private_message";
  if (chat && staffChatId !== undefined && chat.id === staffChatId) return button ? "staff_button" : "staff_message";
  if (chat) return "group";
  return "other";
}
