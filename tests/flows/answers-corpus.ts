/**
 * The typed-answer corpus (data/answers/corpus, split in data/answers/splits.json) and the
 * matcher's figures on it: how many answers it read right, how many it read as another
 * option (false accepts: worse than asking again) and how many it asked again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGS, type Role } from "../../src/domain.js";
import { createI18n } from "../../src/i18n.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import { type AnswerChoice, matchTypedAnswer, optionChoices } from "../../src/flows/answers.js";
import { loadReferrals } from "../../src/directory/referrals.js";

export const ANSWERS_DIR = join(import.meta.dirname, "../../data/answers");

export interface TypedItem {
  /** "topic.question" of a flow question, or "region" for the region picker. */
  q: string;
  role?: Role;
  text: string;
  /** The option (or region code) a person would read it as; null: a person would ask again. */
  expect: string | null;
  batch: string;
}

export function readBatch(batch: string): TypedItem[] {
  return readFileSync(join(ANSWERS_DIR, "corpus", `${batch}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({ ...(JSON.parse(line) as Omit<TypedItem, "batch">), batch }));
}

export function readSplits(): { train: string[]; test: string[] } {
  return JSON.parse(readFileSync(join(ANSWERS_DIR, "splits.json"), "utf8")) as { train: string[]; test: string[] };
}

const texts = createI18n();
const { referrals } = loadReferrals((lang, key, vars) => texts.t(lang, key, vars));

/** The choices the bot offers for an item's question: the same labels in every language, for the item's role. */
export function choicesFor(item: Pick<TypedItem, "q" | "role">): AnswerChoice[] {
  if (item.q === "region") return [...referrals.regionPhrases()];
  const [topic, id] = item.q.split(".") as [keyof typeof FLOWS, string];
  const question = FLOWS[topic]?.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${item.q}`);
  const role = item.role ?? "parent";
  return optionChoices(question.options, (key) => LANGS.map((lang) => texts.t(lang, key, { role })));
}

export interface AnswerReport {
  items: number;
  /** Items a person would read as one option. */
  answerable: number;
  correct: number;
  /** An option chosen that is not the one meant (or any option where a person would ask again). */
  falseAccepts: number;
  /** Answerable items the matcher asked again about. */
  askedAgain: number;
  mistakes: Array<{ item: TypedItem; got: string | undefined }>;
}

export function evaluateAnswers(items: readonly TypedItem[]): AnswerReport {
  const report: AnswerReport = { items: items.length, answerable: 0, correct: 0, falseAccepts: 0, askedAgain: 0, mistakes: [] };
  for (const item of items) {
    const got = matchTypedAnswer(item.text, choicesFor(item));
    if (item.expect !== null) report.answerable++;
    if (got === (item.expect ?? undefined)) {
      if (got !== undefined) report.correct++;
      continue;
    }
    if (got === undefined) report.askedAgain++;
    else report.falseAccepts++;
    report.mistakes.push({ item, got });
  }
  return report;
}

export function formatAnswerReport(r: AnswerReport, title: string): string {
  return [
    `${title}: ${r.items} typed messages, ${r.answerable} answerable`,
    `  accuracy ${(r.correct / r.answerable).toFixed(3)} (${r.correct}/${r.answerable} read as the option meant)`,
    `  false accepts ${(r.falseAccepts / r.items).toFixed(3)} (${r.falseAccepts}/${r.items} read as another option)`,
    `  asked again ${r.askedAgain}`,
  ].join("\n");
}
