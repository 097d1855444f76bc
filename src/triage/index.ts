/**
 * Crisis triage: grades every free-text message (DESIGN.md, "Safety and privacy") as
 * emergency / high / moderate / none, in Kazakh (Cyrillic, Russian letters, Latin), Russian
 * (Cyrillic or Latin) and English, by meaning rather than by a lone word. Pure and
 * synchronous: no grammY, no I/O, no logging; everything is compiled at module load.
 */
import type { Topic } from "../domain.js";
import { grade } from "./engine.js";
import { detectLanguage } from "./language.js";
import { clip, scanEmoji, tokenize } from "./normalize.js";
import type { RiskAssessment, RiskCategory, RiskLevel } from "./types.js";

export type { DetectedLanguage, RiskAssessment, RiskCategory, RiskLevel } from "./types.js";

/** Numeric rank of each level, so callers can compare and sort (queue order, thresholds). */
export const RISK_ORDER: Readonly<Record<RiskLevel, number>> = { none: 0, moderate: 1, high: 2, emergency: 3 };


/** Categories from the most to the least severe; `assessRisk` lists categories in this order within a level. */
export const RISK_CATEGORIES: readonly RiskCategory[] = [
  "suicide_self_harm",
  "overdose",
  "violence_now",
  "sexual_abuse",
  "physical_abuse",
  "domestic_violence",
  "threats_sextortion",
  "runaway_unsafe",
  "bullying",
  "distress",
  "family_conflict",
];

/** True when `level` is at least as urgent as `min` (e.g. `atLeast(r.level, "high")` opens a case). */
export function atLeast(level: RiskLevel, min: RiskLevel): boolean {
  return RISK_ORDER[level] >= RISK_ORDER[min];
}

const CATEGORY_TOPIC: Readonly<Record<RiskCategory, Topic>> = {
  violence_now: "danger",
  overdose: "danger",
  runaway_unsafe: "danger",
  suicide_self_harm: "feeling_bad",
  sexual_abuse: "violence",
  physical_abuse: "violence",
  domestic_violence: "violence",
  threats_sextortion: "bullying",
  bullying: "bullying",
  distress: "feeling_bad",
  family_conflict: "family",
};

/**
 * The menu topic to offer for a graded message: the topic of its most severe category
 * (categories in `RISK_CATEGORIES` order). Pass the level too and an emergency always maps
 * to "danger" (112 first). Undefined when there is no category.
 */
export function topicForCategories(categories: readonly RiskCategory[], level?: RiskLevel): Topic | undefined {
  if (categories.length === 0) return undefined;
  if (level === "emergency") return "danger";
  let best: RiskCategory | undefined;
  for (const c of categories) {
    if (best === undefined || RISK_CATEGORIES.indexOf(c) < RISK_CATEGORIES.indexOf(best)) best = c;
  }
  return best === undefined ? undefined : CATEGORY_TOPIC[best];
}

/**
 * Grades one message. Never throws; empty or emoji-only text is "none" (a risk emoji such as
 * 🔪 or 💊 alone gives at most "moderate", and an emoji never makes an emergency).
 */
export function assessRisk(text: string): RiskAssessment {
  if (typeof text !== "string" || text.length === 0) return { level: "none", categories: [], language: "unknown" };
  const clipped = clip(text);
  const words = tokenize(clipped);
  const hits = grade(words);
  const best = new Map<RiskCategory, RiskLevel>();
  let level: RiskLevel = "none";
  for (const h of hits) {
    const prev = best.get(h.category);
    if (prev === undefined || RISK_ORDER[h.level] > RISK_ORDER[prev]) best.set(h.category, h.level);
    if (RISK_ORDER[h.level] > RISK_ORDER[level]) level = h.level;
  }
  const emoji = scanEmoji(clipped);
  if (emoji.risk > 0) {
    if (level === "none") {
      level = "moderate";
      best.set("distress", "moderate");
    } else if (level === "moderate") {
      level = "high";
    }
  }
  const categories = [...best.keys()].sort(
    (a, b) =>
      RISK_ORDER[best.get(b) as RiskLevel] - RISK_ORDER[best.get(a) as RiskLevel] ||
      RISK_CATEGORIES.indexOf(a) - RISK_CATEGORIES.indexOf(b),
  );
  return { level, categories, language: detectLanguage(words) };
}
