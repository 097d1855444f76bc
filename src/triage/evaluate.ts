/**
 * Figures of the crisis detector on a labelled set: recall on crises (graded emergency or
 * high), false alarms on calm messages (benign and hard negatives graded emergency or high),
 * concern caught (graded at least moderate), overall, per script and per situation. Used by
 * the trainer on the dev split and by the frozen-test test. Pure.
 */
import type { CorpusItem } from "./corpus.js";
import type { RiskAssessment } from "./types.js";

export interface Tally {
  n: number;
  crisis: number;
  caught: number;
  calm: number;
  falseAlarms: number;
  concern: number;
  concernCaught: number;
  /** Crises graded only moderate with `uncertain` (the bot would ask "are you safe?"). */
  crisisUnsure: number;
  /** Calm messages graded moderate (a topic offered, or "are you safe?" asked, to someone who is fine). */
  calmBothered: number;
}

const empty = (): Tally => ({ n: 0, crisis: 0, caught: 0, calm: 0, falseAlarms: 0, concern: 0, concernCaught: 0, crisisUnsure: 0, calmBothered: 0 });

export interface Miss {
  readonly item: CorpusItem;
  readonly got: RiskAssessment;
}

export interface Report {
  readonly all: Tally;
  readonly byScript: Map<string, Tally>;
  readonly bySituation: Map<string, Tally>;
  readonly byBatch: Map<string, Tally>;
  readonly misses: Miss[];
  readonly falseAlarms: Miss[];
}

export const recall = (t: Tally): number => (t.crisis === 0 ? NaN : t.caught / t.crisis);
export const falseAlarmRate = (t: Tally): number => (t.calm === 0 ? NaN : t.falseAlarms / t.calm);
export const botheredRate = (t: Tally): number => (t.calm === 0 ? NaN : t.calmBothered / t.calm);

export function evaluate(items: readonly CorpusItem[], assess: (text: string) => RiskAssessment): Report {
  const all = empty();
  const byScript = new Map<string, Tally>();
  const bySituation = new Map<string, Tally>();
  const byBatch = new Map<string, Tally>();
  const misses: Miss[] = [];
  const falseAlarms: Miss[] = [];
  for (const item of items) {
    const got = assess(item.text);
    const alarm = got.level === "emergency" || got.level === "high";
    const tallies = [all, get(byScript, item.script), get(bySituation, item.situation), get(byBatch, item.batch)];
    for (const t of tallies) {
      t.n++;
      if (item.kind === "crisis") {
        t.crisis++;
        if (alarm) t.caught++;
        else if (got.uncertain) t.crisisUnsure++;
      } else if (item.kind === "concern") {
        t.concern++;
        if (got.level !== "none") t.concernCaught++;
      } else {
        t.calm++;
        if (alarm) t.falseAlarms++;
        else if (got.level !== "none") t.calmBothered++;
      }
    }
    if (item.kind === "crisis" && !alarm) misses.push({ item, got });
    if ((item.kind === "benign" || item.kind === "hard_negative") && alarm) falseAlarms.push({ item, got });
  }
  return { all, byScript, bySituation, byBatch, misses, falseAlarms };
}

function get(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (t === undefined) map.set(key, (t = empty()));
  return t;
}

const pct = (a: number, b: number): string => (b === 0 ? "    -" : (a / b).toFixed(3));

/** The report as a Markdown table (overall, per script, per situation). */
export function formatReport(r: Report, title: string): string {
  const row = (name: string, t: Tally): string =>
    `| ${name} | ${t.n} | ${t.caught}/${t.crisis} | ${pct(t.caught, t.crisis)} | ${pct(t.crisisUnsure, t.crisis)} | ${t.falseAlarms}/${t.calm} | ${pct(t.falseAlarms, t.calm)} | ${pct(t.calmBothered, t.calm)} | ${pct(t.concernCaught, t.concern)} |`;
  const head =
    "| | n | crises caught | recall | missed but unsure | false alarms | rate | calm graded moderate | concern caught |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  return [
    `### ${title}`,
    head,
    row("**all**", r.all),
    ...[...r.byScript].sort().map(([k, t]) => row(k, t)),
    "",
    head,
    ...[...r.bySituation].sort().map(([k, t]) => row(k, t)),
  ].join("\n");
}
