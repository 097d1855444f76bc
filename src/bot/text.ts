/** Text helpers shared by the bot and the console. */
import type { Context, InlineKeyboard } from "grammy";

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

/**
 * Sends a long HTML text (the referral cards) in as many messages as it needs; the keyboard
 * goes on the last one, so the buttons stay under the end of what was said. Links show no
 * preview: a card's site would otherwise put its picture and title on the screen.
 */
export async function replyInChunks(
  ctx: Context,
  text: string,
  options: { parse_mode: "HTML"; protect_content?: boolean },
  keyboard?: InlineKeyboard,
): Promise<void> {
  const chunks = splitMessage(text);
  const sent = { ...options, link_preview_options: { is_disabled: true } };
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunk, last && keyboard ? { ...sent, reply_markup: keyboard } : sent);
  }
}
