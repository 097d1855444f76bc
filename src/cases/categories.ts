/**
 * What a case was about, as child helplines report it: a category in two levels, chosen by the
 * operator when resolving (required: a case cannot be resolved without one) and counted in the
 * daily figures. Pure data; the labels are in locales/ (`case-cat-<top>` and
 * `case-cat-<top>-<sub>`, in the staff language).
 *
 * The levels follow Child Helpline International's data framework, the categories its members
 * report each year (violence, mental health, family and peer relationships, education, physical
 * health, discrimination and legal matters, non-counselling contacts; "Voices of Children &
 * Young People Around the World: Global Child Helpline Data from 2023",
 * https://issuu.com/chi-childhelplineinternational/docs/vcyp_2023_global_data_issuu_), and the
 * issue categorisation Aselo ships for child helplines from it (techmatters/flex-plugins,
 * plugin-hrm-form, IssueCategorizationTab). Sexual abuse and bullying, which the framework
 * files under violence, are top-level here: the design asks for them apart, and the
 * subcategories map back one to one (sexual_abuse.* → violence/sexual violence, online sexual
 * abuse and exploitation; bullying.* → violence/bullying).
 *
 * The codes are stored data (on cases, in the figures): add, never rename.
 */
export const CATEGORIES = {
  violence: ["physical", "emotional", "neglect", "domestic", "exploitation", "other"],
  sexual_abuse: ["contact", "online", "exploitation", "other"],
  bullying: ["school", "online", "other"],
  mental_health: ["anxiety", "mood", "self_harm", "suicidal", "substances", "eating", "other"],
  family: ["parents", "separation", "care", "siblings", "other"],
  peers: ["friends", "partner", "other"],
  school: ["studies", "teachers", "other"],
  health: ["physical", "sexual", "pregnancy", "other"],
  rights: ["discrimination", "legal", "needs", "other"],
  information: ["service", "other_services", "parents", "other"],
  no_issue: ["abusive", "prank", "silent", "thanks"],
} as const satisfies Record<string, readonly string[]>;

export type CategoryTop = keyof typeof CATEGORIES;
export const CATEGORY_TOPS = Object.keys(CATEGORIES) as CategoryTop[];

/** A two-level category as stored: "violence.physical". */
export type CategoryCode = { [T in CategoryTop]: `${T}.${(typeof CATEGORIES)[T][number]}` }[CategoryTop];

/** The category a supervisor's block resolves with (CHI counts an abusive contact as non-counselling). */
export const BLOCKED_CATEGORY: CategoryCode = "no_issue.abusive";

export function isCategoryTop(value: string | undefined): value is CategoryTop {
  return value !== undefined && Object.hasOwn(CATEGORIES, value);
}

/** The code of `top` and `sub`, or undefined when `sub` is not one of `top`'s. */
export function categoryCode(top: CategoryTop, sub: string | undefined): CategoryCode | undefined {
  return sub !== undefined && (CATEGORIES[top] as readonly string[]).includes(sub) ? (`${top}.${sub}` as CategoryCode) : undefined;
}

/** A stored code read back: its two levels, or undefined for one the service does not have. */
export function parseCategory(code: string | undefined): { top: CategoryTop; sub: string; code: CategoryCode } | undefined {
  const [top, sub, ...rest] = (code ?? "").split(".");
  if (rest.length > 0 || !isCategoryTop(top)) return undefined;
  const valid = categoryCode(top, sub);
  return valid ? { top, sub: sub!, code: valid } : undefined;
}
