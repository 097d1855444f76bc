/**
 * Every word a user reads comes from Fluent files in locales/ (kk.ftl, ru.ftl, en.ftl and
 * locales/<lang>/*.ftl per area). One Texts instance serves the bot, the console and tests.
 *
 * A text is looked up in the asked language, then in Russian (the default, as the product design says), and
 * shown as `{key}` when neither has it (a test fails on that). A text is worded for its reader's
 * `role` (a Fluent selector on `$role`); without one it is worded as for a child, the product's
 * default before anyone says who they are. The same text with the same
 * variables is formatted once: the menu, the questions and their buttons are asked for on
 * every update, and their words do not change while the process runs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { isLang, LANGS, type Lang, readerRole, type Role, ROLES, type Translate } from "./domain.js";

export const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

const DEFAULT_LANG: Lang = "ru";

/** Telegram's reported language → ours; anything else speaks Russian (the product design). */
export function languageFromTelegram(code: string | undefined): Lang {
  const base = typeof code === "string" ? code.toLowerCase().split(/[-_]/)[0] : undefined;
  return isLang(base) ? base : "ru";
}

export type TextVars = Record<string, string | number>;

/** The translations: `t(lang, key, vars)`. */
export interface Texts {
  t(lang: Lang, key: string, vars?: TextVars): string;
}

/** Formatted texts kept per process; a guard against unbounded variables (dates), not a policy. */
const MEMO_LIMIT = 20_000;

/** Loads locales/<lang>.ftl and locales/<lang>/*.ftl for every language; a broken file stops the start. */
export function createI18n(directory: string = LOCALES_DIR): Texts {
  const bundles = new Map<Lang, FluentBundle>();
  for (const lang of LANGS) {
    const files = [join(directory, `${lang}.ftl`)];
    const sub = join(directory, lang);
    if (statSync(sub, { throwIfNoEntry: false })?.isDirectory()) {
      for (const name of readdirSync(sub).sort()) if (name.endsWith(".ftl")) files.push(join(sub, name));
    }
    // Bidi isolation marks around variables break phone numbers when copied.
    const bundle = new FluentBundle(lang, { useIsolating: false });
    for (const file of files) {
      const errors = bundle.addResource(new FluentResource(readFileSync(file, "utf8")), { allowOverrides: true });
      if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
    }
    bundles.set(lang, bundle);
  }
  const memo = new Map<string, string>();
  // Texts without variables, or with one of the shared reader objects (readerVars): a lookup by
  // language and key, no key string built per call (the menu, questions and buttons).
  const plain = new Map<TextVars | undefined, Map<Lang, Map<string, string>>>();

  function format(lang: Lang, key: string, vars: TextVars | undefined): string {
    for (const bundle of [bundles.get(lang)!, bundles.get(DEFAULT_LANG)!]) {
      const message = bundle.getMessage(key);
      // Throws on an unknown variable: a text that cannot be shown is a bug, not a blank.
      if (message?.value) return bundle.formatPattern(message.value, withReader(vars));
    }
    return `{${key}}`;
  }

  return {
    t(lang, key, vars) {
      if (vars === undefined || SHARED_VARS.has(vars)) {
        let byLang = plain.get(vars);
        if (!byLang) plain.set(vars, (byLang = new Map()));
        let byKey = byLang.get(lang);
        if (!byKey) byLang.set(lang, (byKey = new Map()));
        let text = byKey.get(key);
        if (text === undefined) byKey.set(key, (text = format(lang, key, vars)));
        return text;
      }
      const memoKey = `${lang}\u0000${key}\u0000${memoVars(vars)}`;
      let text = memo.get(memoKey);
      if (text === undefined) {
        text = format(lang, key, vars);
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(memoKey, text);
      }
      return text;
    },
  };
}

/** The shared, frozen `{ role }` of each reader: texts asked for with one are looked up without building a key. */
const READER_VARS = new Map<Role, Readonly<TextVars>>(ROLES.map((role) => [role, Object.freeze({ role })]));
const SHARED_VARS = new Set<TextVars>(READER_VARS.values());

/** The variables `{ role }` of a reader (see readerRole), shared: the cheapest way to ask for a text worded for them. */
export function readerVars(role: Role | undefined): TextVars {
  return READER_VARS.get(readerRole(role))!;
}

/** The variables with `role` set: the caller's, or a child's (see readerRole). */
function withReader(vars: TextVars | undefined): Record<string, FluentVariable> {
  if (vars !== undefined && vars.role !== undefined) return vars;
  return { ...vars, role: readerRole(undefined) };
}

function memoVars(vars: TextVars): string {
  let out = "";
  for (const name in vars) out += `${name}\u0001${typeof vars[name]}\u0001${vars[name]}\u0002`;
  return out;
}

/** A Translate bound to one language, for code outside grammY (cards, console, the desk). */
export function translator(texts: Texts, lang: Lang): Translate {
  return (key, vars) => texts.t(lang, key, vars);
}
