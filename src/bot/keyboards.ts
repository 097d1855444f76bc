/**
 * Inline keyboards the bot shows in more than one place. Callback data is short, versionless
 * and validated where it is handled, so a stale button from an old message still works or
 * gets a helpful answer.
 */
import { InlineKeyboard } from "grammy";
import { LANGS, ROLES, TOPICS, type Translate } from "../domain.js";

/** Callback data the bot understands outside flows. */
export const CB = {
  lang: (lang: string, then: "role" | "menu") => `lang:${lang}:${then}`,
  role: (role: string) => `role:${role}`,
  topic: (topic: string) => `t:${topic}`,
  menu: "m:menu",
  person: "m:person",
  near: "m:near",
  language: "m:lang",
  privacy: "m:privacy",
} as const;

export function languageKeyboard(t: Translate, then: "role" | "menu"): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGS) kb.text(t(`lang-button-${lang}`), CB.lang(lang, then));
  return kb;
}

export function roleKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const role of ROLES) kb.text(t(`role-${role}`), CB.role(role)).row();
  return kb;
}

/** The main menu: the nine topics, then the ways to a person and the settings. */
export function mainMenuKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const topic of TOPICS) kb.text(t(`menu-topic-${topic}`), CB.topic(topic)).row();
  kb.text(t("menu-person"), CB.person).row();
  kb.text(t("menu-near"), CB.near).row();
  kb.text(t("menu-language"), CB.language).text(t("menu-privacy"), CB.privacy);
  return kb;
}

/** Where every dead end leads: a person, or back to the menu. */
export function afterAnswerKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("menu-person"), CB.person).row().text(t("back-to-menu"), CB.menu);
}
