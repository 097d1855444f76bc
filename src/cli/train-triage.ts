/**
 * Trains the crisis model from the train split of data/triage/corpus, picks its thresholds
 * on the dev split (never on the frozen test split, which this script does not read), and
 * writes data/triage/model.bin. Deterministic: the same corpus and seed give the same file.
 *
 *   npm run train:triage                 train, tune on dev, write the model, print dev figures
 *   npm run train:triage -- --dry-run    the same without writing
 *   npm run train:triage -- --misses     also print dev misses and false alarms
 */
import { writeFileSync } from "node:fs";
import { assessWith, modelInput } from "../triage/index.js";
import type { CorpusItem } from "../triage/corpus.js";
import { readSplit } from "../triage/corpus-files.js";
import { botheredRate, evaluate, falseAlarmRate, formatReport, recall, type Report } from "../triage/evaluate.js";
import { DIM, featuresOfWords } from "../triage/model/features.js";
import { MODEL_PATH } from "../triage/model/load.js";
import { encodeModel, PAST_CONCERN, type CrisisModel, type ModelHeader } from "../triage/model/model.js";
import { quantize, seeded, train, type Example } from "../triage/model/train.js";
import { transliterations } from "../triage/model/augment.js";

const argv = process.argv.slice(2);
const args = new Set(argv);
const flag = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const SEED = 20261202;
/** Whether to add mechanical transliterations of the Cyrillic training messages (--no-augment to leave them out). */
const AUGMENT = !args.has("--no-augment");
/** See featuresOfWords: short messages are scaled as if they had this many features. */
const MIN_NORM = flag("min-norm", 256);
const OPTIONS = { epochs: flag("epochs", 8), rate: flag("rate", 0.4), l2: flag("l2", 1e-4), seed: SEED };
/** How much a calm example counts against a crisis one (the corpus holds far more crises than real traffic does). */
const CALM_WEIGHT = flag("calm", 2);
/** Largest false-alarm rate on dev allowed when choosing the threshold (the target is 0.05 on unseen text). */
const MAX_DEV_FALSE_ALARMS = 0.03;
/**
 * Recall on dev the threshold must reach (the target on unseen text is 0.95, on the frozen split 0.97). With 0.98 the
 * first frozen batches (b03, b06) came out at 0.961: unseen text runs below dev, so dev must be held higher.
 */
const TARGET_DEV_RECALL = flag("target-recall", 0.99);
/** Share of calm dev messages the grey band may add to those graded moderate ("are you safe?"), and the model in all may. */
const MAX_DEV_BOTHER_UNSURE = 0.01;
const MAX_DEV_BOTHER = 0.03;

/**
 * A concern is one of the three everyday ones, or "m:past" (harm that is over, the person safe now): its category is
 * then the nearest crisis class's. Fewer classes make every message cheaper to score.
 */
const CONCERN_CLASSES = new Set(["bullying", "distress", "family_conflict"]);

function classOf(item: CorpusItem): string {
  if (item.kind === "crisis") return `c:${item.category}`;
  if (item.kind === "concern") return CONCERN_CLASSES.has(item.category ?? "") ? `m:${item.category}` : PAST_CONCERN;
  return "none";
}

// Bare cries for help ("помогите!!!") are a shape the rules define exactly (only help words); taught to the model they
// would make every "help me with …" a crisis. The model learns the rest.
const trainItems = readSplit("train").filter((it) => it.situation !== "bare_cry");
const devItems = readSplit("dev");
if (trainItems.length === 0) throw new Error("train split is empty");
const classes = ["none", ...[...new Set(trainItems.map(classOf))].filter((c) => c !== "none").sort()];
const index = new Map(classes.map((c, i) => [c, i]));
const weightOf = (it: CorpusItem): number => (it.kind === "benign" || it.kind === "hard_negative" ? CALM_WEIGHT : 1);
const examples: Example[] = trainItems.map((it) => ({
  f: featuresOfWords(modelInput(it.text), MIN_NORM),
  y: index.get(classOf(it)) as number,
  weight: weightOf(it),
}));
// Mechanical transliterations of the Cyrillic messages (Kazakh → Russian letters and Latin, Russian → Latin), kept only
// when their normalised form differs from the original's; counted apart from the authored messages.
const pick = seeded(SEED + 1);
let augmented = 0;
if (AUGMENT) {
  for (const it of trainItems) {
    const own = modelInput(it.text).join(" ");
    for (const copy of transliterations(it.text, it.script, pick)) {
      const words = modelInput(copy.text);
      if (words.join(" ") === own) continue;
      examples.push({ f: featuresOfWords(words, MIN_NORM), y: index.get(classOf(it)) as number, weight: weightOf(it) });
      augmented++;
    }
  }
}

