/**
 * The environment, read once through one zod schema. A webhook config cannot exist without
 * its URL and secret; a bad value is reported by name, all at once, before anything starts.
 * Values come out parsed (hours, wait limits in ms, the pseudonym secret): nothing after
 * this reads process.env or parses a setting again.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { WaitLimits } from "./cases/types.js";
import { parseHoursSpec } from "./directory/hours.js";
import { regionCodesSync } from "./directory/load.js";
import type { Hours } from "./directory/schema.js";

const OPERATOR_HOURS_DEFAULT = "mon-fri 09:00-18:00";
const WAIT_LIMITS_DEFAULT = "emergency=2,high=10,other=60";
const WAIT_LIMIT_NAMES = ["emergency", "high", "other"] as const;

/** "name=minutes" parts, each name at most once, minutes 1-9999 → milliseconds. */
function waitLimitParts(spec: string): Partial<WaitLimits> {
  const limits: Partial<WaitLimits> = {};
  for (const part of spec.split(",")) {
    const match = /^\s*([a-z]+)\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not name=minutes`);
    const [, name = "", minutes = ""] = match;
    if (!isWaitLimitName(name)) throw new Error(`"${name}" is not one of ${WAIT_LIMIT_NAMES.join(", ")}`);
    if (limits[name] !== undefined) throw new Error(`"${name}" is given twice`);
    if (Number(minutes) < 1) throw new Error(`"${name}" must be at least 1 minute`);
    limits[name] = Number(minutes) * 60_000;
  }
  return limits;
}

function isWaitLimitName(name: string): name is keyof WaitLimits {
  return (WAIT_LIMIT_NAMES as readonly string[]).includes(name);
}

const STAFF_GROUPS_EXAMPLE = "almaty_city:-1001112223334,shymkent:-1002223334445";

/**
 * STAFF_GROUPS: "region:chat" pairs → region code → the regional staff group's chat id. Several
 * regions may share a group; a region is given once, by a code of data/regions.json.
 */
function parseStaffGroups(spec: string, regions: readonly string[] = regionCodesSync()): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const part of spec.split(",")) {
    const match = /^\s*([a-z_]+)\s*:\s*(-?\d+)\s*$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not region:chat_id`);
    const [, region = "", chat = ""] = match;
    if (!regions.includes(region)) throw new Error(`"${region}" is not a region code of data/regions.json`);
    if (groups[region] !== undefined) throw new Error(`"${region}" is given twice`);
    if (!/^-100\d{5,}$/.test(chat) || !Number.isSafeInteger(Number(chat))) throw new Error(`"${chat}" is not a supergroup id such as -1001234567890`);
    groups[region] = Number(chat);
  }
  return groups;
}

/** The operators' hours when OPERATOR_HOURS is not set. */
export const DEFAULT_OPERATOR_HOURS: Hours = parseHoursSpec(OPERATOR_HOURS_DEFAULT);
/** The waiting limits (ms) when WAIT_LIMITS is not set. */
export const DEFAULT_WAIT_LIMITS = waitLimitParts(WAIT_LIMITS_DEFAULT) as WaitLimits;

/** A name left out keeps its default: "emergency=1" changes only that limit. */
function parseWaitLimits(spec: string): WaitLimits {
  return { ...DEFAULT_WAIT_LIMITS, ...waitLimitParts(spec) };
}

/** The pseudonym secret when PSEUDONYM_SECRET is not set: stable for one bot token. */
export function secretFromToken(token: string): string {
  return createHash("sha256").update(`senim:${token}`).digest("hex");
}

/** A zod string that `parse` turns into a value; what `parse` throws becomes the variable's problem. */
function parsed<T>(parse: (value: string) => T, hint: string) {
  return z.string().transform((value, ctx): T => {
    try {
      return parse(value);
    } catch (err) {
      ctx.issues.push({ code: "custom", message: `${hint}: ${(err as Error).message}`, input: value });
      return z.NEVER;
    }
  });
}

const PSEUDONYM_SECRET_MIN = 32;

