/**
 * The bot's name, description and short description in each language, from locales/
 * (bot-name, bot-description, bot-short-description): what a child sees before pressing
 * Start, so the description carries 112, 150 and 111. Russian is also the default for other
 * languages, as everywhere. Each field is read first and set only when it differs: Telegram
 * limits these calls hard, and every instance runs this at each start. A failure (Telegram
 * down, a flood limit) is logged and the bot runs on with the profile it has.
 */
import type { Api } from "grammy";
import type { Texts } from "../i18n.js";
import { type Lang, LANGS } from "../domain.js";
import type { Logger } from "../logger.js";

/** Telegram's limits: a name of 64 characters, a description of 512, a short description of 120. */
export const PROFILE_LIMITS = { name: 64, description: 512, short_description: 120 } as const;

export async function registerProfile(api: Api, i18n: Texts, logger: Logger): Promise<boolean> {
  try {
    const targets: Array<{ lang: Lang; language_code?: Lang }> = LANGS.map((lang) => ({ lang, language_code: lang }));
    targets.push({ lang: "ru" });
    for (const { lang, language_code } of targets) {
      const other = language_code ? { language_code } : {};
      const name = i18n.t(lang, "bot-name");
      if ((await api.getMyName(other)).name !== name) await api.setMyName(name, other);
      const description = i18n.t(lang, "bot-description");
      if ((await api.getMyDescription(other)).description !== description) await api.setMyDescription(description, other);
      const short = i18n.t(lang, "bot-short-description");
      if ((await api.getMyShortDescription(other)).short_description !== short) await api.setMyShortDescription(short, other);
    }
    return true;
  } catch (err) {
    logger.warn({ err }, "setting the bot's name or description failed; it keeps the ones it has");
    return false;
  }
}
