/**
 * Structured logs (pino) that never carry what a user said or who they are: no message text,
 * names, usernames or Telegram ids. Redaction is a safety net; the rule is to log only
 * update ids, update kinds, feature names and error classes.
 */
import pino, { type Logger } from "pino";

export type { Logger };

const REDACT = [
  "text",
  "*.text",
  "caption",
  "*.caption",
  "from",
  "*.from",
  "chat",
  "*.chat",
  "username",
  "*.username",
  "first_name",
  "*.first_name",
  "last_name",
  "*.last_name",
  "user_id",
  "chat_id",
  "*.chat_id",
  "payload",
  "*.payload",
];

export function createLogger(level: string = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "senim" },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** Errors keep their class, message and stack, but Telegram errors echo the request payload: drop it. */
function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const out: Record<string, unknown> = { type: err.name, message: scrubMessage(err.message), stack: err.stack };
  const code = (err as { error_code?: unknown }).error_code;
  if (typeof code === "number") out.error_code = code;
  return out;
}

/** grammY error messages name the method and Telegram's description; ids inside are masked. */
function scrubMessage(message: string): string {
  return message.replace(/-?\d{5,}/g, "[id]").slice(0, 300);
}
