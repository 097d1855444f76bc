/**
 * Types shared by the triage modules (kept apart so the lexicon can import them without a
 * cycle through index.ts).
 */
import type { Risk } from "../domain.js";

/** How urgent a message is: the one risk scale of domain.ts (emergency > high > moderate > none). */
export type RiskLevel = Risk;

/** What kind of risk a message shows; several may apply at once. */
export type RiskCategory =
  | "suicide_self_harm"
  | "overdose"
  | "violence_now"
  | "sexual_abuse"
  | "physical_abuse"
  | "domestic_violence"
  | "threats_sextortion"
  | "runaway_unsafe"
  | "bullying"
  | "distress"
  | "family_conflict";

/** Language of the message as detected from its words; "mixed" when two languages share it. */
export type DetectedLanguage = "kk" | "ru" | "en" | "mixed" | "unknown";

/** The grade of one message: its level, the categories that produced it, and its language. */
export interface RiskAssessment {
  level: RiskLevel;
  categories: RiskCategory[];
  language: DetectedLanguage;
  /**
   * The model is unsure whether this is a crisis (a grey band below its "high" threshold):
   * the level is at least moderate, and the bot should ask "are you safe right now?".
   */
  uncertain: boolean;
}
