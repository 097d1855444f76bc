/**
 * The triage engine: compiles the lexicon once at module load and grades a list of
 * normalised words. Matching is done on words tagged with concepts, not on raw regexes, so
 * one rule covers every script and the cost per message is a few map look-ups per word.
 */
import { CONCEPTS, GUARDS, RULES, type RuleDef } from "./lexicon.js";
import { skeleton, type Word } from "./normalize.js";
import type { RiskCategory, RiskLevel } from "./types.js";

// ------------------------------------------------------------------ concept registry

interface PrefixStem {
  readonly id: number;
  readonly kkNeg: boolean;
}
interface FuzzyStem {
  readonly s: string;
  readonly id: number;
  readonly exact: boolean;
  readonly kkNeg: boolean;
}

const conceptIds = new Map<string, number>();
const exactMap = new Map<string, number[]>();
const prefixMap = new Map<string, PrefixStem[]>();
const suffixList: Array<{ readonly s: string; readonly id: number }> = [];
const excludeMap = new Map<string, Set<number>>();
const fuzzyByFirst = new Map<string, FuzzyStem[]>();
/** Whole stems, used to split words typed without spaces ("хочуумереть"). */
const wholeStems = new Set<string>();
const num5Ids: number[] = [];
let maxPrefixLen = 0;

/** Concepts whose longer stems also match with one typo (edit distance 1). */
const FUZZY_CONCEPTS = new Set([
  "WANT_DIE", "DIE_INF", "KILL", "SELF", "OLGIM", "SURGIM", "BEAT", "RAPE", "PILL", "SUICIDE_WORD", "NUDE",
  "THREAT", "BULLY", "DISTRESS", "CUT", "HANG_SELF", "TOUCH", "DIVORCE", "INGEST_STRONG",
]);
const FUZZY_MIN = 6;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function addStem(id: number, raw: string, fuzzy: boolean): void {
  let r = raw.trim();
  if (r.length === 0) return;
  if (r === "#NUM5") {
    num5Ids.push(id);
    return;
  }
  let kind: "prefix" | "exact" | "suffix" | "exclude" = "prefix";
  let kkNeg = false;
  if (r.startsWith("^")) {
    kind = "exclude";
    r = r.slice(1).replace(/=$/, "");
  } else if (r.startsWith("-")) {
    kind = "suffix";
    r = r.slice(1);
  } else if (r.endsWith("=")) {
    kind = "exact";
    r = r.slice(0, -1);
  } else if (r.endsWith("!")) {
    kkNeg = true;
    r = r.slice(0, -1);
  }
  const s = skeleton(r);
  if (s.length === 0 || s.includes(" ")) throw new Error(`triage lexicon: stem "${raw}" is not one word`);
  switch (kind) {
    case "exclude": {
      const set = excludeMap.get(s) ?? new Set<number>();
      set.add(id);
      excludeMap.set(s, set);
      return;
    }
    case "suffix":
      suffixList.push({ s, id });
      return;
    case "exact":
      push(exactMap, s, id);
      break;
    case "prefix":
      push(prefixMap, s, { id, kkNeg });
      maxPrefixLen = Math.max(maxPrefixLen, s.length);
      break;
  }
  if (s.length >= 3) wholeStems.add(s);
  if (fuzzy && s.length >= FUZZY_MIN) push(fuzzyByFirst, s[0] as string, { s, id, exact: kind === "exact", kkNeg });
}

function registerConcept(key: string, stems: string, fuzzy: boolean): number {
  const known = conceptIds.get(key);
  if (known !== undefined) return known;
  const id = conceptIds.size;
  conceptIds.set(key, id);
  for (const stem of stems.split("|")) addStem(id, stem, fuzzy);
  return id;
}

for (const [name, stems] of Object.entries(CONCEPTS)) registerConcept(`@${name}`, stems, FUZZY_CONCEPTS.has(name));

function conceptId(name: string): number {
  const id = conceptIds.get(`@${name}`);
  if (id === undefined) throw new Error(`triage lexicon: unknown concept @${name}`);
  return id;
}

const NEG = conceptId("NEG");
const INTENS = conceptId("INTENS");
const NOW_IDS = [conceptId("NOW"), conceptId("HELP")];
const SOMETIMES = conceptId("SOMETIMES");
const FRAME = conceptId("FRAME");
const JOKE = conceptId("JOKE");
const JOKE_DENIED = conceptId("JOKE_DENIED");
const BARE = conceptId("BARE");
const HELP = conceptId("HELP");

