/**
 * The labelled crisis corpus (data/triage/corpus/*.jsonl): one message per line, written by
 * hand in authoring batches. The split into train / dev / frozen test is by batch
 * (data/triage/splits.json), so paraphrases of one idea never straddle splits. Pure: parsing
 * and checking only, no I/O.
 */
import { z } from "zod";

export const SCRIPTS = ["kk_cyr", "kk_rulet", "kk_lat", "ru_cyr", "ru_lat", "en", "mixed"] as const;
export type Script = (typeof SCRIPTS)[number];

/** Fine-grained situations, for per-situation figures; `category` carries the routing category. */
export const SITUATIONS = [
  // crisis
  "suicide_direct", "suicide_indirect", "goodbye_note", "suicide_euphemism", "self_harm", "means_place",
  "overdose", "third_party", "sexual_abuse", "physical_abuse", "violence_now", "domestic_violence",
  "threats", "sextortion", "grooming", "locked_in", "abduction", "runaway_unsafe", "bare_cry",
  // concern
  "distress", "bullying", "family_conflict", "past_harm",
  // calm
  "benign", "fiction_media", "news_essay", "medical_question", "parent_prevention", "professional_law",
  "idiom", "other_hard_negative",
] as const;

export const KINDS = ["crisis", "concern", "benign", "hard_negative"] as const;
export const CATEGORIES = [
  "suicide_self_harm", "overdose", "violence_now", "sexual_abuse", "physical_abuse", "domestic_violence",
  "threats_sextortion", "runaway_unsafe", "bullying", "distress", "family_conflict",
] as const;

export const CorpusItem = z
  .object({
    text: z.string().min(1).max(4096),
    level: z.enum(["emergency", "high", "moderate", "none"]),
    kind: z.enum(KINDS),
    situation: z.enum(SITUATIONS),
    category: z.enum(CATEGORIES).nullable(),
    script: z.enum(SCRIPTS),
    role: z.enum(["child", "parent", "professional", "other"]),
    batch: z.string().regex(/^b\d{2}$/),
  })
  .strict()
  .superRefine((item, ctx) => {
    const crisis = item.level === "emergency" || item.level === "high";
    if (item.kind === "crisis" && !crisis) ctx.addIssue({ code: "custom", message: "crisis needs level emergency or high" });
    if (item.kind === "concern" && item.level !== "moderate") ctx.addIssue({ code: "custom", message: "concern needs level moderate" });
    if ((item.kind === "benign" || item.kind === "hard_negative") && item.level !== "none")
      ctx.addIssue({ code: "custom", message: `${item.kind} needs level none` });
    if (item.level === "none" && item.category !== null) ctx.addIssue({ code: "custom", message: "level none needs category null" });
    if (item.level !== "none" && item.category === null) ctx.addIssue({ code: "custom", message: "a graded item needs a category" });
  });
export type CorpusItem = z.infer<typeof CorpusItem>;

/** Parses one corpus file's text; errors name the line. */
export function parseCorpus(text: string, name: string): { items: CorpusItem[]; errors: string[] } {
  const items: CorpusItem[] = [];
  const errors: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim().length === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      errors.push(`${name}:${i + 1}: not JSON`);
      return;
    }
    const r = CorpusItem.safeParse(raw);
    if (r.success) items.push(r.data);
    else errors.push(`${name}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".") || "item"}: ${x.message}`).join("; ")}`);
  });
  return { items, errors };
}
