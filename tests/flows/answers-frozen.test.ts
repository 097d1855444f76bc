/**
 * Typed answers judged on the frozen test split of data/answers/corpus: batches written
 * before the matcher existed, never tuned on, never edited (pinned by sha256 in
 * data/answers/frozen.json). Prints accuracy (read as the option meant) and false accepts
 * (read as another option, which is worse than asking again); fails below accuracy 0.85
 * or above false accepts 0.03.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSWERS_DIR, evaluateAnswers, formatAnswerReport, readBatch, readSplits } from "./answers-corpus.js";

const pinned = JSON.parse(readFileSync(join(ANSWERS_DIR, "frozen.json"), "utf8")) as { sha256: Record<string, string> };

describe("the frozen typed-answer test split", () => {
  it("is the batches pinned before the matcher existed, unchanged and never in train", () => {
    const splits = readSplits();
    expect([...splits.test].sort()).toEqual(Object.keys(pinned.sha256).sort());
    for (const [batch, sha] of Object.entries(pinned.sha256)) {
      const bytes = readFileSync(join(ANSWERS_DIR, "corpus", `${batch}.jsonl`));
      expect(createHash("sha256").update(bytes).digest("hex"), `${batch}.jsonl was edited`).toBe(sha);
      expect(splits.train).not.toContain(batch);
    }
  });

  it("reads typed answers right (accuracy ≥ 0.85) and rarely as another option (false accepts ≤ 0.03)", () => {
    const items = readSplits().test.flatMap(readBatch);
    expect(items.length).toBeGreaterThan(200);
    const report = evaluateAnswers(items);
    console.log(formatAnswerReport(report, "frozen test split"));
    for (const batch of readSplits().test) console.log(formatAnswerReport(evaluateAnswers(items.filter((i) => i.batch === batch)), `  ${batch}`));
    expect(report.correct / report.answerable).toBeGreaterThanOrEqual(0.85);
    expect(report.falseAccepts / report.items).toBeLessThanOrEqual(0.03);
  });
});
