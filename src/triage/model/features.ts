/**
 * Features of a message for the crisis model: hashed character 3–5-grams of the normalised
 * skeleton text (so every script of a word shares its n-grams) and hashed word unigrams and
 * bigrams, each present once (binary), scaled to unit length. Pure; the same code serves
 * training and inference. Each message is hashed once (occurrencesOfWords); deduplication uses
 * a stamped table.
 */

/** Feature-space size: a power of two, so a hash is reduced with a mask. */
const DIM_BITS = 18;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;

/** A sparse feature vector: distinct indices and one shared value (binary features scaled to unit length). */
export interface Features {
  readonly idx: Int32Array;
  readonly value: number;
}

/** Longest character n-gram (from 3). */
const MAX_GRAM = 5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Final mix (murmur3's), then the kind of feature, so n-grams of different lengths and words spread apart. */
function finish(h: number, kind: number): number {
  let x = (h ^ Math.imul(kind, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) & MASK;
}

function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

// Deduplication: seen[i] === stamp means index i is already in this message's features.
const seen = new Uint32Array(DIM);
let stamp = 0;
let buf = new Int32Array(1024);
let len = 0;

function add(i: number): void {
  if (seen[i] === stamp) return;
  seen[i] = stamp;
  if (len === buf.length) {
    const bigger = new Int32Array(buf.length * 2);
    bigger.set(buf);
    buf = bigger;
  }
  buf[len++] = i;
}

/**
 * Features of a run of skeleton words (all of them, or words[from, to)). They are scaled to
 * unit length, but a message with fewer than `minNorm` features is scaled as if it had that
 * many: a two-word message carries little evidence and must not weigh like a sentence.
 */
export function featuresOfWords(words: readonly string[], minNorm: number, from = 0, to = words.length): Features {
  return featuresOf(occurrencesOfWords(words), minNorm, from, to);
}

/** The features of the window of words [from, to) of a message's occurrences (in the order they occur). */
export function featuresOf(occ: Occurrences, minNorm: number, from = 0, to = occ.n): Features {
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    seen.fill(0);
    stamp = 1;
  }
  len = 0;
  for (let o = 0; o < occ.grams; o++) if ((occ.lo[o] as number) >= from && (occ.hi[o] as number) <= to) add(occ.idx[o] as number);
  for (let i = from; i < to; i++) {
    const u = occ.unigram[i] as number;
    add(occ.idx[u] as number);
    add(i === from ? (occ.first[i] as number) : (occ.idx[u + 1] as number));
  }
  const idx = buf.slice(0, len);
  return { idx, value: len === 0 ? 0 : 1 / Math.sqrt(Math.max(len, minNorm)) };
}

/**
 * Every feature occurrence of a message with the words it touches: an occurrence belongs to
 * the window of words [a, b) when a ≤ lo and hi ≤ b. A message is hashed once; its features
 * and every window's are read from here (featuresOf, scoreWindows).
 */
export interface Occurrences {
  /** How many words. */
  readonly n: number;
  readonly idx: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Occurrences [0, grams) are character n-grams, in order of position; then each word's unigram and pair. */
  readonly grams: number;
  /** Where word i's unigram is; its pair with the word before follows it (for i > 0). */
  readonly unigram: Int32Array;
  /** The pair feature of word i as a window's first word (paired with the start). */
  readonly first: Int32Array;
}

export function occurrencesOfWords(words: readonly string[]): Occurrences {
  const n = words.length;
  const s = ` ${words.join(" ")} `;
  // For each character: the word it belongs to (letters) or the word after it (a space before word i, i = n at the end).
  const owner = new Int32Array(s.length);
  const isSpace = new Uint8Array(s.length);
  let pos = 0;
  for (let i = 0; i <= n; i++) {
    owner[pos] = i;
    isSpace[pos] = 1;
    pos++;
    if (i === n) break;
    const w = words[i] as string;
    for (let j = 0; j < w.length; j++) owner[pos + j] = i;
    pos += w.length;
  }
  const capacity = Math.max(0, (MAX_GRAM - 2) * (s.length - 2));
  const idx = new Int32Array(capacity + 2 * n);
  const lo = new Int32Array(capacity + 2 * n);
  const hi = new Int32Array(capacity + 2 * n);
  let m = 0;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = FNV_OFFSET;
    let l = Infinity;
    let r = -Infinity;
    for (let j = 0; j < MAX_GRAM && i + j < s.length; j++) {
      h = Math.imul(h ^ s.charCodeAt(i + j), FNV_PRIME);
      const o = owner[i + j] as number;
      if (o < l) l = o;
      const e = isSpace[i + j] === 1 ? o : o + 1;
      if (e > r) r = e;
      if (j >= 2) {
        idx[m] = finish(h, j + 1);
        lo[m] = l;
        hi[m] = r;
        m++;
      }
    }
  }
  const grams = m;
  const first = new Int32Array(n);
  const unigram = new Int32Array(n);
  let prev = 0x5bd1e995;
  for (let i = 0; i < n; i++) {
    const hw = fnv(words[i] as string);
    unigram[i] = m;
    idx[m] = finish(hw, 11);
    lo[m] = i;
    hi[m] = i + 1;
    m++;
    if (i > 0) {
      idx[m] = finish(Math.imul(prev, 31) ^ hw, 12);
      lo[m] = i - 1;
      hi[m] = i + 1;
      m++;
    }
    first[i] = finish(Math.imul(0x5bd1e995, 31) ^ hw, 12);
    prev = hw;
  }
  return { n, idx: idx.subarray(0, m), lo: lo.subarray(0, m), hi: hi.subarray(0, m), grams, unigram, first };
}
