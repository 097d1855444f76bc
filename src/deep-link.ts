/**
 * The payload of a poster's deep link (`https://t.me/<bot>?start=<payload>`), built and read
 * in one place: /start reads it, the poster kit (cli/poster.ts) builds it. Three forms:
 * `r-<region>` pre-selects a region, `src-<tag>` records an anonymous campaign tag, and
 * `r-<region>_src-<tag>` does both. Telegram allows 64 characters of `[A-Za-z0-9_-]`.
 * Pure: which region codes exist is the caller's to check (the directory knows).
 */

/** Telegram's limit on a /start payload. */
export const MAX_PAYLOAD = 64;

/** A campaign tag: a school, a clinic, a poster run (`school-123`). */
export const TAG_PATTERN = /^[a-z0-9-]{1,32}$/;
const REGION = "[a-z][a-z0-9_]{0,31}";
// The old single-tag form also took "_" in a tag: links already printed keep counting.
const FORMS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => DeepLink]> = [
  [new RegExp(`^r-(${REGION})_src-([a-z0-9-]{1,32})$`), (m) => ({ region: m[1], tag: m[2] })],
  [new RegExp(`^r-(${REGION})$`), (m) => ({ region: m[1] })],
  [/^src-([a-z0-9_-]{1,32})$/, (m) => ({ tag: m[1] })],
];

export interface DeepLink {
  region?: string;
  tag?: string;
}

/** What a /start payload asks for; an empty object for anything else (never an error: anyone can type one). */
export function parseDeepLink(payload: string): DeepLink {
  const text = payload.trim().toLowerCase();
  if (text.length > MAX_PAYLOAD) return {};
  for (const [pattern, read] of FORMS) {
    const m = pattern.exec(text);
    if (m) return read(m);
  }
  return {};
}

/** The payload for a region and/or a tag; throws on a value no poster should carry. */
export function deepLinkPayload(link: DeepLink): string {
  if (link.region !== undefined && !new RegExp(`^${REGION}$`).test(link.region)) throw new Error(`not a region code: ${link.region}`);
  if (link.tag !== undefined && !TAG_PATTERN.test(link.tag)) throw new Error(`a tag is 1-32 of a-z 0-9 -: ${link.tag}`);
  const parts = [link.region !== undefined ? `r-${link.region}` : "", link.tag !== undefined ? `src-${link.tag}` : ""].filter(Boolean);
  if (parts.length === 0) throw new Error("a deep link needs a region or a tag");
  const payload = parts.join("_");
  if (payload.length > MAX_PAYLOAD) throw new Error(`the payload is ${payload.length} characters; Telegram allows ${MAX_PAYLOAD}`);
  return payload;
}

/** The link a poster prints: opens the bot and sends /start with the payload. */
export function deepLinkUrl(botUsername: string, link: DeepLink): string {
  return `https://t.me/${botUsername}?start=${deepLinkPayload(link)}`;
}
