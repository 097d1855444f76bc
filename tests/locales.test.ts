/**
 * Every text a user reads exists in kk, ru and en; every key the code names exists; every
 * message renders; Kazakh is written in Kazakh (with its own letters), not transliterated.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LANGS, ROLES, TOPICS } from "../src/domain.js";

const LOCALES = "locales";

function filesOf(lang: string): string[] {
  const files = [join(LOCALES, `${lang}.ftl`)];
  const dir = join(LOCALES, lang);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith(".ftl")) files.push(join(dir, f));
  }
  return files;
}

function bundleOf(lang: string): { bundle: FluentBundle; ids: string[]; errors: string[] } {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const ids: string[] = [];
  const errors: string[] = [];
  for (const file of filesOf(lang)) {
    const resource = new FluentResource(readFileSync(file, "utf8"));
    for (const entry of resource.body) ids.push(entry.id);
    for (const e of bundle.addResource(resource)) errors.push(`${file}: ${e.message}`);
  }
  return { bundle, ids, errors };
}

/** Arguments that answer every variable a message asks for ("7"), with the given ones. */
function anyArgs(given: Record<string, string>): Record<string, string> {
  return new Proxy(given, {
    get: (target, key) => (typeof key === "string" ? (target[key] ?? "7") : undefined),
    getOwnPropertyDescriptor: (target, key) => ({
      value: typeof key === "string" ? (target[key] ?? "7") : undefined,
      configurable: true,
      enumerable: true,
      writable: true,
    }),
    has: () => true,
  });
}

const bundles = Object.fromEntries(LANGS.map((l) => [l, bundleOf(l)]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

/** Keys the code names literally: t("key"), ctx.t("key"), i18n.t(lang, "key"), label: "key", ask: "key"… */
function keysInCode(): Set<string> {
  const keys = new Set<string>();
  const pattern = /(?:\bt\(\s*(?:[a-zA-Z.]+,\s*)?|(?:intro|ask|label|leadKey|textKey):\s*|sendMenu\(ctx,\s*|ack\(ctx,\s*)"([a-z][a-z0-9_-]+)"/g;
  for (const file of sourceFiles("src")) {
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) keys.add(match[1]!);
  }
  for (const topic of TOPICS) keys.add(`menu-topic-${topic}`);
  for (const role of ROLES) keys.add(`role-${role}`).add(`role-welcome-${role}`);
  for (const lang of LANGS) keys.add(`lang-button-${lang}`);
  return keys;
}

describe("locales", () => {
  it("parse without errors and have no duplicate keys", () => {
    for (const lang of LANGS) {
      const { ids, errors } = bundles[lang]!;
      expect(errors, lang).toEqual([]);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes, `${lang} duplicates`).toEqual([]);
    }
  });

  it("kk, ru and en have exactly the same keys", () => {
    const [kk, ru, en] = LANGS.map((l) => new Set(bundles[l]!.ids));
    const all = new Set([...kk!, ...ru!, ...en!]);
    const missing = [...all].flatMap((id) =>
      LANGS.filter((l) => !new Set(bundles[l]!.ids).has(id)).map((l) => `${l} lacks ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it("every key the code names exists", () => {
    const known = new Set(bundles.en!.ids);
    const unknown = [...keysInCode()].filter((k) => !known.has(k));
    expect(unknown).toEqual([]);
  });

  it("every message renders for every role with no placeholder left", () => {
    for (const lang of LANGS) {
      const { bundle, ids } = bundles[lang]!;
      for (const id of ids) {
        const message = bundle.getMessage(id);
        if (!message?.value) continue;
        for (const role of ROLES) {
          const errors: Error[] = [];
          const text = bundle.formatPattern(message.value, anyArgs({ role }), errors);
          expect(text.trim().length, `${lang}:${id}`).toBeGreaterThan(0);
          expect(text, `${lang}:${id}`).not.toMatch(/\{\s*\$/);
        }
      }
    }
  });

  it("Kazakh sentences use Kazakh letters (written in Kazakh, not transliterated Russian)", () => {
    const kazakhLetters = /[әіңғқөұүһӘІҢҒҚӨҰҮҺ]/;
    const { bundle, ids } = bundles.kk!;
    const suspicious: string[] = [];
    for (const id of ids) {
      const value = bundle.getMessage(id)?.value;
      if (!value || id.startsWith("lang-button")) continue;
      const text = bundle.formatPattern(value, { role: "child" }, []);
      const cyrillicWords = text.split(/\s+/).filter((w) => /^[а-яёА-ЯЁәіңғқөұүһӘІҢҒҚӨҰҮҺ«»,.!?:;—()-]+$/.test(w) && w.length > 2);
      if (cyrillicWords.length >= 6 && !kazakhLetters.test(text)) suspicious.push(id);
    }
    expect(suspicious).toEqual([]);
  });
});
