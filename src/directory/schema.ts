/**
 * The shape of the help directory (data/regions.json, data/services/*.json). Editors write
 * these files by hand or through the CSV round trip, so every rule that keeps a card honest
 * (a phone that dials, text in all three languages, a source and a check date) is enforced
 * here, where both the bot's loader and the editors' CLI see it.
 *
 * No transforms: what is parsed is exactly what was written, so a file can be re-written from
 * the parsed value without changing it.
 */
import { z } from "zod";
import { ROLES, SERVICE_KINDS, TOPICS } from "../domain.js";

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty");

/** A text in Kazakh, Russian and English; none may be empty. */
export const LocalizedTextSchema = z.strictObject({ kk: nonBlank, ru: nonBlank, en: nonBlank });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const REGION_CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
const RegionCodeSchema = z.string().regex(REGION_CODE_PATTERN, "must be a region code such as almaty_city");

/** A short code (112, 1414) or a full Kazakhstani number written without spaces (+7 and 10 digits). */
export const PHONE_PATTERN = /^(?:\d{3,4}|\+7\d{10})$/;
export const PhoneSchema = z
  .string()
  .regex(PHONE_PATTERN, "must be a short code of 3–4 digits or +7 followed by 10 digits, without spaces");

const LatSchema = z.number().min(-90).max(90);
const LonSchema = z.number().min(-180).max(180);
export const CoordinatesSchema = z.strictObject({ lat: LatSchema, lon: LonSchema });

export const RegionSchema = z.strictObject({
  code: RegionCodeSchema,
  /** "city" for the cities of republican significance, "region" for the oblasts. */
  type: z.enum(["city", "region"]),
  name: LocalizedTextSchema,
  /** The administrative centre; its coordinates place users who share a location. */
  centre: z.strictObject({ name: LocalizedTextSchema, lat: LatSchema, lon: LonSchema }),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionsFileSchema = z.strictObject({
  about: z.string().optional(),
  regions: z.array(RegionSchema).min(1),
});

/** Days of the week, Monday first, as written in weekly opening hours. */
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Day = (typeof DAYS)[number];

/** "HH:MM" in Kazakhstan time; "24:00" is allowed as a closing time. */
const TimeSchema = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time "HH:MM" (00:00–24:00)');

export const WeeklyIntervalSchema = z
  .strictObject({
    days: z.array(z.enum(DAYS)).min(1),
    /** Opens at, Kazakhstan time (UTC+5). */
    open: TimeSchema,
    /** Closes at; earlier than `open` means it closes after midnight. */
    close: TimeSchema,
  })
  .superRefine((value, ctx) => {
    const order = value.days.map((d) => DAYS.indexOf(d));
    if (order.some((n, i) => i > 0 && n <= (order[i - 1] ?? -1))) {
      ctx.addIssue({ code: "custom", path: ["days"], message: "must be in week order (mon … sun) without repeats" });
    }
    if (value.open === "24:00") ctx.addIssue({ code: "custom", path: ["open"], message: "must be before 24:00" });
    if (value.open === value.close) {
      ctx.addIssue({ code: "custom", path: ["close"], message: 'must differ from "open" (use "24/7" for round the clock)' });
    }
  });
export type WeeklyInterval = z.infer<typeof WeeklyIntervalSchema>;

/** "24/7", "unknown", or weekly opening intervals in Kazakhstan time (UTC+5). */
export const HoursSchema = z.union([z.literal("24/7"), z.literal("unknown"), z.strictObject({ weekly: z.array(WeeklyIntervalSchema).min(1) })], {
  error: 'must be "24/7", "unknown" or { "weekly": [{ "days": [...], "open": "HH:MM", "close": "HH:MM" }] }',
});
export type Hours = z.infer<typeof HoursSchema>;

/** A yes/no fact that may not be known: then the card says so instead of guessing. */
export const FlagSchema = z.union([z.boolean(), z.literal("unknown")], { error: 'must be true, false or "unknown"' });
export type Flag = z.infer<typeof FlagSchema>;

/**
 * Where a service works: the whole country, some regions, or one city of republican
 * significance. Exactly one key.
 */
export const CoverageSchema = z
  .strictObject({
    national: z.literal(true).optional(),
    regions: z.array(RegionCodeSchema).min(1).optional(),
    city: RegionCodeSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const keys = (["national", "regions", "city"] as const).filter((k) => value[k] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({ code: "custom", message: 'must have exactly one of "national": true, "regions": [codes] or "city": code' });
    }
    if (value.regions && new Set(value.regions).size !== value.regions.length) {
      ctx.addIssue({ code: "custom", path: ["regions"], message: "must not repeat a region" });
    }
  });
export type Coverage = z.infer<typeof CoverageSchema>;

function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, "must not repeat a value");
}

/** A list item that survives the CSV round trip, where lists are joined with "|". */
const listText = nonBlank.refine((s) => !s.includes("|"), 'must not contain "|"');

/** A day, a month or a year: sources are often dated only so far. */
export const SOURCE_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * A page a person can open again: a full http(s) address with a path or query, never a bare
 * domain ("inform.kz" says nothing about which article).
 */
