/**
 * The crisis detector judged on the frozen test split of the corpus (data/triage/splits.json):
 * batches written before any model error was seen, never trained or tuned on, never edited
 * (their hashes are pinned in data/triage/frozen.json). Prints recall, false alarms and
 * concern caught, overall, per script and per situation; fails below recall 0.97, above
 * false alarms 0.05, or below recall 0.90 in any script.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessRisk } from "../../src/triage/index.js";
import { batchFiles, readSplit, readSplits, TRIAGE_DATA_DIR } from "../../src/triage/corpus-files.js";
import { evaluate, falseAlarmRate, formatReport, recall } from "../../src/triage/evaluate.js";

const pinned = JSON.parse(readFileSync(join(TRIAGE_DATA_DIR, "frozen.json"), "utf8")) as { sha256: Record<string, string> };

describe("the frozen test split", () => {
  it("is the files written before any model error was seen, unchanged", () => {
    const splits = readSplits();
    expect([...splits.test].sort()).toEqual(Object.keys(pinned.sha256).sort());
    const files = batchFiles();
    for (const [batch, sha] of Object.entries(pinned.sha256)) {
      const path = files.get(batch);
      expect(path, `${batch}.jsonl is missing`).toBeDefined();
      expect(createHash("sha256").update(readFileSync(path as string)).digest("hex"), `${batch}.jsonl was edited`).toBe(sha);
    }
    for (const b of splits.test) {
      expect(splits.train).not.toContain(b);
      expect(splits.dev).not.toContain(b);
    }
  });

  it("catches crises (recall ≥ 0.97, every script ≥ 0.90) without crying wolf (false alarms ≤ 0.05)", () => {
    const items = readSplit("test");
    expect(items.length).toBeGreaterThan(1000);
    const report = evaluate(items, assessRisk);
    console.log(formatReport(report, `frozen test split (${items.length} messages)`));
    for (const [batch, t] of report.byBatch) {
      console.log(`  ${batch}: recall ${recall(t).toFixed(3)} (${t.caught}/${t.crisis}), false alarms ${falseAlarmRate(t).toFixed(3)} (${t.falseAlarms}/${t.calm})`);
    }
    for (const m of report.misses) console.log(`  missed [${m.item.script}/${m.item.situation}] → ${m.got.level}${m.got.uncertain ? " (unsure)" : ""}`);
    expect(recall(report.all)).toBeGreaterThanOrEqual(0.97);
    expect(falseAlarmRate(report.all)).toBeLessThanOrEqual(0.05);
    for (const [script, t] of report.byScript) expect(recall(t), script).toBeGreaterThanOrEqual(0.9);
  });
});