const t0 = Date.now();
const float = train(examples, { classes: classes.length, ...OPTIONS });
const { weights, scales } = quantize(float, classes.length);
const trainMs = Date.now() - t0;

interface Thresholds {
  high: number;
  unsure: number;
  concern: number;
}

function header(th: Thresholds): ModelHeader {
  return {
    format: 1,
    version: `senim-crisis-1`,
    dim: DIM,
    minNorm: MIN_NORM,
    classes,
    scales,
    bias: [...float.bias],
    thresholds: th,
    trained: {
      ...OPTIONS,
      minNorm: MIN_NORM,
      calmWeight: CALM_WEIGHT,
      items: trainItems.length,
      transliterated: augmented,
      batches: [...new Set(trainItems.map((i) => i.batch))].sort(),
      devBatches: [...new Set(devItems.map((i) => i.batch))].sort(),
    },
  };
}

const devAt = (th: Thresholds): Report => {
  const model: CrisisModel = { header: header(th), weights };
  return evaluate(devItems, (text) => assessWith(model, text));
};
const grid = (hi: number, lo: number, step: number): number[] => {
  const out: number[] = [];
  for (let t = hi; t >= lo - 1e-9; t -= step) out.push(Number(t.toFixed(3)));
  return out;
};

// 1. high: the highest threshold whose dev recall reaches TARGET_DEV_RECALL with false alarms ≤ MAX_DEV_FALSE_ALARMS (a
//    higher threshold leaves more room for messages unlike the corpus); failing that, the best recall under the cap.
let best: { high: number; r: number } | undefined;
let fallback: { high: number; r: number } | undefined;
for (const high of grid(0.95, 0.1, 0.025)) {
  const rep = devAt({ high, unsure: high, concern: 2 });
  const r = recall(rep.all);
  if (falseAlarmRate(rep.all) > MAX_DEV_FALSE_ALARMS) continue;
  if (best === undefined && r >= TARGET_DEV_RECALL) best = { high, r };
  if (fallback === undefined || r > fallback.r + 1e-9) fallback = { high, r };
}
best ??= fallback;
if (best === undefined) throw new Error(`no threshold keeps dev false alarms under ${MAX_DEV_FALSE_ALARMS}`);
const high = best.high;
// 2. unsure: the lowest grey band start that adds at most MAX_DEV_BOTHER_UNSURE of calm messages graded moderate (asked
//    "are you safe?") to those the rules already grade so (films, news: a topic offered).
const baseline = botheredRate(devAt({ high, unsure: high, concern: 2 }).all);
let unsure = high;
for (const u of grid(high, 0.05, 0.025)) {
  if (botheredRate(devAt({ high, unsure: u, concern: 2 }).all) > baseline + MAX_DEV_BOTHER_UNSURE) break;
  unsure = u;
}
// 3. concern: the lowest P(concern or crisis) that raises a calm-by-rules message to moderate, keeping calm messages
//    graded moderate ≤ baseline + MAX_DEV_BOTHER in all.
let concern = 2;
for (const c of grid(0.95, 0.3, 0.025)) {
  if (botheredRate(devAt({ high, unsure, concern: c }).all) > baseline + MAX_DEV_BOTHER) break;
  concern = c;
}
const model: CrisisModel = { header: header({ high, unsure, concern }), weights };
const rulesOnly = evaluate(devItems, (text) => assessWith(undefined, text));
const report = evaluate(devItems, (text) => assessWith(model, text));
console.log(
  `train: ${trainItems.length} authored items + ${augmented} transliterated, ${classes.length} classes, ${trainMs} ms; dev: ${devItems.length} items`,
);
console.log(`thresholds: high ${high}, unsure ${unsure}, concern ${concern} (calm graded moderate by rules: ${baseline.toFixed(3)})`);
console.log(`dev rules only: recall ${recall(rulesOnly.all).toFixed(3)}, false alarms ${falseAlarmRate(rulesOnly.all).toFixed(3)}`);
console.log(formatReport(report, "dev split: rules + model"));
if (args.has("--misses")) {
  for (const m of report.misses) console.log(`MISS [${m.item.script}/${m.item.situation}] ${m.item.level}→${m.got.level}${m.got.uncertain ? "?" : ""}: ${m.item.text}`);
  for (const m of report.falseAlarms) console.log(`FALSE [${m.item.script}/${m.item.situation}] →${m.got.level}: ${m.item.text}`);
}
if (!args.has("--dry-run")) {
  const bytes = encodeModel(model.header, weights);
  writeFileSync(MODEL_PATH, bytes);
  console.log(`wrote ${MODEL_PATH} (${(bytes.length / 1e6).toFixed(2)} MB)`);
}
