/**
 * Every word a user reads comes from Fluent files in locales/ (kk.ftl, ru.ftl, en.ftl and
 * locales/<lang>/*.ftl per area). One I18n instance serves the bot, the console and tests.
 */
import { I18n } from "@grammyjs/i18n";
import { fileURLToPath } from "node:url";
import { isLang, type Lang, type Translate } from "./domain.js";

export const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

/** Telegram's reported language → ours; anything else speaks Russian (DESIGN.md). */
export function languageFromTelegram(code: string | undefined): Lang {
  const base = typeof code === "string" ? code.toLowerCase().split(/[-_]/)[0] : undefined;
  return isLang(base) ? base : "ru";
}

export function createI18n(directory: string = LOCALES_DIR): I18n {
  const i18n = new I18n({
    defaultLocale: "ru",
    directory,
    // Bidi isolation marks around variables break phone numbers when copied.
    fluentBundleOptions: { useIsolating: false },
    // The bot decides the language (saved choice, else Telegram's) and puts it on ctx.lang.
    localeNegotiator: (ctx) => (ctx as { lang?: string }).lang ?? languageFromTelegram(ctx.from?.language_code),
  });
  rememberBundleMatches(i18n);
  return i18n;
}

/**
 * The plugin negotiates the language (@fluent/langneg) inside every translation; our
 * languages are fixed once the files are loaded, so each answer is worked out once.
 */
function rememberBundleMatches(i18n: I18n): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
  const match = fluent.matchBundles.bind(fluent);
  const known = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = known.get(key);
    if (!bundles) {
      bundles = match(locales);
      // Only our own language codes come here; the bound is a guard, not a cache policy.
      if (known.size < 64) known.set(key, bundles);
    }
    return bundles;
  };
}

/** A Translate bound to one language, for code outside grammY (cards, console, the desk). */
export function translator(i18n: I18n, lang: Lang): Translate {
  return (key, vars) => i18n.t(lang, key, vars);
}
