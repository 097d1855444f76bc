/**
 * Redis keys. Users are named by a pseudonym (an HMAC of the Telegram chat id), never by the
 * id itself, so a look into Redis does not show who wrote; /forget deletes by pseudonym.
 */
import { createHash, createHmac } from "node:crypto";

export type Pseudonymize = (telegramId: number) => string;

/** Pseudonyms remembered in memory (an update asks for its user's several times). */
const PSEUDONYM_CACHE = 20_000;

/** Builds the pseudonym function from a secret (PSEUDONYM_SECRET, else derived from the token). */
export function pseudonymizer(secret: string): Pseudonymize {
  const key = createHash("sha256").update(`senim-pseudonym:${secret}`).digest();
  const cache = new Map<number, string>();
  return (telegramId) => {
    let pseudonym = cache.get(telegramId);
    if (pseudonym === undefined) {
      pseudonym = createHmac("sha256", key).update(String(telegramId)).digest("base64url").slice(0, 22);
      if (cache.size >= PSEUDONYM_CACHE) cache.clear();
      cache.set(telegramId, pseudonym);
    }
    return pseudonym;
  };
}

/** Key builders under one prefix, so tests and instances can share a Redis without collisions. */
export function keyspace(prefix: string) {
  return {
    prefs: (user: string) => `${prefix}:prefs:${user}`,
    flow: (user: string) => `${prefix}:flow:${user}`,
    lock: (user: string) => `${prefix}:lock:${user}`,
    /** The user's recent update ids (duplicate deliveries) and their flood counter. */
    seen: (user: string) => `${prefix}:seen:${user}`,
    rate: (user: string) => `${prefix}:rl:${user}`,
    campaigns: () => `${prefix}:stats:campaigns`,
    /** Every key that belongs to one user, for /forget (cases add theirs as they come). */
    userPattern: (user: string) => `${prefix}:*${user}*`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;
