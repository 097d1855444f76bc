/**
 * The crisis model: a linear (softmax) classifier over hashed features, trained by
 * `npm run train:triage` and shipped as data/triage/model.bin. This module reads the file's
 * bytes and scores messages in plain TypeScript; it never downloads anything.
 *
 * File layout: "SNMT" · u32 little-endian header length · header JSON (UTF-8) · int8
 * weights, feature-major (feature f's weights for every class are contiguous).
 */
import { DIM, featuresOf, occurrencesOfWords, type Features, type Occurrences } from "./features.js";

const MAGIC = "SNMT";

/** A class the model predicts: "none", "m:<category>" (a concern) or "c:<category>" (a crisis). */
export type ModelClass = string;

/** The concern class of harm that is over (its category is the nearest crisis class's). */
export const PAST_CONCERN = "m:past";

export interface ModelHeader {
  readonly format: 1;
  /** Bumped whenever features or classes change meaning. */
  readonly version: string;
  readonly dim: number;
  /** Feature scaling floor the model was trained with (see featuresOfWords). */
  readonly minNorm: number;
  readonly classes: readonly ModelClass[];
  /** Per-class dequantisation scale: weight = int8 × scale. */
  readonly scales: readonly number[];
  readonly bias: readonly number[];
  /**
   * P(crisis) at or above `high` raises a message to high; at or above `unsure`, to moderate
   * with `uncertain`; P(concern or crisis) at or above `concern` raises a calm one to moderate.
   */
  readonly thresholds: { readonly high: number; readonly unsure: number; readonly concern: number };
  readonly trained: Readonly<Record<string, unknown>>;
}

export interface CrisisModel {
  readonly header: ModelHeader;
  readonly weights: Int8Array;
}

/** What the model says of a message. */
export interface ModelScore {
  /** Probability that the message is a crisis (sum over crisis classes), the highest over its windows. */
  readonly crisis: number;
  /** Probability of a concern (sum over concern classes) of the whole message. */
  readonly concern: number;
  /** The most probable crisis class's category, and the most probable concern class's. */
  readonly crisisCategory: string | undefined;
  readonly concernCategory: string | undefined;
}

export function encodeModel(header: ModelHeader, weights: Int8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + weights.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.length), 8 + json.length);
  return out;
}

/** Reads a model file's bytes; throws with a clear message on anything malformed. */
export function decodeModel(bytes: Uint8Array): CrisisModel {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error("crisis model: not a model file");
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as ModelHeader;
  if (header.format !== 1 || header.dim !== DIM) throw new Error(`crisis model: format ${header.format}, dim ${header.dim} not supported`);
  const k = header.classes.length;
  const weights = new Int8Array(bytes.buffer.slice(bytes.byteOffset + 8 + len, bytes.byteOffset + bytes.length));
  if (weights.length !== header.dim * k) throw new Error(`crisis model: ${weights.length} weights, expected ${header.dim * k}`);
  if (header.scales.length !== k || header.bias.length !== k) throw new Error("crisis model: header does not match its classes");
  return { header, weights };
}

/** Class probabilities of one feature vector (softmax). */
export function probabilities(model: CrisisModel, f: Features, out: Float64Array = new Float64Array(model.header.classes.length)): Float64Array {
  const { classes } = model.header;
  const k = classes.length;
  const acc = new Float64Array(k);
  const w = model.weights;
  for (let i = 0; i < f.idx.length; i++) {
    const base = (f.idx[i] as number) * k;
    for (let c = 0; c < k; c++) acc[c] = (acc[c] as number) + (w[base + c] as number);
  }
  return softmax(model.header, acc, f.value, out);
}

/** Class probabilities from summed int8 weights `acc` and the features' shared value. */
function softmax(h: ModelHeader, acc: ArrayLike<number>, value: number, out: Float64Array): Float64Array {
  const k = h.classes.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    const z = (acc[c] as number) * (h.scales[c] as number) * value + (h.bias[c] as number);
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] = (out[c] as number) / sum;
  return out;
}

/** Long messages are also scored in windows of this many words, so a danger in the middle is not diluted. */
export const WINDOW = 32;
const STRIDE = 16;

interface Split {
  crisis: number;
  concern: number;
  crisisBest: number;
  concernBest: number;
}

function split(model: CrisisModel, p: Float64Array): Split {
  const classes = model.header.classes;
  const r: Split = { crisis: 0, concern: 0, crisisBest: -1, concernBest: -1 };
  for (let c = 0; c < classes.length; c++) {
    const name = classes[c] as string;
    const v = p[c] as number;
    if (name.startsWith("c:")) {
      r.crisis += v;
      if (r.crisisBest < 0 || v > (p[r.crisisBest] as number)) r.crisisBest = c;
    } else if (name.startsWith("m:")) {
      r.concern += v;
      if (r.concernBest < 0 || v > (p[r.concernBest] as number)) r.concernBest = c;
    }
  }
  return r;
}