/** "host:port,host:port" lists of Sentinels or Cluster nodes. */
const HOST_PORTS = /^[\w.-]+:\d+(,[\w.-]+:\d+)*$/;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const common = {
  BOT_TOKEN: z
    .string({ error: "is required (get one from @BotFather)" })
    .regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF (the token from @BotFather)"),
  PORT: z.coerce.number({ error: "must be a number" }).int().min(1).max(65535).default(8080),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .refine((v) => URL.canParse(v), "is not a URL Redis can be reached at, e.g. redis://:password@redis:6379/0")
    .refine((v) => !URL.canParse(v) || /^\/?(\d{1,5})?$/.test(new URL(v).pathname), "must end in a database number, e.g. redis://redis:6379/0")
    .default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.{}-]{1,40}$/, "must be 1-40 letters, digits or :._-{}")
    .default("senim"),
  /** Redis Sentinel: "host:port,host:port" of the sentinels, with REDIS_SENTINEL_NAME. */
  REDIS_SENTINELS: z
    .string()
    .regex(HOST_PORTS, "must look like sentinel1:26379,sentinel2:26379")
    .optional(),
  REDIS_SENTINEL_NAME: z.string().regex(/^[\w.-]{1,64}$/, "must be the master's name, e.g. mymaster").default("mymaster"),
  /** Redis Cluster: "host:port,host:port" of some cluster nodes (REDIS_PREFIX needs a {hash tag}). */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(HOST_PORTS, "must look like node1:6379,node2:6379")
    .optional(),
  BOT_API_ROOT: z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
  OPERATOR_CHAT_ID: z.coerce
    .number({ error: "must be a number (the staff supergroup id, e.g. -1001234567890)" })
    .int()
    .negative("must be a negative supergroup id, e.g. -1001234567890")
    .optional(),
  /** Regional staff groups by region code (the national group, OPERATOR_CHAT_ID, takes the rest and the overflow). */
  STAFF_GROUPS: parsed((v) => parseStaffGroups(v), `must look like ${STAFF_GROUPS_EXAMPLE} (region codes of data/regions.json)`).optional(),
  /** A regional group with this many cases waiting unclaimed sends the next new case to the national group. */
  STAFF_GROUP_OVERFLOW: z.coerce.number({ error: "must be a number" }).int().min(1).max(1000).default(5),
  SUPERVISOR_IDS: z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, "must be Telegram user ids separated by commas, e.g. 123,456")
    .transform((v) => v.split(",").map((id) => Number(id.trim())))
    .optional(),
  /** When operators are on duty, Kazakhstan time (UTC+5): "24/7" or e.g. "mon-sat 08:00-20:00; sun 10:00-14:00". */
  OPERATOR_HOURS: parsed(parseHoursSpec, `must be "24/7" or like "${OPERATOR_HOURS_DEFAULT}"`).default(DEFAULT_OPERATOR_HOURS),
  /** Minutes an unclaimed case may wait before it is raised again, by risk (milliseconds once parsed). */
  WAIT_LIMITS: parsed(parseWaitLimits, `must look like ${WAIT_LIMITS_DEFAULT}`).default(DEFAULT_WAIT_LIMITS),
  /**
   * Secret for pseudonymous user keys. Unset: derived from the token. Set: at least 32
   * characters, used as given (a blank one would make pseudonyms follow from public facts).
   */
  PSEUDONYM_SECRET: z
    .string()
    .refine((v) => v.trim() !== "", "is set but empty: set a secret of 32+ characters, or unset it to derive one from BOT_TOKEN")
    .refine((v) => v.trim() === "" || v.trim().length >= PSEUDONYM_SECRET_MIN, `must be at least ${PSEUDONYM_SECRET_MIN} characters (e.g. openssl rand -hex 32)`)
    .optional(),
  /** Hours after resolution during which a user's new message reopens the case. */
  REOPEN_WINDOW_HOURS: z.coerce.number({ error: "must be a number" }).int().min(0).max(24 * 30).default(72),
  /** Days a resolved case and its messages are kept before they expire. */
  CASE_RETENTION_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(365).default(30),
  /** Language of the staff group's texts. */
  STAFF_LANG: z.enum(["kk", "ru", "en"], { error: "must be kk, ru or en" }).default("ru"),
  /**
   * The pace of what every instance together sends into the staff group, and into one user's
   * chat (Telegram: about 20 a minute in a group, about one a second in a private chat).
   */
  STAFF_GROUP_MESSAGES_PER_MINUTE: z.coerce.number({ error: "must be a number" }).int().min(1).max(6000).default(20),
  USER_CHAT_MESSAGES_PER_MINUTE: z.coerce.number({ error: "must be a number" }).int().min(1).max(6000).default(60),
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (the port may face the internet in webhook mode). */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\w-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -")
    .optional(),
  /** Seconds SIGTERM waits for the updates in flight before the process exits anyway (Telegram delivers those again). */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(1).max(600).default(10),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
};

