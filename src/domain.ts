/**
 * The vocabulary every layer shares: languages, roles, topics and the one risk scale. Kept free of grammY and
 * Redis so triage, the directory, the flows and the console can all use it.
 */

/** Interface languages, Kazakh first (it is the state language and leads every list). */
export const LANGS = ["kk", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** Who is writing: texts for children are shorter and plainer. */
export const ROLES = ["child", "parent", "professional"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whom a text is worded for: the user's role, or before one is chosen a child (informally, in
 * plain words): the safer default, since a child who skipped the question must not be told
 * "you" formally nor be offered a parent's answers.
 */
export function readerRole(role: Role | undefined): Role {
  return role ?? "child";
}

/** The topics of the main menu (the product design, "Topics"), in menu order. */
export const TOPICS = [
  "danger",
  "violence",
  "bullying",
  "feeling_bad",
  "family",
  "care",
  "special_needs",
  "benefits",
  "rights",
] as const;
export type Topic = (typeof TOPICS)[number];

/** Topics where someone may be in danger: their referrals always include a service open now. */
export const DANGER_TOPICS: readonly Topic[] = ["danger", "violence", "bullying", "feeling_bad"];

/**
 * How urgent a message or a case is: the one scale of triage (a message's grade) and of the
 * cases (a case's place in the queue), from the least to the most urgent.
 */
export const RISKS = ["none", "moderate", "high", "emergency"] as const;
export type Risk = (typeof RISKS)[number];
/** The scale's order: a higher rank is more urgent (none 0 … emergency 3). */
export const RISK_RANK: Readonly<Record<Risk, number>> = { none: 0, moderate: 1, high: 2, emergency: 3 };

export function isRisk(value: unknown): value is Risk {
  return typeof value === "string" && (RISKS as readonly string[]).includes(value);
}
/** True when `risk` is at least as urgent as `min` (e.g. `riskAtLeast(r.level, "high")`). */
export function riskAtLeast(risk: Risk, min: Risk): boolean {
  return RISK_RANK[risk] >= RISK_RANK[min];
}
/** The more urgent of two risks. */
export function higherRisk(a: Risk, b: Risk): Risk {
  return RISK_RANK[a] >= RISK_RANK[b] ? a : b;
}

/** Renders one Fluent message of the current language; unknown keys return the key itself. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Renders one Fluent message in any language: what domain code is given instead of an I18n. */
export type Translator = (lang: Lang, key: string, vars?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && (TOPICS as readonly string[]).includes(value);
}

/** Kazakhstan has one time zone, UTC+5, since 1 March 2024. */
export const KZ_UTC_OFFSET_MINUTES = 5 * 60;

/** Kinds of entries in the help directory (data/services). */
export const SERVICE_KINDS = [
  "emergency",
  "helpline",
  "family_support_centre",
  "ombudsman_national",
  "ombudsman_regional",
  "children_rights_body",
  "psychological_support",
  "youth_health_centre",
  "crisis_centre",
  "guardianship",
  "pmpk",
  "benefits",
  "online_safety",
  "school",
  "international",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
