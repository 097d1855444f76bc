/**
 * Training of the crisis model: multinomial logistic regression on hashed sparse features,
 * AdaGrad with L2, a seeded shuffle (the same corpus and seed give the same bytes), then
 * int8 quantisation per class. Pure: the CLI (src/cli/train-triage.ts) does the I/O.
 */
import { DIM, type Features } from "./features.js";

export interface Example {
  readonly f: Features;
  readonly y: number;
  /** How much this example counts (e.g. crisis examples more than calm ones). */
  readonly weight: number;
}

export interface TrainOptions {
  readonly classes: number;
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
}

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FloatModel {
  readonly w: Float32Array;
  readonly bias: Float64Array;
}

export function train(examples: readonly Example[], o: TrainOptions): FloatModel {
  const k = o.classes;
  const w = new Float32Array(DIM * k);
  const g2 = new Float32Array(DIM * k);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k);
  const order = examples.map((_, i) => i);
  const rnd = seeded(o.seed);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const n of order) {
      const ex = examples[n] as Example;
      const { idx, value } = ex.f;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = bias[c] as number;
        for (let i = 0; i < idx.length; i++) s += (w[(idx[i] as number) * k + c] as number) * value;
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp((z[c] as number) - max);
        sum += z[c] as number;
      }
      for (let c = 0; c < k; c++) {
        const grad = ((z[c] as number) / sum - (c === ex.y ? 1 : 0)) * ex.weight;
        b2[c] = (b2[c] as number) + grad * grad;
        bias[c] = (bias[c] as number) - (o.rate * grad) / Math.sqrt((b2[c] as number) + 1e-8);
        for (let i = 0; i < idx.length; i++) {
          const at = (idx[i] as number) * k + c;
          const gw = grad * value + o.l2 * (w[at] as number);
          g2[at] = (g2[at] as number) + gw * gw;
          w[at] = (w[at] as number) - (o.rate * gw) / Math.sqrt((g2[at] as number) + 1e-8);
        }
      }
    }
  }
  return { w, bias };
}

/** int8 weights with one scale per class (weight ≈ q × scale). */
export function quantize(m: FloatModel, k: number): { weights: Int8Array; scales: number[] } {
  const max = new Array<number>(k).fill(0);
  for (let i = 0; i < m.w.length; i++) {
    const c = i % k;
    const a = Math.abs(m.w[i] as number);
    if (a > (max[c] as number)) max[c] = a;
  }
  const scales = max.map((v) => (v === 0 ? 1 : v / 127));
  const weights = new Int8Array(m.w.length);
  for (let i = 0; i < m.w.length; i++) weights[i] = Math.round((m.w[i] as number) / (scales[i % k] as number));
  return { weights, scales };
}