// ------------------------------------------------------------------ patterns

interface SeqElem {
  readonly ids: readonly number[];
  /** How many other words may stand between the previous element and this one. */
  readonly gap: number;
}
type Pattern =
  | { readonly src: string; readonly bag: false; readonly elems: readonly SeqElem[] }
  | { readonly src: string; readonly bag: true; readonly win: number; readonly elems: ReadonlyArray<readonly number[]> };

function elementIds(part: string): number[] {
  return part.split("/").map((p) => (p.startsWith("@") ? conceptId(p.slice(1)) : registerConcept(p, p, false)));
}

function parsePattern(src: string): Pattern {
  let s = src.trim();
  const bag = /^bag(\d+):\s*/.exec(s);
  if (bag !== null) s = s.slice(bag[0].length);
  const elems: SeqElem[] = [];
  let gap = 0;
  for (const part of s.split(/\s+/)) {
    if (part.startsWith("~")) {
      gap = part.length > 1 ? Number(part.slice(1)) : 3;
      continue;
    }
    elems.push({ ids: elementIds(part), gap });
    gap = 0;
  }
  if (elems.length === 0) throw new Error(`triage lexicon: empty pattern "${src}"`);
  return bag !== null
    ? { src, bag: true, win: Number(bag[1]), elems: elems.map((e) => e.ids) }
    : { src, bag: false, elems };
}

function parseEntry(entry: string): Pattern[] {
  return entry.split(" || ").map(parsePattern);
}

interface CompiledRule {
  readonly def: RuleDef;
  readonly any: readonly Pattern[];
  readonly all: ReadonlyArray<readonly Pattern[]>;
  readonly notNext: readonly number[] | undefined;
}

const COMPILED_RULES: readonly CompiledRule[] = RULES.map((def) => ({
  def,
  any: (def.any ?? []).flatMap(parseEntry),
  all: (def.all ?? []).map(parseEntry),
  notNext: def.notNext === undefined ? undefined : elementIds(def.notNext),
}));
const IDIOM_GUARDS: readonly Pattern[] = GUARDS.filter((g) => g.context !== true).flatMap((g) => g.any.flatMap(parseEntry));
const CONTEXT_GUARDS: readonly Pattern[] = GUARDS.filter((g) => g.context === true).flatMap((g) => g.any.flatMap(parseEntry));


// ------------------------------------------------------------------ tagging words

/** Is the stem of length `len` in `t` followed by a Kazakh negative suffix (-ма/-ме/-ба/-бе/-па/-пе, not -мақ)? */
function kazakhNegated(t: string, len: number): boolean {
  const a = t[len];
  const b = t[len + 1];
  if (a === undefined || b === undefined) return false;
  if (!"mbp".includes(a) || (b !== "a" && b !== "e")) return false;
  return t[len + 2] !== "k";
}

/** Does `t` start with a string at edit distance ≤ 1 from `s` (substitution, insertion, deletion, transposition)? */
function prefixEdit1(t: string, s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && i < t.length && t[i] === s[i]) i++;
  if (i === n) return true;
  // The first and the last letter of the stem must be typed right: an edit at the end would
  // just shorten the stem ("умират" would match "умираю").
  if (i === 0 || i >= n - 1) return false;
  if (t.startsWith(s.slice(i + 1), i + 1)) return true;
  if (t.startsWith(s.slice(i + 1), i)) return true;
  if (t.startsWith(s.slice(i), i + 1)) return true;
  return t[i] === s[i + 1] && t[i + 1] === s[i] && t.startsWith(s.slice(i + 2), i + 2);
}

/** Is whole word `t` at edit distance ≤ 1 from `s`? */
function edit1(t: string, s: string): boolean {
  const dl = t.length - s.length;
  if (dl > 1 || dl < -1) return false;
  let i = 0;
  while (i < s.length && i < t.length && t[i] === s[i]) i++;
  if (i === s.length && i === t.length) return true;
  if (i === 0) return false;
  if (dl === 0) {
    if (t.slice(i + 1) === s.slice(i + 1)) return true;
    return t[i] === s[i + 1] && t[i + 1] === s[i] && t.slice(i + 2) === s.slice(i + 2);
  }
  return dl === 1 ? t.slice(i + 1) === s.slice(i) : t.slice(i) === s.slice(i + 1);
}

