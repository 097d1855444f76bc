/**
 * Inline keyboards the bot shows in more than one place. Their callback data is built (and
 * parsed where it is handled) in callbacks.ts, so a stale button from an old message still
 * works or gets a helpful answer.
 */
import { InlineKeyboard } from "grammy";
import { LANGS, ROLES, TOPICS, type Translate } from "../domain.js";
import { type LangThen, MENU_CB } from "./callbacks.js";

export function languageKeyboard(t: Translate, then: LangThen): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGS) kb.text(t(`lang-button-${lang}`), MENU_CB.lang(lang, then));
  return kb;
}

export function roleKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const role of ROLES) kb.text(t(`role-${role}`), MENU_CB.role(role)).row();
  return kb;
}

/** The main menu: the nine topics, then the ways to a person and the settings. */
export function mainMenuKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const topic of TOPICS) kb.text(t(`menu-topic-${topic}`), MENU_CB.topic(topic)).row();
  kb.text(t("menu-person"), MENU_CB.person).row();
  kb.text(t("menu-near"), MENU_CB.near).row();
  kb.text(t("menu-language"), MENU_CB.language).text(t("menu-privacy"), MENU_CB.privacy);
  return kb;
}

/** Where every dead end leads: a person, or back to the menu. */
export function afterAnswerKeyboard(t: Translate, options: { chooseRegion?: boolean } = {}): InlineKeyboard {
  const kb = new InlineKeyboard();
  // Cards that end with "choose your region to see services near you" carry the button for it.
  if (options.chooseRegion) kb.text(t("answers-choose-region"), MENU_CB.near).row();
  return kb.text(t("menu-person"), MENU_CB.person).row().text(t("back-to-menu"), MENU_CB.menu);
}

export const REGIONS_PER_PAGE = 10;

/**
 * A paged picker of the 20 regions, two per row, with Previous/Next. The callers give the
 * callback data for a region and for a page, so flows and "Find help near me" share it.
 */
export function regionKeyboard(
  t: Translate,
  regions: ReadonlyArray<{ code: string; name: string }>,
  page: number,
  data: { region: (code: string) => string; page: (page: number) => string },
  /** "caller": the caller's own Back button goes to the previous page, so the picker shows none (one back button, not two). */
  previous: "button" | "caller" = "button",
): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(regions.length / REGIONS_PER_PAGE));
  const p = Math.min(Math.max(Math.trunc(page) || 0, 0), pages - 1);
  const kb = new InlineKeyboard();
  regions.slice(p * REGIONS_PER_PAGE, (p + 1) * REGIONS_PER_PAGE).forEach((r, i) => {
    kb.text(r.name, data.region(r.code));
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  if (p > 0 && previous === "button") kb.text(t("region-prev"), data.page(p - 1));
  if (p < pages - 1) kb.text(t("region-next"), data.page(p + 1));
  return kb;
}
