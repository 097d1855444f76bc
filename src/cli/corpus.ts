/**
 * Checks crisis-corpus files and prints their counts by script and kind.
 *
 *   npm run -s corpus -- check [FILE...]     (default: every file in data/triage/corpus)
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseCorpus, type CorpusItem } from "../triage/corpus.js";
import { batchFiles } from "../triage/corpus-files.js";

const [cmd, ...files] = process.argv.slice(2);
if (cmd !== "check") {
  console.error("usage: corpus check [FILE...]");
  process.exit(2);
}
const paths = files.length > 0 ? files : [...batchFiles().values()];
let bad = 0;
const all: CorpusItem[] = [];
for (const p of paths) {
  const { items, errors } = parseCorpus(readFileSync(p, "utf8"), basename(p));
  for (const e of errors.slice(0, 30)) console.error(e);
  bad += errors.length;
  all.push(...items);
}
const table = new Map<string, Map<string, number>>();
for (const it of all) {
  const row = table.get(it.script) ?? new Map<string, number>();
  row.set(it.kind, (row.get(it.kind) ?? 0) + 1);
  table.set(it.script, row);
}
const kinds = ["crisis", "concern", "benign", "hard_negative"];
console.log(`script      ${kinds.map((k) => k.padStart(14)).join("")}`);
for (const [s, row] of [...table].sort()) console.log(`${s.padEnd(12)}${kinds.map((k) => String(row.get(k) ?? 0).padStart(14)).join("")}`);
console.log(`${all.length} valid items, ${bad} bad lines`);
process.exit(bad > 0 ? 1 : 0);