const tagCache = new Map<string, readonly number[]>();
const TAG_CACHE_LIMIT = 8_000;
const NO_TAGS: readonly number[] = [];

function computeTags(t: string, fuzzy = true): readonly number[] {
  const out = new Set<number>();
  const ex = exactMap.get(t);
  if (ex !== undefined) for (const id of ex) out.add(id);
  const top = Math.min(t.length, maxPrefixLen);
  for (let len = 1; len <= top; len++) {
    const list = prefixMap.get(t.slice(0, len));
    if (list === undefined) continue;
    for (const p of list) if (!(p.kkNeg && kazakhNegated(t, len))) out.add(p.id);
  }
  for (const { s, id } of suffixList) if (t.length > s.length + 1 && t.endsWith(s)) out.add(id);
  if (num5Ids.length > 0 && /^\d{1,3}$/.test(t) && Number(t) >= 5) for (const id of num5Ids) out.add(id);
  if (fuzzy && t.length >= FUZZY_MIN) {
    const cands = fuzzyByFirst.get(t[0] as string);
    if (cands !== undefined) {
      for (const c of cands) {
        if (out.has(c.id)) continue;
        if (c.exact ? edit1(t, c.s) : prefixEdit1(t, c.s)) {
          if (!(c.kkNeg && t.startsWith(c.s) && kazakhNegated(t, c.s.length))) out.add(c.id);
        }
      }
    }
  }
  const excluded = excludeMap.get(t);
  if (excluded !== undefined) for (const id of excluded) out.delete(id);
  return out.size === 0 ? NO_TAGS : [...out];
}

function tagsOf(t: string): readonly number[] {
  let tags = tagCache.get(t);
  if (tags === undefined) {
    tags = computeTags(t);
    if (tagCache.size >= TAG_CACHE_LIMIT) tagCache.clear();
    tagCache.set(t, tags);
  }
  return tags;
}

/**
 * Splits a word typed without spaces ("olgimkeledi", "хочуумереть"): a known stem followed by
 * a word that the lexicon knows exactly (no typo tolerance here). Longest stem first.
 */
export function splitGlued(t: string, depth = 0): string[] {
  if (t.length < 9 || depth > 3) return [t];
  for (let i = t.length - 4; i >= 3; i--) {
    const left = t.slice(0, i);
    if (!wholeStems.has(left)) continue;
    const rights = [t.slice(i)];
    // The normaliser collapses doubled letters across the join ("хочу|умереть" → "hochumeret").
    if (t[i - 1] !== t[i]) rights.push(t.slice(i - 1));
    for (const right of rights) {
      if (computeTags(right, false).length > 0) return [left, ...splitGlued(right, depth + 1)];
    }
  }
  return [t];
}

// ------------------------------------------------------------------ matching

interface Ctx {
  readonly n: number;
  readonly tags: ReadonlyArray<readonly number[]>;
  readonly pos: ReadonlyMap<number, readonly number[]>;
  readonly useNeg: boolean;
  /** Positions of a union of concepts, computed once per message (patterns share their elements' id arrays). */
  readonly unions: Map<readonly number[], readonly number[]>;
  /** Set when a match was refused because a word of it was negated ("I don't want to die"). */
  sawNegated: boolean;
}

function has(ctx: Ctx, p: number, ids: readonly number[]): boolean {
  const t = ctx.tags[p];
  if (t === undefined || t.length === 0) return false;
  for (const id of ids) if (t.includes(id)) return true;
  return false;
}

/** The ids of a rule element as a set, built once per element (elements are compiled once). */
const ID_SETS = new WeakMap<readonly number[], ReadonlySet<number>>();

function idSet(ids: readonly number[]): ReadonlySet<number> {
  let set = ID_SETS.get(ids);
  if (set === undefined) ID_SETS.set(ids, (set = new Set(ids)));
  return set;
}

