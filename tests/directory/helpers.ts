import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang, Translate } from "../../src/domain.js";
import { createI18n, translator as translatorOf } from "../../src/i18n.js";

const i18n = createI18n();

/** A Translate for one language, as the bot builds it, without a bot. */
export function translator(lang: Lang): Translate {
  return translatorOf(i18n, lang);
}

/** Saturday 21 November 2026, 03:00 in Kazakhstan (UTC+5). */
export const SATURDAY_3AM_KZ = new Date("2026-11-20T22:00:00Z");

/** A throw-away copy of data/ for tests that write or break files. */
export function copyOfData(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "senim-directory-"));
  const dir = join(root, "data");
  cpSync("data", dir, { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Collects what the CLI prints. */
export function captureIo(now = new Date("2026-12-15T12:00:00Z")) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), now },
  };
}
