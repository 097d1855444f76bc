/**
 * The command list shown in Telegram's menu, registered once per language. A failure here
 * (Telegram down at start-up) is logged and the bot runs on: commands work without the list.
 */
import type { Api } from "grammy";
import type { Texts } from "../i18n.js";
import { LANGS } from "../domain.js";
import type { Logger } from "../logger.js";

export const COMMANDS = ["start", "menu", "help", "language", "cancel", "hide", "privacy", "forget"] as const;
/** The staff group's commands (bot/desk/staff.ts), listed there only, in each staff member's language. */
export const STAFF_COMMANDS = ["queue", "mine", "note", "transfer", "unblock"] as const;

export async function registerCommands(api: Api, i18n: Texts, logger: Logger, staffChatId?: number): Promise<boolean> {
  try {
    for (const lang of LANGS) {
      const commands = COMMANDS.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
      await api.setMyCommands(commands, { language_code: lang, scope: { type: "all_private_chats" } });
      if (lang === "ru") await api.setMyCommands(commands, { scope: { type: "all_private_chats" } });
      if (staffChatId === undefined) continue;
      const staff = STAFF_COMMANDS.map((command) => ({ command, description: i18n.t(lang, `cmd-staff-${command}`) }));
      const scope = { type: "chat" as const, chat_id: staffChatId };
      await api.setMyCommands(staff, { language_code: lang, scope });
      if (lang === "ru") await api.setMyCommands(staff, { scope });
    }
    return true;
  } catch (err) {
    logger.warn({ err }, "setMyCommands failed; commands still work without the list");
    return false;
  }
}
