/**
 * Text normalisation for crisis triage: every script a user may type in (Kazakh Cyrillic,
 * Kazakh typed with Russian letters, Kazakh Latin of 2018/2021 or plain ASCII, Russian,
 * Russian transliterated into Latin, English) is folded into one lowercase ASCII
 * "skeleton", so that "өлгім", "олгим", "ölgim", "ólgim" and "olgim" are the same token.
 * Pure functions, no I/O; tables are built once at module load.
 */

/** One word of the message: its skeleton and which script it was typed in. */
export interface Word {
  /** Lowercase ASCII skeleton: [a-z0-9]+, repeated letters collapsed. */
  readonly skel: string;
  /** Script of the original word; "kkCyr" means it used a Kazakh-only Cyrillic letter, "kkLat" a Kazakh Latin letter. */
  readonly script: "cyr" | "kkCyr" | "lat" | "kkLat" | "num";
  /** The lowercase original word, kept for language detection (Russian endings). */
  readonly raw: string;
}

/** Emoji that hint at self-harm or violence; they may raise a grade but never make one alone. */
export const RISK_EMOJI: readonly string[] = ["🔪", "🗡", "🩸", "💊", "🪢", "⚰", "🪦", "🔫", "☠", "🩹"];

/** Longest input analysed: Telegram messages are at most 4096 characters; anything longer is cut (head + tail) so a flood cannot stall the bot. */
export const MAX_ANALYSED_CHARS = 20_000;

const CYRILLIC: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "yo", ж: "j", з: "z",
  и: "i", й: "i", і: "i", ї: "i", к: "k", қ: "k", л: "l", м: "m", н: "n", ң: "n", о: "o",
  ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ұ: "u", ү: "u", ў: "u", ф: "f", х: "h",
  һ: "h", ц: "ts", ч: "ch", ш: "sh", щ: "sh", ъ: "", ы: "i", ь: "", э: "e", ю: "yu", я: "ya",
  є: "e",
};
const KAZAKH_CYRILLIC = new Set(["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]);

const LATIN_EXTRA: Record<string, string> = {
  á: "a", à: "a", â: "a", ä: "a", ã: "a", å: "a", ā: "a", ă: "a", ą: "a",
  ǵ: "g", ğ: "g", ń: "n", ñ: "n", ň: "n",
  ó: "o", ò: "o", ô: "o", ö: "o", ō: "o", õ: "o", ø: "o",
  ú: "u", ù: "u", û: "u", ü: "u", ū: "u", ů: "u", ý: "u",
  ı: "i", í: "i", ì: "i", î: "i", ï: "i", ī: "i",
  ş: "sh", ș: "sh", š: "sh", ç: "ch", č: "ch", ć: "ch", ž: "zh", ź: "z", ż: "z",
  é: "e", è: "e", ê: "e", ë: "e", ē: "e", ę: "e", ě: "e", ÿ: "y", ł: "l", ß: "ss",
};
/** Letters of the Kazakh Latin alphabets (2018 acute and 2021 versions) that English and Russian transliteration do not use. */
const KAZAKH_LATIN = new Set(["á", "ä", "ǵ", "ğ", "ń", "ñ", "ó", "ö", "ú", "ü", "ū", "ı", "ş", "ç", "ý"]);

/** Latin letters that look like Cyrillic ones: inside a Cyrillic word they are read as Cyrillic. */
const HOMOGLYPH: Record<string, string> = {
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", b: "в", h: "н",
};

const WORD_RE = /[\p{L}\p{M}\p{N}'’ʼ`´]+/gu;
const CYR_CHAR_RE = /[\u0400-\u04ff]/;
const COMBINING_RE = /[\u0300-\u036f]/g;

const wordCache = new Map<string, Word>();
const WORD_CACHE_LIMIT = 8_000;

function mapChar(ch: string): string {
  if (ch >= "a" && ch <= "z") return ch;
  if (ch >= "0" && ch <= "9") return ch;
  const cyr = CYRILLIC[ch];
  if (cyr !== undefined) return cyr;
  const lat = LATIN_EXTRA[ch];
  if (lat !== undefined) return lat;
  if (ch === "'" || ch === "’" || ch === "ʼ" || ch === "`" || ch === "´") return "";
  // Anything else: strip accents (NFD) and keep plain ASCII letters only.
  const base = ch.normalize("NFD").replace(COMBINING_RE, "");
  let out = "";
  for (const b of base) {
    if ((b >= "a" && b <= "z") || (b >= "0" && b <= "9")) out += b;
    else if (CYRILLIC[b] !== undefined) out += CYRILLIC[b];
  }
  return out;
}

/** Folds digraphs and spelling variants of the Latin skeleton into one form (shared by input and lexicon). */
function foldLatin(s: string): string {
  let t = s;
  // "4" inside a word stands for "ч" in chat transliteration (ho4u), "0" between letters for "o".
  if (/\d/.test(t) && /[a-z]/.test(t)) {
    t = t.replace(/(?<=[a-z])4|4(?=[a-z])/g, "ch").replace(/(?<=[a-z])0(?=[a-z])/g, "o");
  }
  t = t
    .replace(/shch|sch/g, "sh")
    .replace(/kh|x/g, "h")
    .replace(/zh/g, "j")
    .replace(/q/g, "k")
    .replace(/ng/g, "n")
    // Russian "-ый/-ий" typed as "yi", "yj", "iy", "ij" at a word's end: all "i" like the Cyrillic.
    .replace(/(?:yi|yj|iy|ij|ii|yy)$/, "i")
    // "ia", "iu", "io" for я, ю, ё ("sebia", "dumaiu"): the same as "ya", "yu", "yo" from the Cyrillic.
    .replace(/(^|[aeiou])i([aou])/g, "$1y$2")
    .replace(/(?<=[bcdfghjklmnpqrstvwxz])i([au])/g, "y$1")
    .replace(/y(?![aeiou])/g, "i")
    .replace(/([a-z])\1+/g, "$1");
  return t;
}

/** Skeleton of one word (already lowercased). Exported for the lexicon compiler. */
export function skeletonWord(lower: string): Word {
  const cached = wordCache.get(lower);
  if (cached !== undefined) return cached;
  let script: Word["script"] = "num";
  let src = lower;
  if (CYR_CHAR_RE.test(src)) {
    script = "cyr";
    let fixed = "";
    for (const ch of src) {
      if (KAZAKH_CYRILLIC.has(ch)) script = "kkCyr";
      fixed += HOMOGLYPH[ch] ?? ch;
    }
    src = fixed;
  } else if (/\p{L}/u.test(src)) {
    script = "lat";
    for (const ch of src) if (KAZAKH_LATIN.has(ch)) script = "kkLat";
  }
  let mapped = "";
  for (const ch of src) mapped += mapChar(ch);
  const word: Word = { skel: foldLatin(mapped), script, raw: lower };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(lower, word);
  return word;
}

/** Skeleton of a phrase: its words' skeletons joined by single spaces. Used to compile the lexicon. */
export function skeleton(text: string): string {
  return tokenize(text)
    .map((w) => w.skel)
    .join(" ");
}

/**
 * Invisible and format characters (zero-width space and joiners, soft hyphen, word joiner,
 * BOM, bidi marks, variation selectors): deleted before anything else, so "у\u200bмереть" is
 * "умереть". Every Unicode format character (\p{Cf}) and the variation selectors.
 */
const INVISIBLE_RE = /\p{Cf}|\u034f|\u115f|\u1160|\u3164|[\ufe00-\ufe0f]/gu;

/** Look-alike letters of other alphabets folded to the Cyrillic or Latin letter they imitate. */
const LOOKALIKE: Record<string, string> = {
  // Greek
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", μ: "m", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x",
  // Ukrainian / Belarusian / other Cyrillic
  ґ: "г", ї: "і", є: "е", ј: "j", ѕ: "s", ԁ: "d",
};

const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKE).join("")}]`, "gu");
const HAS_LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKE).join("")}]`, "u");

