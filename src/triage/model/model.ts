/**
 * The crisis model: a linear (softmax) classifier over hashed features, trained by
 * `npm run train:triage` and shipped as data/triage/model.bin. This module reads the file's
 * bytes and scores messages in plain TypeScript; it never downloads anything.
 *
 * File layout: "SNMT" · u32 little-endian header length · header JSON (UTF-8) · int8
 * weights, feature-major (feature f's weights for every class are contiguous).
 */
import { DIM, featuresOfWords, type Features } from "./features.js";

export const MAGIC = "SNMT";

/** A class the model predicts: "none", "m:<category>" (a concern) or "c:<category>" (a crisis). */
export type ModelClass = string;

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
  const { classes, scales, bias } = model.header;
  const k = classes.length;
  const acc = new Float64Array(k);
  const w = model.weights;
  for (let i = 0; i < f.idx.length; i++) {
    const base = (f.idx[i] as number) * k;
    for (let c = 0; c < k; c++) acc[c] = (acc[c] as number) + (w[base + c] as number);
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    const z = (acc[c] as number) * (scales[c] as number) * f.value + (bias[c] as number);
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

/** Scores a message given its skeleton words. */
export function scoreWords(model: CrisisModel, words: readonly string[]): ModelScore {
  const p = probabilities(model, featuresOfWords(words, model.header.minNorm));
  const whole = split(model, p);
  let crisis = whole.crisis;
  let crisisCategory = category(model, whole.crisisBest);
  if (words.length > WINDOW + STRIDE / 2) {
    for (let start = 0; start < words.length; start += STRIDE) {
      const end = Math.min(words.length, start + WINDOW);
      const q = split(model, probabilities(model, featuresOfWords(words, model.header.minNorm, start, end), p));
      if (q.crisis > crisis) {
        crisis = q.crisis;
        crisisCategory = category(model, q.crisisBest);
      }
      if (end === words.length) break;
    }
  }
  return { crisis, concern: whole.concern, crisisCategory, concernCategory: category(model, whole.concernBest) };
}
