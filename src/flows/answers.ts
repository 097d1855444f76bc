/**
 * Typed answers: which of a question's buttons (or which region) a typed message means.
 * People type Kazakh in Kazakh letters, in Russian letters («жок», «иа») or in Latin
 * («joq», «ia»), Russian in either alphabet, English, and the buttons' labels with typos;
 * every phrase and the message are folded by the triage normaliser to one skeleton first.
 * A wrong option is worse than asking again, so the matcher answers only when one choice
 * is clearly best; otherwise it returns undefined and the bot shows the buttons again.
 * Measured on data/answers/corpus (tests/flows/answers-frozen.test.ts). Pure, no I/O.
 */
import { tokenize } from "../triage/normalize.js";
import type { FlowOption } from "./types.js";

/** One answer the user may mean: its id and the phrases that name it, in any language or script. */
export interface AnswerChoice {
  readonly id: string;
  /**
   * The button's label in every language, and other ways to type it. A phrase starting with
   * "=" counts only as the whole message (short words such as «не» or «я» that are answers
   * alone but not inside a sentence); "@yes", "@no", "@unsure" and "@me" name the shared sets below.
   */
  readonly phrases: readonly string[];
}

/** Ways to type yes, no, "I don't know" and "me" in Kazakh (any script), Russian and English. */
export const SHARED_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  yes: [
    "иә", "ия", "иа", "ие", "ийә", "иэ", "да", "дa", "ага", "угу", "конечно", "әрине", "yes", "yeah",
    "yep", "yup", "=aha", "of course", "sure", "бар", "есть",
  ],
  no: ["жоқ", "жоғ", "zhoq", "нет", "неа", "нету", "=не", "no", "nope", "nah", "=net", "никогда", "ешқашан", "never", "не бывает", "не было", "такого нет"],
  unsure: [
    "не знаю", "незнаю", "хз", "не уверен", "не уверена", "не понятно", "білмеймін", "білмим", "білмедім", "bilmeimin",
    "білмей жүрмін", "idk", "i don't know", "dont know", "not sure", "no idea", "hard to say", "трудно сказать",
    "сложно сказать", "айту қиын", "не могу сказать",
  ],
  me: ["=мен", "мені", "маған", "менімен", "өзім", "өзіме", "мне", "меня", "=я", "со мной", "me", "myself", "=i"],
};

/** Words that carry no meaning of their own in an answer (prepositions, conjunctions, articles). */
const FILLER = new Set(
  ["в", "во", "на", "и", "с", "со", "о", "об", "у", "к", "по", "а", "но", "ну", "же", "это", "вот", "просто", "but", "the", "a", "an", "at", "in", "on", "of", "to", "and", "is", "it", "my", "its"].map(
    (w) => tokenize(w)[0]!.skel,
  ),
);

/** How similar two words' skeletons are: 1 equal, less for an inflected form or a typo, 0 unrelated. */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter < 4) return 0;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  // An inflection or case ending: «мектепте» and «мектеп», «школе» and «школа».
  if (prefix >= 4 && prefix / longer >= 0.7) return 0.9;
  // A typo: one letter wrong, missing, extra or two swapped (two in a long word); words that
  // share neither their first nor their last two letters are not tried.
  if (a[0] !== b[0] && a[1] !== b[1] && a.at(-1) !== b.at(-1)) return 0;
  // Two letters off count only in a long word: a short one is not tried that far.
  const d = editDistance(a, b, shorter >= 7 ? 2 : 1);
  if (d === 1) return 0.85;
  if (d === 2 && shorter >= 7) return 0.8;
  return 0;
}

/** Rows of editDistance, kept between calls (it runs for every word pair a message is compared on). */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Damerau-Levenshtein (optimal string alignment) distance, or `limit + 1` when it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (rows[0]!.length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const done = prev2;
    prev2 = prev;
    prev = row;
    row = done;
  }
  return prev[n]!;
}

/**
 * Whole words written several ways that the skeleton would not join, or would join with
 * another word: Kazakh "yes" («иа», «ia») folds to the skeleton of Russian «я» ("I"),
 * so every spelling of it becomes one token of its own; abbreviations become the word.
 */
const CANON: ReadonlyMap<string, string> = new Map([
  ...["иә", "иа", "ия", "ие", "ийә", "иэ", "ia", "iа", "iä", "ie", "iya", "iyә"].map((w): [string, string] => [w, "иә"]),
  ["обл", "область"],
  ["г", "город"],
  ["қ", "қаласы"],
]);
const YES_TOKEN = "#yes";

/** Words that say what kind of place a region is, not which: they count for a quarter of a word. */
const GENERIC = new Set(
  ["область", "облысы", "oblast", "oblysy", "region", "город", "қаласы", "city", "район", "аудан"].map((w) => tokenize(w)[0]!.skel),
);

function weight(word: string): number {
  return GENERIC.has(word) ? 0.25 : 1;
}

/**
 * Words that turn the next word around («не работаю», "not sure", "don't know"): the two are
 * read as one word, so «не работаю» never meets «работаю» (yes) while «не знаю» meets «не знаю».
 */