function positionsOf(ctx: Ctx, ids: readonly number[]): readonly number[] {
  if (ids.length === 1) return ctx.pos.get(ids[0] as number) ?? NO_TAGS;
  let out = ctx.unions.get(ids);
  if (out === undefined) {
    // Walk the shorter side: the message's few words, or the element's ids.
    const present: number[] = [];
    if (ids.length > ctx.pos.size) {
      const set = idSet(ids);
      for (const id of ctx.pos.keys()) if (set.has(id)) present.push(id);
    } else {
      for (const id of ids) if (ctx.pos.has(id)) present.push(id);
    }
    if (present.length === 0) out = NO_TAGS;
    else if (present.length === 1) out = ctx.pos.get(present[0] as number) as readonly number[];
    else {
      const set = new Set<number>();
      for (const id of present) for (const p of ctx.pos.get(id) as readonly number[]) set.add(p);
      out = [...set].sort((a, b) => a - b);
    }
    ctx.unions.set(ids, out);
  }
  return out;
}

/** A matched word preceded by a negation ("не хочу умереть", "don't really want to die") that is not itself part of the match. */
function negated(ctx: Ctx, chosen: readonly number[]): boolean {
  if (!ctx.useNeg) return false;
  for (const p of chosen) {
    let q = p - 1;
    if (q < 0 || chosen.includes(q)) continue;
    if (has(ctx, q, [INTENS])) {
      q--;
      if (q < 0 || chosen.includes(q)) continue;
    }
    if (has(ctx, q, [NEG])) {
      ctx.sawNegated = true;
      return true;
    }
  }
  return false;
}

function extendSeq(ctx: Ctx, elems: readonly SeqElem[], j: number, chosen: number[], notNext?: readonly number[]): boolean {
  if (j === elems.length) {
    if (negated(ctx, chosen)) return false;
    // A word right after that turns the phrase away ("не хочу жить *с папой*", "өлгім *келмейді*") counts as a negation.
    if (notNext !== undefined && has(ctx, (chosen[chosen.length - 1] as number) + 1, notNext)) {
      ctx.sawNegated = true;
      return false;
    }
    return true;
  }
  const prev = chosen[chosen.length - 1] as number;
  const e = elems[j] as SeqElem;
  for (let q = prev + 1; q <= prev + 1 + e.gap && q < ctx.n; q++) {
    if (!has(ctx, q, e.ids)) continue;
    chosen.push(q);
    if (extendSeq(ctx, elems, j + 1, chosen, notNext)) return true;
    chosen.pop();
  }
  return false;
}

function extendBag(ctx: Ctx, lists: ReadonlyArray<readonly number[]>, j: number, chosen: number[], win: number): boolean {
  if (j === lists.length) return !negated(ctx, chosen);
  const lo = Math.max(...chosen) - win + 1;
  const hi = Math.min(...chosen) + win - 1;
  for (const q of lists[j] as readonly number[]) {
    if (q < lo || q > hi || chosen.includes(q)) continue;
    chosen.push(q);
    if (extendBag(ctx, lists, j + 1, chosen, win)) return true;
    chosen.pop();
  }
  return false;
}

/** Positions of the words of the first match of `pat`, or undefined. */
function match(ctx: Ctx, pat: Pattern, notNext?: readonly number[]): number[] | undefined {
  if (pat.bag) {
    const lists: Array<readonly number[]> = [];
    for (const ids of pat.elems) {
      const l = positionsOf(ctx, ids);
      if (l.length === 0) return undefined;
      lists.push(l);
    }
    for (const p0 of lists[0] as readonly number[]) {
      const chosen = [p0];
      if (extendBag(ctx, lists, 1, chosen, pat.win)) return chosen;
    }
    return undefined;
  }
  const first = pat.elems[0] as SeqElem;
  for (const p0 of positionsOf(ctx, first.ids)) {
    const chosen = [p0];
    if (extendSeq(ctx, pat.elems, 1, chosen, notNext)) return chosen;
  }
  return undefined;
}

function buildCtx(tags: ReadonlyArray<readonly number[]>, useNeg: boolean): Ctx {
  const pos = new Map<number, number[]>();
  tags.forEach((ts, p) => {
    for (const id of ts) push(pos, id, p);
  });
  return { n: tags.length, tags, pos, useNeg, unions: new Map(), sawNegated: false };
}

// ------------------------------------------------------------------ grading

/** One fired rule with the level it ends up with after the NOW / SOMETIMES modifiers. */
export interface Hit {
  readonly rule: string;
  readonly category: RiskCategory;
  readonly level: Exclude<RiskLevel, "none">;
  /** The pattern that fired (lexicon source text). */
  readonly via: string;
}

