/**
 * Crisis triage: grades every free-text message (the product design, "Safety and privacy") as
 * emergency / high / moderate / none, in Kazakh (Cyrillic, Russian letters, Latin), Russian
 * (Cyrillic or Latin) and English, by meaning rather than by a lone word. Pure and
 * synchronous: no grammY, no logging; the lexicon is compiled at module load and the model
 * file (data/triage/model.bin) is read once, on first use.
 */
import { RISK_RANK, type Topic } from "../domain.js";
import { grade } from "./engine.js";
import { shippedModel } from "./model/load.js";
import { scoreWords, type CrisisModel } from "./model/model.js";
import { detectLanguage } from "./language.js";
import { clip, scanEmoji, tokenize } from "./normalize.js";
import type { RiskAssessment, RiskCategory, RiskLevel } from "./types.js";

export type { DetectedLanguage, RiskAssessment, RiskCategory, RiskLevel } from "./types.js";


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

/** A crisis model, or none (rules only). */
export type { CrisisModel } from "./model/model.js";

/**
 * Grades one message with the rules and a crisis model. The rules are the floor; the model
 * can only raise a grade: P(crisis) ≥ its `high` threshold gives high, a grey band above
 * `unsure` gives moderate with `uncertain` (the bot then asks "are you safe right now?").
 * A crisis rule under a fiction/news/essay frame ("in the film the hero jumps off a bridge")
 * is lowered to moderate unless the model agrees it is a crisis.
 */
export function assessWith(model: CrisisModel | undefined, text: string): RiskAssessment {
  if (typeof text !== "string" || text.length === 0) return { level: "none", categories: [], language: "unknown", uncertain: false };
  const clipped = clip(text);
  const words = tokenize(clipped);
  const emoji = scanEmoji(clipped);
  const { hits, frame, cry, negatedCrisis, modelTokens } = grade(words, emoji.laugh > 0);
  const best = new Map<RiskCategory, RiskLevel>();
  const raise = (cat: RiskCategory, lv: RiskLevel): void => {
    const prev = best.get(cat);
    if (prev === undefined || RISK_RANK[lv] > RISK_RANK[prev]) best.set(cat, lv);
  };
  for (const h of hits) raise(h.category, h.level);
  if (emoji.risk > 0) {
    const top = maxLevel(best);
    if (top === "none") raise("distress", "moderate");
    else if (top === "moderate") for (const [c, lv] of best) if (lv === "moderate") best.set(c, "high");
  }
  // One or two words ("не знаю", "she chess") are too little for a statistical judgement: the rules alone grade them.
  // The model can only raise a grade below high, or confirm a crisis under a frame: otherwise it is not asked.
  const needed = frame || RISK_RANK[maxLevel(best)] < RISK_RANK.high;
  const score = model !== undefined && needed && modelTokens.length >= MIN_MODEL_TOKENS ? scoreWords(model, modelTokens) : undefined;
  // Under a fiction, news, essay, prevention or joke frame a crisis rule needs the model's agreement.
  if (frame && !(score !== undefined && model !== undefined && score.crisis >= model.header.thresholds.high)) {
    for (const [c, lv] of best) if (RISK_RANK[lv] > RISK_RANK.moderate) best.set(c, "moderate");
  }
  // A bare cry for help says nothing of what is wrong: high, and the bot asks whether they are safe.
  let uncertain = cry && RISK_RANK[maxLevel(best)] < RISK_RANK.high;
  if (uncertain) raise("distress", "high");
  // Only crying emoji, no words: a silent cry.
  if (words.length === 0 && emoji.cry > 0 && maxLevel(best) === "none") {
    raise("distress", "moderate");
    uncertain = true;
  }
  if (model !== undefined && score !== undefined) {
    const { high, unsure, concern } = model.header.thresholds;
    const top = maxLevel(best);
    const crisisCat = asCategory(score.crisisCategory);
    // A negated crisis ("I don't want to die") is evidence against one: the model may then only ask.
    if (score.crisis >= high && !negatedCrisis) {
      if (RISK_RANK[top] < RISK_RANK.high && crisisCat !== undefined) raise(crisisCat, "high");
    } else if (score.crisis >= unsure) {
      if (RISK_RANK[top] < RISK_RANK.high) {
        uncertain = true;
        // The rules' own category, when they found one, stays the one offered.
        if (crisisCat !== undefined && top === "none") raise(crisisCat, "moderate");
      }
    } else if (top === "none" && score.concern + score.crisis >= concern) {
      const cat = asCategory(score.concern >= score.crisis ? score.concernCategory : score.crisisCategory);
      if (cat !== undefined) raise(cat, "moderate");
    }
  }
  const level = maxLevel(best);
  const categories = [...best.keys()].sort(
    (a, b) =>
      RISK_RANK[best.get(b) as RiskLevel] - RISK_RANK[best.get(a) as RiskLevel] ||
      RISK_CATEGORIES.indexOf(a) - RISK_CATEGORIES.indexOf(b),
  );
  return { level, categories, language: detectLanguage(words), uncertain };
}

/** Fewest words (idioms taken out) the model judges. */
const MIN_MODEL_TOKENS = 3;

function maxLevel(best: ReadonlyMap<RiskCategory, RiskLevel>): RiskLevel {
  let level: RiskLevel = "none";
  for (const lv of best.values()) if (RISK_RANK[lv] > RISK_RANK[level]) level = lv;
  return level;
}

function asCategory(name: string | undefined): RiskCategory | undefined {
  return name !== undefined && (RISK_CATEGORIES as readonly string[]).includes(name) ? (name as RiskCategory) : undefined;
}

/** The model's input for a message: its skeleton tokens, idioms and context guards taken out. Training uses the same. */
export function modelInput(text: string): readonly string[] {
  return grade(tokenize(clip(text))).modelTokens;
}

/**
 * Grades one message with the rules and the shipped model. Never throws on any text; empty
 * or emoji-only text is "none" (a risk emoji such as 🔪 or 💊 alone gives at most
 * "moderate", and an emoji never makes an emergency).
 */
export function assessRisk(text: string): RiskAssessment {
  return assessWith(shippedModel(), text);
}
