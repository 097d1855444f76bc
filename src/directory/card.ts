/**
 * The one way a referral card is rendered, for the bot and the console alike. Output is
 * Telegram HTML with <b> as the only tag; every other character is escaped. Every word comes
 * from locales/<lang>/directory.ftl (keys dir-*); the data gives names, descriptions, routes.
 */
import type { Lang, Translate } from "../domain.js";
import { dayRuns, kzClock } from "./hours.js";
import type { Ranked } from "./rank.js";
import type { Flag, Hours, Service } from "./schema.js";

/** Escapes text for Telegram HTML (parse_mode "HTML"); every data string goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 12.5 → "12", 3.44 → "3.4", 0.2 → "0.2"; near enough for "how far", never falsely precise. */
function roundKm(km: number): number {
  return km >= 10 ? Math.round(km) : Math.max(0.1, Math.round(km * 10) / 10);
}

/** kk and ru write dates as 31.12.2026, English as 2026-12-31 (unambiguous for everyone). */
function formatDate(isoDate: string, lang: Lang): string {
  if (lang === "en") return isoDate;
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}

function formatWeekly(hours: Exclude<Hours, string>, t: Translate): string {
  return hours.weekly
    .map((interval) => {
      const days = dayRuns(interval.days)
        .map(([from, to]) => {
          const a = t(`dir-day-short-${from}`);
          if (from === to) return a;
          const b = t(`dir-day-short-${to}`);
          // Two days in a row read better as a list than as a range.
          return interval.days.indexOf(to) - interval.days.indexOf(from) === 1 ? `${a}, ${b}` : `${a}–${b}`;
        })
        .join(", ");
      return `${days} ${interval.open}–${interval.close}`;
    })
    .join("; ");
}

function hoursLine(ranked: Ranked, t: Translate): string {
  const { hours } = ranked.service;
  if (hours === "24/7") return t("dir-hours", { hours: t("dir-hours-247") });
  if (hours === "unknown") return t("dir-hours", { hours: t("dir-hours-unknown") });
  let status: string;
  if (ranked.openNow === true) status = t("dir-open-now");
  else if (ranked.opensAt) {
    const clock = kzClock(ranked.opensAt);
    status = t("dir-closed-opens", { day: t(`dir-day-${clock.day}`), time: clock.time });
  } else status = t("dir-closed-now");
  return `${t("dir-hours", { hours: formatWeekly(hours, t) })} · ${status}`;
}

const FLAG_KEY = { true: "yes", false: "no", unknown: "unknown" } as const;

function flagsLine(service: Service, t: Translate): string | undefined {
  if (service.free === "unknown" && service.anonymous === "unknown") return undefined;
  const part = (name: string, flag: Flag) => t(`dir-${name}-${FLAG_KEY[`${flag}`]}`);
  return `${part("free", service.free)} · ${part("anon", service.anonymous)}`;
}

/** One card: name, what they do, how to reach them, hours, cost, distance, and the date its contacts were checked. */
export function renderCard(ranked: Ranked, t: Translate, lang: Lang): string {
  const { service } = ranked;
  const lines: string[] = [`<b>${escapeHtml(service.name[lang])}</b>`, service.description[lang]];
  if (service.contacts_verified) {
    if (service.phones) lines.push(t("dir-phone", { phones: service.phones.join(", ") }));
    if (service.url) lines.push(t("dir-website", { url: service.url }));
    if (service.email) lines.push(t("dir-email", { email: service.email }));
    if (service.address) lines.push(t("dir-address", { address: service.address[lang] }));
  } else if (service.route) {
    // Unverified contacts are never shown, not even partly: only the honest route.
    lines.push(t("dir-route", { route: service.route[lang] }));
  }
  lines.push(hoursLine(ranked, t));
  const flags = flagsLine(service, t);
  if (flags) lines.push(flags);
  if (ranked.distanceKm !== undefined) {
    const km = roundKm(ranked.distanceKm);
    lines.push(
      ranked.distanceToCentreOf
        ? t("dir-distance-centre", { km, place: ranked.distanceToCentreOf.centre.name[lang] })
        : t("dir-distance", { km }),
    );
  }
  if (service.notes) lines.push(service.notes[lang]);
  // "Checked on" only vouches for contacts someone compared with their source that day.
  if (service.contacts_verified && service.verified_on) lines.push(t("dir-checked", { date: formatDate(service.verified_on, lang) }));
  // The first line is already escaped and bold; everything else is escaped here.
  return [lines[0], ...lines.slice(1).map(escapeHtml)].join("\n");
}

export interface RenderCardsOptions {
  /** No region is known but regional services exist: end with a hint to choose a region. */
  regionalHint?: boolean;
}

/** Cards separated by a blank line; an honest fallback line when the list is empty. */
export function renderCards(list: readonly Ranked[], t: Translate, lang: Lang, options: RenderCardsOptions = {}): string {
  const parts = list.length > 0 ? list.map((r) => renderCard(r, t, lang)) : [escapeHtml(t("dir-none"))];
  if (options.regionalHint) parts.push(escapeHtml(t("dir-regional-hint")));
  return parts.join("\n\n");
}
