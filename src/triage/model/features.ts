/**
 * Features of a message for the crisis model: hashed character 3–5-grams of the normalised
 * skeleton text (so every script of a word shares its n-grams) and hashed word unigrams and
 * bigrams, each present once (binary), scaled to unit length. Pure; the same code serves
 * training and inference. Hashing is incremental and deduplication uses a stamped table, so
 * a message costs no allocation beyond its index array.
 */

/** Feature-space size: a power of two, so a hash is reduced with a mask. */
export const DIM_BITS = 18;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;

/** A sparse feature vector: distinct indices and one shared value (binary features scaled to unit length). */
export interface Features {
  readonly idx: Int32Array;
  readonly value: number;
}

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
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    seen.fill(0);
    stamp = 1;
  }
  len = 0;
  // Character n-grams over " w1 w2 … wn ", hashed incrementally from each start.
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push(words[i] as string);
  const s = ` ${parts.join(" ")} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = FNV_OFFSET;
    for (let j = 0; j < 5 && i + j < s.length; j++) {
      h = Math.imul(h ^ s.charCodeAt(i + j), FNV_PRIME);
      if (j >= 2) add(finish(h, j + 1));
    }
  }
  // Words and word pairs.
  let prev = 0x5bd1e995;
  for (let i = from; i < to; i++) {
    const hw = fnv(words[i] as string);
    add(finish(hw, 11));
    add(finish(Math.imul(prev, 31) ^ hw, 12));
    prev = hw;
  }
  const idx = buf.slice(0, len);
  return { idx, value: len === 0 ? 0 : 1 / Math.sqrt(Math.max(len, minNorm)) };
}