/**
 * Letters written one by one are joined into a word: runs of at least three single letters
 * separated by dots, dashes, underscores or asterisks ("у.м.е.р.е.т.ь", "k-i-l-l"), then runs of
 * at least four separated by one or two spaces ("у м е р е т ь"; three would join ordinary
 * Russian like "а я в").
 */
const DOTTED_RE = /(?<![\p{L}\p{N}])(?:\p{L}[.\-_*]{1,2}){2,}\p{L}(?![\p{L}\p{N}])/gu;
const SPACED_RE = /(?<![\p{L}\p{N}])(?:\p{L} {1,2}){3,}\p{L}(?![\p{L}\p{N}])/gu;
const ONE_BY_ONE_RE = /(?:^|[^\p{L}\p{N}])\p{L}[ .\-_*]{1,2}\p{L}[ .\-_*]{1,2}\p{L}(?![\p{L}\p{N}])/u;

/** Text before tokenising: invisible characters removed, look-alikes folded, letters written one by one joined. */
function prepare(text: string): string {
  let t = text.replace(INVISIBLE_RE, "").toLowerCase();
  if (HAS_LOOKALIKE_RE.test(t)) t = t.replace(LOOKALIKE_RE, (ch) => LOOKALIKE[ch] ?? ch);
  if (ONE_BY_ONE_RE.test(t)) {
    t = t.replace(DOTTED_RE, (m) => m.replace(/[.\-_*]/g, "")).replace(SPACED_RE, (m) => m.replace(/ /g, ""));
  }
  return t;
}

/** Splits a message into words and folds each to its skeleton; empty skeletons are dropped. */
export function tokenize(text: string): Word[] {
  const lower = prepare(text);
  const out: Word[] = [];
  for (const m of lower.matchAll(WORD_RE)) {
    const w = skeletonWord(m[0]);
    if (w.skel.length > 0) out.push(w);
  }
  return out;
}

/** Cuts an over-long message to its head and tail (see MAX_ANALYSED_CHARS). */
export function clip(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  const tail = Math.floor(MAX_ANALYSED_CHARS / 4);
  return `${text.slice(0, MAX_ANALYSED_CHARS - tail)} ${text.slice(text.length - tail)}`;
}

/** Emoji of crying or heartbreak: a message of only these is a silent cry (moderate, and the bot asks if they are safe). */
const CRY_EMOJI: readonly string[] = ["😭", "😢", "😿", "💔", "🥺", "😞", "😔"];

/** Laughing emoji: a joke frame. */
const LAUGH_EMOJI: readonly string[] = ["😂", "🤣", "😹"];

/** Counts risk, crying and laughing emoji in a message. */
export function scanEmoji(text: string): { risk: number; cry: number; laugh: number } {
  const count = (list: readonly string[]): number => list.reduce((n, e) => (text.includes(e) ? n + 1 : n), 0);
  return { risk: count(RISK_EMOJI), cry: count(CRY_EMOJI), laugh: count(LAUGH_EMOJI) };
}
