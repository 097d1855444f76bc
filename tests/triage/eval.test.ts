/**
 * Runs the labelled evaluation set (tests/triage/eval-set.jsonl) through assessRisk and
 * prints recall on crisis items (caught = graded emergency or high), the false-alarm rate on
 * benign and idiom items (graded emergency or high), per-language figures and every miss.
 * Fails when recall < 0.97 or false alarms > 0.05.
 *
 * The held-out set (holdout-set.jsonl) was written before the detector with different
 * phrasing; it is reported too, with looser bounds, as a check against over-fitting.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assessRisk, type RiskLevel } from "../../src/triage/index.js";
import { RISK_RANK } from "../../src/domain.js";

interface Item {
  text: string;
  level: RiskLevel;
  lang: string;
  kind: "crisis" | "concern" | "benign" | "idiom";
}

function load(name: string): Item[] {
  const path = fileURLToPath(new URL(name, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Item);
}

interface Tally {
  crisis: number;
  caught: number;
  calm: number;
  falseAlarms: number;
  concern: number;
  concernRight: number;
  exact: number;
  total: number;
}

const empty = (): Tally => ({ crisis: 0, caught: 0, calm: 0, falseAlarms: 0, concern: 0, concernRight: 0, exact: 0, total: 0 });
const pct = (a: number, b: number): string => (b === 0 ? "  -  " : `${((100 * a) / b).toFixed(1)}%`);

function evaluate(items: readonly Item[], title: string): { all: Tally; lines: string[] } {
  const all = empty();
  const byLang = new Map<string, Tally>();
  const misses: string[] = [];
  for (const item of items) {
    const got = assessRisk(item.text).level;
    const alarm = RISK_RANK[got] >= RISK_RANK.high;
    let lang = byLang.get(item.lang);
    if (lang === undefined) byLang.set(item.lang, (lang = empty()));
    for (const t of [all, lang]) {
      t.total++;
      if (got === item.level) t.exact++;
      if (item.kind === "crisis") {
        t.crisis++;
        if (alarm) t.caught++;
      } else if (item.kind === "concern") {
        t.concern++;
        if (got === "moderate") t.concernRight++;
      } else {
        t.calm++;
        if (alarm) t.falseAlarms++;
      }
    }
    if (item.kind === "crisis" && !alarm) misses.push(`  MISSED      [${item.lang}] ${item.level} → ${got}: ${item.text}`);
    if ((item.kind === "benign" || item.kind === "idiom") && alarm)
      misses.push(`  FALSE ALARM [${item.lang}] ${item.kind} → ${got}: ${item.text}`);
    if (item.kind === "concern" && got !== "moderate") misses.push(`  concern     [${item.lang}] moderate → ${got}: ${item.text}`);
  }
  const lines = [
    `${title}: ${items.length} messages`,
    `  recall (emergency+high caught): ${all.caught}/${all.crisis} = ${pct(all.caught, all.crisis)}`,
    `  false alarms (benign+idiom graded high+): ${all.falseAlarms}/${all.calm} = ${pct(all.falseAlarms, all.calm)}`,
    `  concern graded moderate: ${all.concernRight}/${all.concern} = ${pct(all.concernRight, all.concern)}`,
    `  exact level agreement: ${all.exact}/${all.total} = ${pct(all.exact, all.total)}`,
    "  per language          n   recall    false alarms  concern=moderate  exact",
    ...[...byLang.entries()].map(
      ([lang, t]) =>
        `    ${lang.padEnd(10)} ${String(t.total).padStart(5)}   ${pct(t.caught, t.crisis).padStart(6)}    ${pct(t.falseAlarms, t.calm).padStart(6)}        ${pct(t.concernRight, t.concern).padStart(6)}         ${pct(t.exact, t.total).padStart(6)}`,
    ),
    misses.length > 0 ? "  misses:" : "  misses: none",
    ...misses,
  ];
  return { all, lines };
}

describe("triage evaluation set", () => {
  const items = load("./eval-set.jsonl");

  it("is well formed and large enough", () => {
    expect(items.length).toBeGreaterThanOrEqual(350);
    for (const item of items) {
      expect(typeof item.text).toBe("string");
      expect(["emergency", "high", "moderate", "none"]).toContain(item.level);
      expect(["crisis", "concern", "benign", "idiom"]).toContain(item.kind);
      if (item.kind === "crisis") expect(["emergency", "high"]).toContain(item.level);
      if (item.kind === "concern") expect(item.level).toBe("moderate");
      if (item.kind === "benign" || item.kind === "idiom") expect(item.level).toBe("none");
    }
    const kinds = new Map<string, number>();
    for (const item of items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    console.log(`eval set by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  });

  it("catches crises (recall ≥ 0.97) without crying wolf (false alarms ≤ 0.05)", () => {
    const { all, lines } = evaluate(items, "eval set");
    console.log(lines.join("\n"));
    expect(all.caught / all.crisis).toBeGreaterThanOrEqual(0.97);
    expect(all.falseAlarms / all.calm).toBeLessThanOrEqual(0.05);
  });

  it("holds up on the held-out set (reported; looser bounds)", () => {
    const { all, lines } = evaluate(load("./holdout-set.jsonl"), "held-out set");
    console.log(lines.join("\n"));
    expect(all.caught / all.crisis).toBeGreaterThanOrEqual(0.9);
    expect(all.falseAlarms / all.calm).toBeLessThanOrEqual(0.1);
  });
});
