/**
 * Update factories: Bot API updates as Telegram delivers them to the bot, for tests, the
 * console (`npm run chat`) and the bench. Three places a user or an operator can be:
 *
 *   - `UpdateFactory`: one user in their private chat with the bot (messages, button presses,
 *     edits, media, blocking and unblocking the bot);
 *   - `GroupUpdates`: a group or supergroup; `staffGroup(id)` is the operators' forum, where a
 *     case is a forum topic (`message_thread_id`); `group(id)` any other group;
 *   - `my_chat_member` updates for the bot's own membership, in both.
 *
 * Update ids come from one counter for the process (Telegram's are unique per bot, and the bot
 * drops an update id it has seen); message ids from one counter per chat factory.
 */
import type { Chat, Message, Update } from "grammy/types";
import { BOT_INFO } from "./fake-telegram.js";

/** Someone who sends updates (`is_bot` false and a first name unless given). */
export interface Person {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

/** The bot's status in a chat, as my_chat_member reports it. */
export type MemberStatus = "member" | "left" | "kicked" | "administrator" | "restricted";

let updateCounter = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);

/** A fresh update id, unique in the process. */
export function nextUpdateId(): number {
  return updateCounter++;
}

/**
 * An opaque `chat_instance` for a chat, as Telegram gives with a button press: a long number
 * that does not contain the chat's id.
 */
export function chatInstance(chatId: number): string {
  return String(-(BigInt(chatId) * 7_919n + 104_729n));
}

/** The bot_command entity Telegram adds to a text that starts with "/". */
export function commandEntities(text: string): Pick<Message, "entities"> {
  if (!text.startsWith("/")) return {};
  return { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function sender(person: Person) {
  return { is_bot: false, first_name: "Test", ...person };
}

function membership(chat: Chat, from: Person, old: MemberStatus, status: MemberStatus): Update {
  const member = (s: MemberStatus) => ({ status: s, user: BOT_INFO, ...(s === "restricted" ? { is_member: true, until_date: 0 } : {}) });
  return {
    update_id: nextUpdateId(),
    my_chat_member: { chat, from: sender(from), date: now(), old_chat_member: member(old), new_chat_member: member(status) },
  } as unknown as Update;
}

/** Builds updates as a given private user would send them. */
export class UpdateFactory {
  private messageId = 1;

  constructor(readonly user: Person) {}

  private chat() {
    return { id: this.user.id, type: "private" as const, first_name: this.user.first_name ?? "Test" };
  }

  private wrap(key: "message" | "edited_message", message: Record<string, unknown>): Update {
    return { update_id: nextUpdateId(), [key]: message } as unknown as Update;
  }

  message(extra: Partial<Message>): Update {
    return this.wrap("message", { message_id: this.messageId++, date: now(), chat: this.chat(), from: sender(this.user), ...extra });
  }

  text(text: string): Update {
    return this.message({ text, ...commandEntities(text) });
  }

  /** The user edits an earlier message of theirs (by default the last one sent). */
  edit(text: string, messageId = Math.max(1, this.messageId - 1)): Update {
    const date = now();
    return this.wrap("edited_message", { message_id: messageId, date: date - 5, edit_date: date, chat: this.chat(), from: sender(this.user), text, ...commandEntities(text) });
  }

  /** A press of a button under a message the bot sent. */
  callback(data: string, messageId = 999, messageText = "…"): Update {
    const id = nextUpdateId();
    return {
      update_id: id,
      callback_query: {
        id: `cb${id}`,
        from: sender(this.user),
        chat_instance: chatInstance(this.user.id),
        data,
        message: { message_id: messageId, date: 0, chat: this.chat(), text: messageText, from: BOT_INFO },
      },
    } as unknown as Update;
  }

  photo(caption?: string): Update {
    return this.message({
      photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
      ...(caption !== undefined ? { caption } : {}),
    } as Partial<Message>);
  }

  location(latitude: number, longitude: number): Update {
    return this.message({ location: { latitude, longitude } } as Partial<Message>);
  }

  sticker(): Update {
    return this.message({
      sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
    } as Partial<Message>);
  }

  voice(): Update {
    return this.message({ voice: { file_id: "v", file_unique_id: "v", duration: 3 } } as Partial<Message>);
  }

  /** The user blocks the bot (`member` → `kicked`) or unblocks it (`kicked` → `member`). */
  myChatMember(old: MemberStatus, status: MemberStatus): Update {
    return membership(this.chat(), this.user, old, status);
  }
}

/** Where in a group: a forum topic (or reply thread), and the message a button is under. */
export interface InGroup {
  thread?: number;
  messageId?: number;
}

/** Builds updates of a group or supergroup: anyone's messages and button presses, the bot's membership. */
export class GroupUpdates {
  private messageId = 1;

  constructor(readonly chat: Chat.GroupChat | Chat.SupergroupChat) {}

  /** The thread fields of a message in `thread` (a forum topic in a forum). */
  private threadOf(thread: number | undefined) {
    if (thread === undefined) return {};
    return { message_thread_id: thread, ...("is_forum" in this.chat && this.chat.is_forum ? { is_topic_message: true } : {}) };
  }

  message(from: Person, extra: Partial<Message> = {}, where: InGroup = {}): Update {
    const message = { message_id: this.messageId++, date: now(), chat: this.chat, from: sender(from), ...this.threadOf(where.thread), ...extra };
    return { update_id: nextUpdateId(), message } as unknown as Update;
  }

  text(from: Person, text: string, where: InGroup = {}): Update {
    return this.message(from, { text, ...commandEntities(text) }, where);
  }

  /** A file sent to the group; `file` is what the fake Telegram's addFile returned. */
  document(from: Person, file: { file_id: string; file_unique_id: string; file_size: number }, fileName: string, where: InGroup = {}): Update {
    return this.message(from, { document: { ...file, file_name: fileName, mime_type: "text/csv" } }, where);
  }

  /** A press of a button under a message of the bot (a case card, in the case's topic). */
  callback(from: Person, data: string, where: InGroup = {}): Update {
    const id = nextUpdateId();
    return {
      update_id: id,
      callback_query: {
        id: `cb${id}`,
        from: sender(from),
        chat_instance: chatInstance(this.chat.id),
        data,
        message: { message_id: where.messageId ?? 1, date: 0, chat: this.chat, from: BOT_INFO, text: "…", ...this.threadOf(where.thread) },
      },
    } as unknown as Update;
  }

  /** Someone adds the bot (`left` → `member`), removes it, or changes its rights. */
  myChatMember(from: Person, old: MemberStatus, status: MemberStatus): Update {
    return membership(this.chat, from, old, status);
  }
}

/** The operators' staff group: a forum supergroup, one topic per case. */
export function staffGroup(id: number): GroupUpdates {
  return new GroupUpdates({ id, type: "supergroup", title: "Senim staff", is_forum: true });
}

/** Any other group the bot may be added to. */
export function group(id: number, type: "group" | "supergroup" = "supergroup", title = "Some group"): GroupUpdates {
  return new GroupUpdates(type === "group" ? { id, type, title } : { id, type, title });
}
