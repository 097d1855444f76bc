/**
 * A fake Telegram at the HTTP layer: pass `client: { fetch: telegram.fetch }` to the Bot and
 * every Bot API call is recorded and answered
 * with a realistic result. The update factories (updates.ts) build what users send. Tests
 * and the console (`npm run chat`) both use it, so the console shows exactly what Telegram
 * would receive.
 */
import type { Update, UserFromGetMe } from "grammy/types";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake Telegram answered. */
  result?: unknown;
  /** When it was answered (ms since the epoch): the pace tests read it. */
  at?: number;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A failure to inject: the next calls of `method` answer with this error. */
export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export const BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Senim",
  username: "senim_help_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
} as UserFromGetMe;

export const FAKE_TOKEN = "7000000001:TEST-fake-token-for-senim";

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private nextMessageId = 1000;
  /** Each group numbers its own topics (as Telegram does: a topic's id is a message id of its chat). */
  private readonly nextThreadId = new Map<number, number>();
  private readonly failures = new Map<string, InjectedError[]>();
  /** Called for every recorded call (the console prints from here). */
  onCall?: (call: ApiCall) => void;
  /** Membership answered by getChatMember in a chat (default: everyone is a member everywhere). */
  memberStatus: (userId: number, chatId: number) => string = () => "member";
  /** The bot's profile as set per language ("" is the default): what getMyName and its kin answer. */
  readonly profile = new Map<string, { name?: string; description?: string; short_description?: string }>();
  /** Whether a group answered by getChat is a forum (the staff group should be). */
  groupIsForum = true;
  /** The bot's own membership in a group (getChatMember with the bot's id): an administrator that manages topics. */
  botMember: Record<string, unknown> = { status: "administrator", can_manage_topics: true, can_be_edited: false };
  /** Per group, when staff groups differ: whether it is a forum, and the bot's membership there. */
  forumIn: (chatId: number) => boolean = () => this.groupIsForum;
  botMemberIn: (chatId: number) => Record<string, unknown> = () => this.botMember;

  /** Updates waiting for the bot's getUpdates (polling mode), and how often it asked. */
  private readonly updates: Update[] = [];
  private updateArrived?: () => void;
  getUpdatesCalls = 0;

  /** An update Telegram holds for a bot that polls: getUpdates hands it out until it is confirmed. */
  queueUpdate(update: Update): void {
    this.updates.push(update);
    this.updateArrived?.();
  }

  private async nextUpdates(p: Record<string, unknown>): Promise<Update[]> {
    this.getUpdatesCalls++;
    const offset = Number(p.offset ?? 0);
    // Updates below the offset are confirmed: Telegram forgets them.
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    if (this.updates.length === 0) {
      // A short long poll: answer when an update arrives, or empty after a moment.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.updateArrived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.updateArrived = undefined;
    }
    return this.updates.slice(0, Number(p.limit ?? 100));
  }

  private readonly holds = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];

  /** The next `times` calls of `method` get no answer until `releaseHeld()` (a Telegram that hangs). */
  holdNext(method: string, times = 1): void {
    this.holds.set(method, (this.holds.get(method) ?? 0) + times);
  }

  /** How many calls are waiting for an answer now. */
  get held(): number {
    return this.waiting.length;
  }

  /** Answers every held call (as if Telegram came back). */
  releaseHeld(): void {
    for (const resume of this.waiting.splice(0)) resume();
  }

  /** The next `times` calls of `method` fail with `error`. */
  failNext(method: string, error: InjectedError, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.failures.set(method, queue);
  }

  /** Files Telegram keeps for the bot (documents users sent), by file id. */
  private readonly files = new Map<string, string>();

  /** Keeps a file as Telegram would for a document someone sends; put what it returns in the update. */
  addFile(text: string): { file_id: string; file_unique_id: string; file_size: number } {
    const id = `file${this.files.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
    this.files.set(id, text);
    return { file_id: id, file_unique_id: `u-${id}`, file_size: Buffer.byteLength(text) };
  }

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    // A file download (https://api.telegram.org/file/bot<token>/<file_path>), not a method call.
    const download = /\/file\/bot[^/]+\/documents\/([^/]+)$/.exec(url);
    if (download) {
      const text = this.files.get(decodeURIComponent(download[1] as string));
      return text === undefined ? json({ ok: false, error_code: 404, description: "Not Found" }, 404) : new Response(text);
    }
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = await parseBody(init);
    if (method === "getUpdates") return json({ ok: true, result: await this.nextUpdates(payload) });
    const holds = this.holds.get(method) ?? 0;
    if (holds > 0) {
      this.holds.set(method, holds - 1);
      await new Promise<void>((resume) => this.waiting.push(resume));
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) return json({ ok: false, ...failure }, failure.error_code);
    const call: ApiCall = { method, payload, result: this.resultFor(method, payload), at: Date.now() };
    this.calls.push(call);
    this.onCall?.(call);
    return json({ ok: true, result: call.result });
  }) as typeof fetch;

  /** Calls recorded from index `from` on (see `mark`). */
  since(from: number): ApiCall[] {
    return this.calls.slice(from);
  }
  mark(): number {
    return this.calls.length;
  }
  clear(): void {
    this.calls.length = 0;
  }

  private resultFor(method: string, p: Record<string, unknown>): unknown {
    const chat = { id: Number(p.chat_id ?? 0), type: Number(p.chat_id) < 0 ? "supergroup" : "private" };
    const date = Math.floor(Date.now() / 1000);
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "sendMessage":
      case "sendPhoto":
      case "sendDocument":
      case "sendVoice":
      case "sendSticker":
      case "sendLocation":
        return {
          message_id: this.nextMessageId++,
          date,
          chat,
          text: p.text,
          message_thread_id: p.message_thread_id,
          reply_markup: p.reply_markup,
          from: BOT_INFO,
        };
      case "editMessageText":
        return { message_id: Number(p.message_id), date, chat, text: p.text, reply_markup: p.reply_markup, from: BOT_INFO };
      case "copyMessage":
      case "forwardMessage":
        return { message_id: this.nextMessageId++ };
      case "createForumTopic": {
        const thread = this.nextThreadId.get(chat.id) ?? 500;
        this.nextThreadId.set(chat.id, thread + 1);
        return { message_thread_id: thread, name: p.name, icon_color: 0x6fb9f0 };
      }
      case "getFile": {
        const id = String(p.file_id);
        const text = this.files.get(id);
        return { file_id: id, file_unique_id: `u-${id}`, file_size: text === undefined ? 0 : Buffer.byteLength(text), file_path: `documents/${id}` };
      }
      case "getChat":
        return chat.type === "private" ? { ...chat, first_name: "User" } : { ...chat, title: "Staff", is_forum: this.forumIn(chat.id) || undefined };
      case "getChatMember":
        if (Number(p.user_id) === BOT_INFO.id) return { ...this.botMemberIn(chat.id), user: BOT_INFO };
        return { status: this.memberStatus(Number(p.user_id), chat.id), user: { id: Number(p.user_id), is_bot: false, first_name: "Staff" } };
      case "getUpdates":
        return [];
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      case "setMyName":
      case "setMyDescription":
      case "setMyShortDescription": {
        const field = method === "setMyName" ? "name" : method === "setMyDescription" ? "description" : "short_description";
        const lang = String(p.language_code ?? "");
        this.profile.set(lang, { ...this.profile.get(lang), [field]: String(p[field] ?? "") });
        return true;
      }
      case "getMyName":
        return { name: this.profile.get(String(p.language_code ?? ""))?.name ?? "" };
      case "getMyDescription":
        return { description: this.profile.get(String(p.language_code ?? ""))?.description ?? "" };
      case "getMyShortDescription":
        return { short_description: this.profile.get(String(p.language_code ?? ""))?.short_description ?? "" };
      default:
        return true;
    }
  }
}

/** A call's parameters: JSON, or multipart (a file upload), where a file is { filename, text }. */
async function parseBody(init: RequestInit | undefined): Promise<Record<string, unknown>> {
  const body = init?.body as unknown;
  if (typeof body === "string") {
    if (body.length === 0) return {};
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const headers = new Headers(init?.headers);
  const boundary = /boundary=([^;]+)/.exec(headers.get("content-type") ?? "")?.[1];
  if (!boundary || body === null || typeof body !== "object" || !(Symbol.asyncIterator in body)) return {};
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return parseMultipart(Buffer.concat(chunks).toString("utf8"), boundary);
}

function parseMultipart(text: string, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    // grammY writes filename=<name> unquoted.
    const filename = /filename="?([^"\r\n;]*)"?/.exec(head)?.[1];
    out[name] = filename === undefined ? parseField(value) : { filename, text: value };
  }
  return out;
}

/** A multipart field: JSON when it parses (numbers, keyboards), else the text. */
function parseField(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}

/** The text of a recorded call that sends or edits a message. */
export function textOf(call: ApiCall): string {
  return String(call.payload.text ?? call.payload.caption ?? "");
}

/** Inline buttons of a recorded call, in order. */
export function buttonsOf(call: ApiCall): InlineButton[] {
  const markup = call.payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
