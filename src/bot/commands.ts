/**
 * The command list shown in Telegram's menu, registered once per language (and the staff
 * group's own list, in the staff language). A failure here
 * (Telegram down at start-up) is logged and the bot runs on: commands work without the list.
 */
import type { Api } from "grammy";
import type { Texts } from "../i18n.js";
import { type Lang, LANGS } from "../domain.js";
import type { Logger } from "../logger.js";

export const COMMANDS = ["start", "menu", "help", "language", "cancel", "hide", "privacy", "forget"] as const;
/** The staff group's commands (bot/desk/), listed there only, in each staff member's language. */
export const STAFF_COMMANDS = ["queue", "mine", "note", "transfer", "unblock", "report", "export", "directory", "replies", "id"] as const;

export async function registerCommands(api: Api, i18n: Texts, logger: Logger, staff?: { chatIds: readonly number[]; lang: Lang }): Promise<boolean> {
  try {
    for (const lang of LANGS) {
      const commands = COMMANDS.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
      await api.setMyCommands(commands, { language_code: lang, scope: { type: "all_private_chats" } });
      if (lang === "ru") await api.setMyCommands(commands, { scope: { type: "all_private_chats" } });
    }
  } catch (err) {
    logger.warn({ err }, "setMyCommands failed; commands still work without the list");
    return false;
  }
  // Last, each staff group on its own: one the bot is not in yet refuses this (the start-up
  // check says why), and the others still get their list. Each staff member reads the list in
  // their language; the staff language is the default.
  let all = true;
  for (const chatId of staff?.chatIds ?? []) {
    try {
      const scope = { type: "chat" as const, chat_id: chatId };
      for (const lang of LANGS) {
        const commands = STAFF_COMMANDS.map((command) => ({ command, description: i18n.t(lang, `cmd-staff-${command}`) }));
        await api.setMyCommands(commands, { language_code: lang, scope });
        if (lang === staff?.lang) await api.setMyCommands(commands, { scope });
      }
    } catch (err) {
      logger.warn({ err }, "setMyCommands failed for a staff group; commands still work without the list");
      all = false;
    }
  }
  return all;
}