/** What the rules say of a message: the fired rules, and whether it speaks of a film, a book, news or an essay. */
export interface Graded {
  readonly hits: Hit[];
  /** A fiction, media, news or essay frame (see FRAME in the lexicon). */
  readonly frame: boolean;
  /** A bare cry for help: a HELP word and nothing but BARE words ("помогите!!!", "help me please"). */
  readonly cry: boolean;
  /** A crisis rule matched but for a negation ("I don't want to die", "папа меня не бьёт"), and no crisis rule fired. */
  readonly negatedCrisis: boolean;
  /** The skeleton tokens with idioms and context guards taken out ("she beat me at chess" → "she"): the model's input. */
  readonly modelTokens: readonly string[];
}

/** Grades already-normalised words: applies idiom guards, then every rule. `laughing`: the message has laughing emoji (a joke frame). */
export function grade(words: readonly Word[], laughing = false): Graded {
  const tokens: string[] = [];
  for (const w of words) {
    if (w.skel.length >= 9) tokens.push(...splitGlued(w.skel));
    else tokens.push(w.skel);
  }
  const rawTags = tokens.map(tagsOf);
  const joke = rawTags.some(
    (t, p) => t.includes(JOKE) && !(rawTags[p - 1]?.includes(NEG) ?? false) && !(rawTags[p + 1]?.includes(JOKE_DENIED) ?? false),
  );
  const frame = laughing || joke || rawTags.some((t) => t.includes(FRAME));
  const cry = rawTags.length > 0 && rawTags.length <= 8 && rawTags.some((t) => t.includes(HELP)) && rawTags.every((t) => t.includes(BARE));
  // Idioms first: their words leave the message (as empty placeholders, so gaps still count).
  const guardCtx = buildCtx(rawTags, false);
  const block = (guards: readonly Pattern[], into: Set<number>): void => {
    for (const g of guards) {
      const m = match(guardCtx, g);
      if (m === undefined) continue;
      for (let p = Math.min(...m); p <= Math.max(...m); p++) into.add(p);
    }
  };
  const idiomBlocked = new Set<number>();
  block(IDIOM_GUARDS, idiomBlocked);
  const allBlocked = new Set(idiomBlocked);
  block(CONTEXT_GUARDS, allBlocked);
  const without = (blocked: Set<number>): ReadonlyArray<readonly number[]> =>
    blocked.size === 0 ? rawTags : rawTags.map((t, p) => (blocked.has(p) ? NO_TAGS : t));
  const ctx = buildCtx(without(allBlocked), true);
  const idiomCtx = allBlocked.size === idiomBlocked.size ? ctx : buildCtx(without(idiomBlocked), true);

  const modelTokens = allBlocked.size === 0 ? tokens : tokens.filter((_, p) => !allBlocked.has(p));
  const now = NOW_IDS.some((id) => ctx.pos.has(id));
  const soft = ctx.pos.has(SOMETIMES);
  const hits: Hit[] = [];
  const superseded = new Set<RiskCategory>();
  let negatedSeen = false;
  for (const rule of COMPILED_RULES) {
    // Context guards only soften moderate concerns; they never hide a crisis rule (see GuardDef).
    const c = rule.def.level === "moderate" ? ctx : idiomCtx;
    c.sawNegated = false;
    let via = rule.any.find((p) => match(c, p, rule.notNext) !== undefined)?.src;
    if (via === undefined && rule.all.length > 0) {
      const parts = rule.all.map((alts) => alts.find((p) => match(c, p) !== undefined)?.src);
      if (parts.every((x) => x !== undefined)) via = parts.join(" && ");
    }
    if (via === undefined) {
      if (c.sawNegated && rule.def.level !== "moderate") negatedSeen = true;
      continue;
    }
    const def = rule.def;
    let level = def.level;
    if (def.now === true && now) {
      level = "emergency";
      hits.push({ rule: `${def.id}+now`, category: "violence_now", level, via });
    }
    if (def.soft === true && soft && level === "emergency") level = "high";
    hits.push({ rule: def.id, category: def.cat, level, via });
    for (const cat of def.supersedes ?? []) superseded.add(cat);
  }
  const kept = superseded.size === 0 ? hits : hits.filter((h) => !superseded.has(h.category));
  const negatedCrisis = negatedSeen && !kept.some((h) => h.level !== "moderate");
  return { hits: kept, frame, cry, negatedCrisis, modelTokens };
}
