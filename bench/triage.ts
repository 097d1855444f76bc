/**
 * Times assessRisk over the labelled evaluation set repeated to about 50 000 messages and
 * prints the mean and p99 in microseconds per message. Also times a cold first pass (empty
 * word caches), messages made unique with random words (so caches help less), and one
 * 100 000-character message.
 *
 *   npm run bench:triage
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assessRisk } from "../src/triage/index.js";

const setPath = fileURLToPath(new URL("../tests/triage/eval-set.jsonl", import.meta.url));
const texts = readFileSync(setPath, "utf8")
  .split("\n")
  .filter((l) => l.trim().length > 0)
  .map((l) => (JSON.parse(l) as { text: string }).text);

function time(messages: readonly string[]): { mean: number; p99: number; max: number } {
  const us: number[] = new Array<number>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const t0 = process.hrtime.bigint();
    assessRisk(messages[i] as string);
    us[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const sorted = [...us].sort((a, b) => a - b);
  const mean = us.reduce((a, b) => a + b, 0) / us.length;
  return { mean, p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

function fmt(label: string, n: number, r: { mean: number; p99: number; max: number }): string {
  return `${label.padEnd(34)} n=${String(n).padStart(6)}  mean ${r.mean.toFixed(1).padStart(6)} µs  p99 ${r.p99.toFixed(1).padStart(6)} µs  max ${r.max.toFixed(0).padStart(6)} µs`;
}

const cold = time(texts);
console.log(fmt("cold first pass (eval set)", texts.length, cold));

const target = 50_000;
const mixed: string[] = [];
while (mixed.length < target) mixed.push(...texts);
mixed.length = target;
time(mixed.slice(0, 5000)); // warm-up for the JIT
console.log(fmt("eval set repeated", mixed.length, time(mixed)));

const alphabet = "абвгдеәіңғүұқөһжзиклмнопрстуфхцчшыэюяabcdefghijklmnopqrstuvwxyz";
let seed = 42;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const randomWord = (): string =>
  Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
const unique = Array.from({ length: 20_000 }, (_, i) => `${texts[i % texts.length]} ${randomWord()} ${randomWord()}`);
console.log(fmt("eval set + 2 random words each", unique.length, time(unique)));

const huge = `${"мен бүгін мектепке бардым and then we played football ".repeat(1800)}хочу умереть`.slice(0, 100_000);
const t0 = process.hrtime.bigint();
const r = assessRisk(huge);
console.log(`100k-char message: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms → ${r.level}`);