export const SourceUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "must be a full address such as https://www.inform.kz/ru/article-123" })
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.pathname.replace(/\/+$/, "") !== "" || url.search !== "";
    } catch {
      return true; // not an address at all: the check above says so
    }
  }, "is a bare domain: give the address of the page itself, so an editor can open it again");

/** Where a fact comes from: the page, and its title and date where known. */
export const SourceSchema = z.strictObject({
  url: SourceUrlSchema,
  /** What the page is called (in its own language), so an editor can find it if it moves. */
  title: listText.optional(),
  /** When the page was published or last updated: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: z.string().regex(SOURCE_DATE_PATTERN, "must be a date YYYY-MM-DD, YYYY-MM or YYYY").optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const SERVICE_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const ServiceSchema = z
  .strictObject({
    id: z.string().regex(SERVICE_ID_PATTERN, "must be lower-case letters, digits, - and _ (e.g. guardianship-karaganda)"),
    kind: z.enum(SERVICE_KINDS),
    name: LocalizedTextSchema,
    /** One line: what they do. */
    description: LocalizedTextSchema,
    coverage: CoverageSchema,
    audience: uniqueList(z.enum(ROLES)),
    topics: uniqueList(z.enum(TOPICS)),
    phones: uniqueList(PhoneSchema).optional(),
    url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "must be an http(s) address such as https://example.kz" }).optional(),
    email: z.email({ error: "must be an e-mail address" }).optional(),
    address: LocalizedTextSchema.optional(),
    coordinates: CoordinatesSchema.optional(),
    hours: HoursSchema,
    free: FlagSchema,
    anonymous: FlagSchema,
    /** False until an editor has checked the contacts: then they are never shown, the route is. */
    contacts_verified: z.boolean({ error: "must be true or false" }),
    /** How to reach them when the contacts are not verified: whom to call or ask. */
    route: LocalizedTextSchema.optional(),
    /** An extra line on the card (a caveat about cost or hours, for instance). */
    notes: LocalizedTextSchema.optional(),
    /** Higher comes first among otherwise equal services (default 0): keeps 112 ahead of 104. */
    priority: z.int().min(-100).max(100).optional(),
    /** Where the facts come from: pages an editor can open again, newest facts first. */
    sources: z
      .array(SourceSchema)
      .min(1)
      .refine((list) => new Set(list.map((s) => s.url)).size === list.length, "must not repeat a page"),
    /**
     * The day someone compared THIS entry's contacts and hours with its sources (YYYY-MM-DD).
     * Only for verified contacts: a card says "checked on" for nothing else.
     */
    verified_on: z.iso.date({ error: "must be a date YYYY-MM-DD" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.contacts_verified && value.route === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["route"],
        message: "is required when contacts_verified is false: say whom to call or ask instead",
      });
    }
    if (!value.contacts_verified && value.verified_on !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["verified_on"],
        message: "is set but contacts_verified is false: a check date is only for contacts someone verified",
      });
    }
    if (value.contacts_verified && !value.phones && !value.url && !value.email && !value.address) {
      ctx.addIssue({
        code: "custom",
        path: ["contacts_verified"],
        message: "is true but the entry has no phones, url, email or address",
      });
    }
  });
export type Service = z.infer<typeof ServiceSchema>;

export const ServiceFileSchema = z.strictObject({
  about: z.string().optional(),
  services: z.array(z.unknown()),
});

/** The loaded directory; callers keep it (the loader caches nothing). */
export interface Directory {
  readonly regions: readonly Region[];
  readonly services: readonly Service[];
}

/** Field order of a service as written to JSON, so re-written files stay diff-friendly. */
export const SERVICE_FIELD_ORDER = [
  "id",
  "kind",
  "name",
  "description",
  "coverage",
  "audience",
  "topics",
  "phones",
  "url",
  "email",
  "address",
  "coordinates",
  "hours",
  "free",
  "anonymous",
  "contacts_verified",
  "route",
  "notes",
  "priority",
  "sources",
  "verified_on",
] as const satisfies readonly (keyof Service)[];

// Fails to compile when a field is added to ServiceSchema but not to SERVICE_FIELD_ORDER.
type UnorderedField = Exclude<keyof Service, (typeof SERVICE_FIELD_ORDER)[number]>;
const _everyFieldOrdered: [UnorderedField] extends [never] ? true : UnorderedField = true;

/** The same service with its keys in SERVICE_FIELD_ORDER and absent optional fields left out. */
export function orderServiceFields(service: Service): Service {
  const out: Record<string, unknown> = {};
  for (const key of SERVICE_FIELD_ORDER) {
    if (service[key] !== undefined) out[key] = service[key];
  }
  return out as Service;
}

/** The region codes a service covers, or "national". */
export function coverageRegions(coverage: Coverage): readonly string[] | "national" {
  if (coverage.national) return "national";
  if (coverage.city !== undefined) return [coverage.city];
  return coverage.regions ?? [];
}
