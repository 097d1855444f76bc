/** Text helpers shared by the bot and the console. */

/** Telegram's limit for one message. */
export const MAX_MESSAGE = 4096;

/** Splits a long text at paragraph, then line, then hard boundaries, so no message is refused. */
export function splitMessage(text: string, max = MAX_MESSAGE): string[] {
  if (text.length <= max) return text.length > 0 ? [text] : [];
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
