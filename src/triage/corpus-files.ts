/**
 * Reads the crisis corpus and its split from data/triage/: every batch file must be valid
 * and named in exactly one split. Used by the trainer, the corpus check and the tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCorpus, type CorpusItem } from "./corpus.js";

export const TRIAGE_DATA_DIR = fileURLToPath(new URL("../../data/triage/", import.meta.url));
export const CORPUS_DIR = join(TRIAGE_DATA_DIR, "corpus");

export type SplitName = "train" | "dev" | "test";
export interface Splits {
  readonly train: readonly string[];
  readonly dev: readonly string[];
  readonly test: readonly string[];
}

export function readSplits(): Splits {
  const raw = JSON.parse(readFileSync(join(TRIAGE_DATA_DIR, "splits.json"), "utf8")) as Partial<Splits>;
  const splits = { train: raw.train ?? [], dev: raw.dev ?? [], test: raw.test ?? [] };
  const seen = new Set<string>();
  for (const b of [...splits.train, ...splits.dev, ...splits.test]) {
    if (seen.has(b)) throw new Error(`splits.json: batch ${b} is in two splits`);
    seen.add(b);
  }
  return splits;
}

/** The batch files present, by batch id. */
export function batchFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(CORPUS_DIR).sort()) if (/^b\d{2}\.jsonl$/.test(f)) out.set(f.slice(0, 3), join(CORPUS_DIR, f));
  return out;
}

/** Items of one split; throws on a bad line, on a file not in any split, or on an item whose batch is not its file's. */
export function readSplit(name: SplitName): CorpusItem[] {
  const splits = readSplits();
  const files = batchFiles();
  const all = new Set([...splits.train, ...splits.dev, ...splits.test]);
  for (const b of files.keys()) if (!all.has(b)) throw new Error(`corpus: ${b}.jsonl is in no split (data/triage/splits.json)`);
  const items: CorpusItem[] = [];
  for (const b of splits[name]) {
    const path = files.get(b);
    if (path === undefined) continue;
    const { items: got, errors } = parseCorpus(readFileSync(path, "utf8"), `${b}.jsonl`);
    if (errors.length > 0) throw new Error(`corpus: ${errors.length} bad lines, first: ${errors[0]}`);
    for (const it of got) if (it.batch !== b) throw new Error(`corpus: ${b}.jsonl holds an item of batch ${it.batch}`);
    items.push(...got);
  }
  return items;
}
