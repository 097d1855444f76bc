/**
 * The environment, read once through one zod schema. A webhook config cannot exist without
 * its URL and secret; a bad value is reported by name, all at once, before anything starts.
 */
import { z } from "zod";
import { parseHoursSpec } from "./directory/hours.js";

function hoursSpecError(value: string): string | undefined {
  try {
    parseHoursSpec(value);
    return undefined;
  } catch (err) {
    return `must be "24/7" or like "mon-fri 09:00-18:00": ${(err as Error).message}`;
  }
}

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
  SUPERVISOR_IDS: z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, "must be Telegram user ids separated by commas, e.g. 123,456")
    .transform((v) => v.split(",").map((id) => Number(id.trim())))
    .optional(),
  /** When operators are on duty, Kazakhstan time (UTC+5): "24/7" or e.g. "mon-fri 09:00-18:00; sat 10:00-14:00". */
  OPERATOR_HOURS: z
    .string()
    .refine((v) => hoursSpecError(v) === undefined, { error: (issue) => hoursSpecError(String(issue.input)) ?? "is invalid" })
    .default("mon-fri 09:00-18:00"),
  /** Minutes an unclaimed case may wait before it is raised again: "emergency=2,high=10,other=60". */
  WAIT_LIMITS: z
    .string()
    .regex(/^(emergency|high|other)=\d{1,4}(,(emergency|high|other)=\d{1,4})*$/, "must look like emergency=2,high=10,other=60")
    .default("emergency=2,high=10,other=60"),
  /** Hours after resolution during which a user's new message reopens the case. */
  REOPEN_WINDOW_HOURS: z.coerce.number({ error: "must be a number" }).int().min(0).max(24 * 30).default(72),
  /** Days a resolved case and its messages are kept before they expire. */
  CASE_RETENTION_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(365).default(30),
  /** Language of the staff group's texts. */
  STAFF_LANG: z.enum(["kk", "ru", "en"], { error: "must be kk, ru or en" }).default("ru"),
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (the port may face the internet in webhook mode). */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\w-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -")
    .optional(),
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

export type Config = z.infer<typeof pollingSchema> | z.infer<typeof webhookSchema>;

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
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  cleaned.BOT_MODE ??= "polling";
  // Validate the mode on its own so that an unknown mode still reports every other bad value.
  const mode = modeSchema.safeParse(cleaned.BOT_MODE);
  const schema = mode.success && mode.data === "webhook" ? webhookSchema : pollingSchema;
  const result = schema.safeParse(mode.success ? cleaned : { ...cleaned, BOT_MODE: "polling" });
  const clusterWithoutTag =
    result.success && result.data.REDIS_CLUSTER_NODES !== undefined && !/\{[^}]+\}/.test(result.data.REDIS_PREFIX);
  if (result.success && mode.success && !clusterWithoutTag) return result.data;
  const issues = [...(mode.success ? [] : mode.error.issues), ...(result.success ? [] : result.error.issues)];
  const problems = issues.map((issue) => {
    const name = issue.path.length > 0 ? issue.path.join(".") : "BOT_MODE";
    const shown = name in cleaned && !/TOKEN|SECRET/.test(name) ? ` (got "${cleaned[name]}")` : "";
    return `${name} ${issue.message}${shown}`;
  });
  if (clusterWithoutTag) {
    problems.push("REDIS_PREFIX must contain a hash tag such as {senim} with REDIS_CLUSTER_NODES (all keys must share a slot)");
  }
  throw new ConfigError(problems);
}
