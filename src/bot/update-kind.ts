/** The `kind` label of an update for the metrics (never the chat or the user). */
import type { Context } from "grammy";
import type { UpdateKind } from "../metrics.js";

/** Which kind an update is: private or staff (in any staff group), message or button, another group, or other. */
export function updateKind(ctx: Context, staffChats: readonly number[]): UpdateKind {
  const chat = ctx.chat;
  const button = ctx.callbackQuery !== undefined;
  if (chat?.type === "private") return button ? "private_button" : "private_message";
  if (chat && staffChats.includes(chat.id)) return button ? "staff_button" : "staff_message";
  if (chat) return "group";
  return "other";
}