const category = (model: CrisisModel, c: number): string | undefined => (c < 0 ? undefined : (model.header.classes[c] as string).slice(2));

/**
 * Scores a message given its skeleton words. Its windows are skipped when the whole message
 * is already at the `high` threshold (a window could only confirm it).
 */
export function scoreWords(model: CrisisModel, words: readonly string[]): ModelScore {
  const occ = occurrencesOfWords(words);
  const p = probabilities(model, featuresOf(occ, model.header.minNorm));
  const whole = split(model, p);
  let crisis = whole.crisis;
  let crisisCategory = category(model, whole.crisisBest);
  if (words.length > WINDOW + STRIDE / 2 && crisis < model.header.thresholds.high) {
    scoreWindows(model, occ, (start, end, q) => {
      const w = split(model, q);
      if (w.crisis > crisis) {
        crisis = w.crisis;
        crisisCategory = category(model, w.crisisBest);
      }
    });
  }
  const concernClass = whole.concernBest < 0 ? undefined : model.header.classes[whole.concernBest];
  const concernCategory = concernClass === PAST_CONCERN ? category(model, whole.crisisBest) : category(model, whole.concernBest);
  return { crisis, concern: whole.concern, crisisCategory, concernCategory };
}

// Window scoring state, reused: how many occurrences of each feature the window holds.
const count = new Uint8Array(DIM);

/**
 * Class probabilities of every window of WINDOW words (stride STRIDE) of a message: the same
 * as probabilities(featuresOf(occ, minNorm, start, end)) for each window, computed by
 * sliding: a feature's weights are added when its first occurrence enters the window and
 * taken out when its last one leaves, so each occurrence is touched twice in all.
 */
export function scoreWindows(model: CrisisModel, occ: Occurrences, each: (start: number, end: number, p: Float64Array) => void): void {
  const { classes, minNorm } = model.header;
  const k = classes.length;
  const w = model.weights;
  const total = occ.idx.length;
  // Occurrences in order of hi (to add) and of lo (to take out): counting sorts, both keys are word positions 0..n.
  const byHi = sortBy(occ.hi, occ.n);
  const byLo = sortBy(occ.lo, occ.n);
  const added = new Uint8Array(total);
  const acc = new Int32Array(k);
  const p = new Float64Array(k);
  let distinct = 0;
  const touch = (f: number, d: 1 | -1): void => {
    const before = count[f] as number;
    count[f] = before + d;
    if ((d === 1 && before === 0) || (d === -1 && before === 1)) {
      distinct += d;
      const base = f * k;
      for (let c = 0; c < k; c++) acc[c] = (acc[c] as number) + d * (w[base + c] as number);
    }
  };
  let addAt = 0;
  let dropAt = 0;
  for (let start = 0; start < occ.n; start += STRIDE) {
    const end = Math.min(occ.n, start + WINDOW);
    while (dropAt < total && (occ.lo[byLo[dropAt] as number] as number) < start) {
      const o = byLo[dropAt++] as number;
      if (added[o] === 1) {
        added[o] = 0;
        touch(occ.idx[o] as number, -1);
      }
    }
    while (addAt < total && (occ.hi[byHi[addAt] as number] as number) <= end) {
      const o = byHi[addAt++] as number;
      if ((occ.lo[o] as number) >= start) {
        added[o] = 1;
        touch(occ.idx[o] as number, 1);
      }
    }
    const lead = occ.first[start] as number;
    touch(lead, 1);
    each(start, end, softmax(model.header, acc, 1 / Math.sqrt(Math.max(distinct, minNorm)), p));
    touch(lead, -1);
    if (end === occ.n) break;
  }
  // Leave the shared counts at zero for the next message.
  for (let o = 0; o < total; o++) if (added[o] === 1) count[occ.idx[o] as number] = 0;
}

function sortBy(key: Int32Array, n: number): Int32Array {
  const buckets = new Int32Array(n + 2);
  for (let i = 0; i < key.length; i++) {
    const b = (key[i] as number) + 1;
    buckets[b] = (buckets[b] as number) + 1;
  }
  for (let b = 1; b < buckets.length; b++) buckets[b] = (buckets[b] as number) + (buckets[b - 1] as number);
  const out = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = key[i] as number;
    const at = buckets[b] as number;
    out[at] = i;
    buckets[b] = at + 1;
  }
  return out;
}
