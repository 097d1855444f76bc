/**
 * Redis keys. Users are named by a pseudonym (an HMAC of the Telegram chat id), never by the
 * id itself, so a look into Redis does not show who wrote; /forget deletes by pseudonym.
 */
import { createHash, createHmac } from "node:crypto";

export type Pseudonymize = (telegramId: number) => string;

/** Builds the pseudonym function from a secret (PSEUDONYM_SECRET, else derived from the token). */
export function pseudonymizer(secret: string): Pseudonymize {
  const key = createHash("sha256").update(`senim-pseudonym:${secret}`).digest();
  return (telegramId) => createHmac("sha256", key).update(String(telegramId)).digest("base64url").slice(0, 22);
}

/** Key builders under one prefix, so tests and instances can share a Redis without collisions. */
export function keyspace(prefix: string) {
  return {
    prefs: (user: string) => `${prefix}:prefs:${user}`,
    flow: (user: string) => `${prefix}:flow:${user}`,
    lock: (user: string) => `${prefix}:lock:${user}`,
    campaigns: () => `${prefix}:stats:campaigns`,
    /** Every key that belongs to one user, for /forget (cases add theirs as they come). */
    userPattern: (user: string) => `${prefix}:*${user}*`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;
