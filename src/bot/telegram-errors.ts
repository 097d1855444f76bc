/** What a failed Bot API call means for the update that made it. */
import { GrammyError, HttpError } from "grammy";

/** Telegram could not take a call now, and may later: too many requests, its own failure, the network. */
export function telegramUnavailable(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}