const NEGATORS = new Set(["не", "ни", "not", "dont", "don't", "doesnt", "doesn't", "isnt", "isn't", "cant", "can't", "never"]);

/** The meaningful words of a text as skeletons (fillers dropped unless nothing else is left). */
function contentWords(text: string): string[] {
  const words = tokenize(text.replace(/ё/g, "е").replace(/Ё/g, "Е"));
  const all: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (NEGATORS.has(w.raw) && next !== undefined) {
      // «не в школе», "not at school": the word turned around is the first that is not a filler.
      let j = i + 1;
      while (j < words.length - 1 && FILLER.has(words[j]!.skel)) j++;
      all.push(`${w.skel}~${words[j]!.skel}`);
      i = j;
      continue;
    }
    const canon = CANON.get(w.raw);
    if (canon === "иә") all.push(YES_TOKEN);
    else all.push(canon === undefined ? w.skel : tokenize(canon)[0]!.skel);
  }
  const content = all.filter((w) => !FILLER.has(w));
  return content.length > 0 ? content : all;
}

interface Phrase {
  readonly words: readonly string[];
  readonly whole: boolean;
}

const phraseCache = new Map<string, Phrase>();

function compilePhrase(raw: string): Phrase {
  let phrase = phraseCache.get(raw);
  if (phrase === undefined) {
    const whole = raw.startsWith("=");
    phrase = { words: contentWords(whole ? raw.slice(1) : raw), whole };
    if (phraseCache.size > 20_000) phraseCache.clear();
    phraseCache.set(raw, phrase);
  }
  return phrase;
}

const expanded = new WeakMap<readonly string[], Phrase[]>();

function expand(phrases: readonly string[]): Phrase[] {
  const known = expanded.get(phrases);
  if (known !== undefined) return known;
  const out: Phrase[] = [];
  for (const raw of phrases) {
    const shared = raw.startsWith("@") ? SHARED_ANSWERS[raw.slice(1)] : undefined;
    for (const p of shared ?? [raw]) out.push(compilePhrase(p));
  }
  // The regions' phrases are one array for the life of the process: expanded once.
  expanded.set(phrases, out);
  return out;
}

/**
 * How well the typed words say this choice: mostly how much of its best phrase they contain,
 * partly how much of them its phrases explain (generic words such as «область» weigh little).
 */
function scoreChoice(typed: readonly string[], phrases: readonly Phrase[]): number {
  const explained = new Array<number>(typed.length).fill(0);
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.words.length === 0) continue;
    if (phrase.whole && (phrase.words.length !== typed.length || phrase.words.some((w, i) => w !== typed[i]))) continue;
    let covered = 0;
    let total = 0;
    for (const pw of phrase.words) {
      let m = 0;
      typed.forEach((tw, i) => {
        const s = wordSimilarity(tw, pw);
        if (s > m) m = s;
        if (s > explained[i]!) explained[i] = s;
      });
      covered += m * weight(pw);
      total += weight(pw);
    }
    best = Math.max(best, covered / total);
  }
  if (best === 0) return 0;
  let said = 0;
  let total = 0;
  typed.forEach((tw, i) => {
    said += explained[i]! * weight(tw);
    total += weight(tw);
  });
  return 0.55 * best + 0.45 * (said / total);
}

/** Typed messages longer than this are sentences, not answers: they go to the other handlers. */
const MAX_ANSWER_WORDS = 8;
/** The best choice must score at least this… */
export const ACCEPT_SCORE = 0.74;
/** …and this much more than the next one, or the bot asks again. */
export const ACCEPT_MARGIN = 0.2;

const EXACT = 0.999;

/**
 * The choice a typed message means, or undefined when it names none or could mean two
 * (the bot then asks again with the buttons). A bare number picks that button (1-based).
 */
export function matchTypedAnswer(typed: string, choices: readonly AnswerChoice[]): string | undefined {
  const text = typed.trim();
  if (text.length === 0 || text.length > 200) return undefined;
  if (/^\d{1,2}$/.test(text)) return choices[Number(text) - 1]?.id;
  const words = contentWords(text);
  if (words.length === 0 || words.length > MAX_ANSWER_WORDS) return undefined;
  let first: { id: string; score: number } | undefined;
  let second = 0;
  for (const choice of choices) {
    const score = scoreChoice(words, expand(choice.phrases));
    if (first === undefined || score > first.score) {
      second = first?.score ?? 0;
      first = { id: choice.id, score };
    } else if (score > second) second = score;
  }
  if (first === undefined || first.score < ACCEPT_SCORE) return undefined;
  // A message that is exactly one choice's phrase is that choice, unless it is exactly another's too.
  const exact = first.score >= EXACT && second < EXACT;
  return exact || first.score - second >= ACCEPT_MARGIN ? first.id : undefined;
}

/** A question's buttons as choices: each option's label in every language (`labels` renders them) and its other typed forms. */
export function optionChoices(options: readonly FlowOption[], labels: (key: string) => readonly string[]): AnswerChoice[] {
  return options.map((o) => ({ id: o.id, phrases: [...labels(o.label), ...(o.typed ?? [])] }));
}
