/**
 * The conversations plugin keeps, for replay, every update a flow received and every Bot API
 * result. Stored as is, that would put Telegram ids, names, usernames and what the user typed
 * into the flow key. Before it is stored, this removes all of it: ids become 0, personal and
 * content fields go. The flow never reads them on replay: button data stays, and what was
 * typed was already turned into a decision inside `conversation.external` (engine.ts).
 */

/** Fields whose content is personal or what the user sent. */
const DROP = new Set([
  "first_name",
  "last_name",
  "username",
  "language_code",
  "title",
  "caption",
  "entities",
  "caption_entities",
  "contact",
  "location",
  "venue",
  "photo",
  "voice",
  "video",
  "video_note",
  "audio",
  "document",
  "sticker",
  "animation",
  "reply_markup",
  "bio",
  "phone_number",
  "is_premium",
]);
/** Objects that name a person or a chat: their id becomes 0. */
const WHO = new Set(["from", "chat", "user", "sender_chat", "forward_from", "forward_from_chat"]);

function scrub(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => scrub(v, parentKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROP.has(key)) continue;
    // Keep the "text" key (the flow asks whether a message had text to edit) but not the text.
    if (key === "text") out.text = typeof v === "string" ? "" : scrub(v, key);
    else if (key === "id" && parentKey !== undefined && WHO.has(parentKey)) out.id = 0;
    else out[key] = scrub(v, key);
  }
  return out;
}

/** A deep copy of conversation state with every id, name and text removed. */
export function scrubReplayState<T>(state: T): T {
  return scrub(state, undefined) as T;
}
