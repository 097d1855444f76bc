/**
 * Inline keyboards the bot shows in more than one place. Their callback data is built (and
 * parsed where it is handled) in callbacks.ts, so a stale button from an old message still
 * works or gets a helpful answer.
 */
import { InlineKeyboard } from "grammy";
import { LANGS, ROLES, TOPICS, type Translate } from "../domain.js";
import { type LangThen, MENU_CB } from "./callbacks.js";
import type { PersonOffer } from "./context.js";

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

/** The main menu: the nine topics, then the ways to a person, the settings and the quick exit. */
export function mainMenuKeyboard(t: Translate, offer: PersonOffer): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const topic of TOPICS) kb.text(t(`menu-topic-${topic}`), MENU_CB.topic(topic)).row();
  kb.text(...personButton(t, offer === "phone" ? "now" : offer)).row();
  kb.text(t("menu-near"), MENU_CB.near).row();
  kb.text(t("menu-language"), MENU_CB.language).text(t("menu-privacy"), MENU_CB.privacy).row();
  kb.text(t("hide-button"), MENU_CB.hide);
  return kb;
}

/**
 * The way to a person, worded for what it can offer: "now" only while operators are on duty
 * (`urgent`: from a screen about danger, a top-priority case); off duty, a message that waits
 * for them. Without a staff group the menu's button leads to the phone lines.
 */
export function personButton(t: Translate, offer: "now" | "later", urgent = false): [string, string] {
  if (offer === "later") return [t("person-later"), urgent ? MENU_CB.personNow : MENU_CB.person];
  return urgent ? [t("crisis-person-now"), MENU_CB.personNow] : [t("menu-person"), MENU_CB.person];
}

/**
 * Where every dead end leads: a person, or back to the menu. No person button without a staff
 * group when the answer already is the phone lines (`offer` undefined): it would only repeat it.
 * `chooseRegion`: under cards that say choosing a region would show local services.
 */
export function afterAnswerKeyboard(t: Translate, offer: PersonOffer | undefined, options: { chooseRegion?: boolean } = {}): InlineKeyboard {
  const kb = new InlineKeyboard();
  // Cards that end with "choose your region to see services near you" carry the button for it.
  if (options.chooseRegion) kb.text(t("answers-choose-region"), MENU_CB.near).row();
  if (offer !== undefined) kb.text(...personButton(t, offer === "phone" ? "now" : offer)).row();
  return kb.text(t("back-to-menu"), MENU_CB.menu);
}

/** Under a screen about danger: a person now (when there is a desk) and the quick exit. */
export function urgentKeyboard(t: Translate, offer: PersonOffer): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (offer !== "phone") kb.text(...personButton(t, offer, true)).row();
  return kb.text(t("hide-button"), MENU_CB.hide).row();
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
