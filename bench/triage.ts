/**
 * Times the crisis detector (rules + model) on a mixed set (the corpus's dev split, every
 * script, short and long messages) repeated to about 50 000 messages, and prints p50, p99
 * and max per message in microseconds. Also: loading the model file, its size, a cold first
 * pass (empty word caches), messages made unique with random words (so caches help less),
 * and one 100 000-character message. Targets: p99 under 1 ms, model under 10 MB, loading
 * under 200 ms.
 *
 *   npm run bench:triage
 */
import { readFileSync, statSync } from "node:fs";
import { readSplit } from "../src/triage/corpus-files.js";
import { MODEL_PATH } from "../src/triage/model/load.js";
import { decodeModel } from "../src/triage/model/model.js";
import { assessRisk } from "../src/triage/index.js";

const l0 = process.hrtime.bigint();
decodeModel(readFileSync(MODEL_PATH));
const loadMs = Number(process.hrtime.bigint() - l0) / 1e6;
console.log(`model: ${(statSync(MODEL_PATH).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(1)} ms`);

const texts = readSplit("dev").map((i) => i.text);

function time(messages: readonly string[]): { mean: number; p50: number; p99: number; max: number } {
  const us: number[] = new Array<number>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const t0 = process.hrtime.bigint();
    assessRisk(messages[i] as string);
    us[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const sorted = [...us].sort((a, b) => a - b);
  const mean = us.reduce((a, b) => a + b, 0) / us.length;
  return {
    mean,
    p50: sorted[Math.floor(sorted.length * 0.5)] ?? 0,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function fmt(label: string, n: number, r: { mean: number; p50: number; p99: number; max: number }): string {
  return `${label.padEnd(34)} n=${String(n).padStart(6)}  mean ${r.mean.toFixed(1).padStart(6)} µs  p50 ${r.p50.toFixed(1).padStart(6)} µs  p99 ${r.p99.toFixed(1).padStart(6)} µs  max ${r.max.toFixed(0).padStart(6)} µs`;
}

const cold = time(texts);
console.log(fmt("cold first pass (dev split)", texts.length, cold));

const target = 50_000;
const mixed: string[] = [];
while (mixed.length < target) mixed.push(...texts);
mixed.length = target;
time(mixed.slice(0, 5000)); // warm-up for the JIT
console.log(fmt("dev split repeated", mixed.length, time(mixed)));

const alphabet = "абвгдеәіңғүұқөһжзиклмнопрстуфхцчшыэюяabcdefghijklmnopqrstuvwxyz";
let seed = 42;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const randomWord = (): string =>
  Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
const unique = Array.from({ length: 20_000 }, (_, i) => `${texts[i % texts.length]} ${randomWord()} ${randomWord()}`);
console.log(fmt("dev split + 2 random words each", unique.length, time(unique)));

const huge = `${"мен бүгін мектепке бардым and then we played football ".repeat(1800)}хочу умереть`.slice(0, 100_000);
const t0 = process.hrtime.bigint();
const r = assessRisk(huge);
console.log(`100k-char message: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms → ${r.level}`);