const pollingSchema = z.object({ ...common, BOT_MODE: z.literal("polling") });
const webhookSchema = z.object({
  ...common,
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z
    // Telegram itself needs https; a self-hosted Bot API server (BOT_API_ROOT) may use http.
    .url({ error: "is required in webhook mode and must be a URL such as https://bot.example.kz/telegram" })
    .refine((u) => /^https?:\/\//.test(u), "must be an http(s):// URL"),
  WEBHOOK_SECRET: z
    .string({ error: "is required in webhook mode (at least 16 characters: A-Z a-z 0-9 _ -)" })
    .regex(/^[\w-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -"),
});

const modeSchema = z.enum(["polling", "webhook"], { error: "must be polling or webhook" });

/** A mode's parsed variables, PSEUDONYM_SECRET replaced by the secret to use. */
type WithSecret<T> = T extends unknown ? Omit<T, "PSEUDONYM_SECRET"> & { pseudonymSecret: string } : never;

export type Config = WithSecret<z.infer<typeof pollingSchema> | z.infer<typeof webhookSchema>>;

/** A config problem a person must fix; `message` names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Senim cannot start, the configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    // A blank secret is a mistake to report, not "unset"; a set one is used exactly as given.
    if (key === "PSEUDONYM_SECRET") cleaned[key] = value;
    else if (value.trim() !== "") cleaned[key] = value.trim();
  }
  cleaned.BOT_MODE ??= "polling";
  // Validate the mode on its own so that an unknown mode still reports every other bad value.
  const mode = modeSchema.safeParse(cleaned.BOT_MODE);
  const schema = mode.success && mode.data === "webhook" ? webhookSchema : pollingSchema;
  const result = schema.safeParse(mode.success ? cleaned : { ...cleaned, BOT_MODE: "polling" });
  const clusterWithoutTag =
    result.success && result.data.REDIS_CLUSTER_NODES !== undefined && !/\{[^}]+\}/.test(result.data.REDIS_PREFIX);
  const groupsProblem = result.success ? staffGroupsProblem(result.data.STAFF_GROUPS, result.data.OPERATOR_CHAT_ID) : undefined;
  if (result.success && mode.success && !clusterWithoutTag && !groupsProblem) {
    const { PSEUDONYM_SECRET, ...rest } = result.data;
    return { ...rest, pseudonymSecret: PSEUDONYM_SECRET ?? secretFromToken(rest.BOT_TOKEN) };
  }
  const issues = [...(mode.success ? [] : mode.error.issues), ...(result.success ? [] : result.error.issues)];
  const problems = issues.map((issue) => {
    const name = issue.path.length > 0 ? issue.path.join(".") : "BOT_MODE";
    const shown = name in cleaned && !/TOKEN|SECRET/.test(name) ? ` (got "${cleaned[name]}")` : "";
    return `${name} ${issue.message}${shown}`;
  });
  if (clusterWithoutTag) {
    problems.push("REDIS_PREFIX must contain a hash tag such as {senim} with REDIS_CLUSTER_NODES (all keys must share a slot)");
  }
  if (groupsProblem) problems.push(`STAFF_GROUPS ${groupsProblem}`);
  throw new ConfigError(problems);
}

/** What STAFF_GROUPS cannot be beside OPERATOR_CHAT_ID: regional groups need the national one, and are not it. */
function staffGroupsProblem(groups: Record<string, number> | undefined, national: number | undefined): string | undefined {
  if (!groups) return undefined;
  if (national === undefined) return "needs OPERATOR_CHAT_ID: the national group takes the regions without a group and the overflow";
  const clash = Object.entries(groups).find(([, chat]) => chat === national);
  return clash ? `lists ${national} (for "${clash[0]}"), the national group of OPERATOR_CHAT_ID: a regional group must be another chat` : undefined;
}
