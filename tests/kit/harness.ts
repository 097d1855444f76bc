/**
 * The test kit: a real bot (createBot) on a fake Telegram, with real Redis under a prefix of
 * its own, or memory. Each test reads as a conversation: send this, expect that.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach } from "vitest";
import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { buildDeps, type DeskOptions } from "../../src/app.js";
import { DEFAULT_WAIT_LIMITS, secretFromToken } from "../../src/config.js";
import { createBot, type CreateBotDeps } from "../../src/bot/index.js";
import { createLogger } from "../../src/logger.js";
import { BOT_INFO, buttonsOf, FAKE_TOKEN, FakeTelegram, textOf, type ApiCall, UpdateFactory } from "../../src/testing/fake-telegram.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface HarnessOptions {
  redis?: Redis;
  prefix?: string;
  operatorChatId?: number;
  now?: () => Date;
  /** Operators' desk settings (staffChatId defaults to operatorChatId). */
  desk?: Partial<DeskOptions>;
  /** Replace parts of the dependencies (a test flow, a failing storage). */
  override?: (deps: CreateBotDeps) => CreateBotDeps;
}

/** Log lines written by the bot during a test, to check nothing private is logged. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
}

export function newPrefix(): string {
  return `senim-test:${randomUUID().slice(0, 8)}`;
}

export function createHarness(options: HarnessOptions = {}) {
  const telegram = new FakeTelegram();
  const logs = new LogSink();
  const logger = createLogger("info", logs);
  const prefix = options.prefix ?? newPrefix();
  let deps = buildDeps({
    logger,
    redis: options.redis,
    prefix,
    pseudonymSecret: secretFromToken(FAKE_TOKEN),
    now: options.now,
    desk:
      options.desk || options.operatorChatId
        ? {
            staffChatId: options.operatorChatId ?? -1001000000001,
            supervisors: [],
            hours: "24/7",
            waitLimits: DEFAULT_WAIT_LIMITS,
            reopenWindowHours: 72,
            retentionDays: 30,
            staffLang: "en",
            ...options.desk,
          }
        : undefined,
  });
  if (options.override) deps = options.override(deps);
  const bot = createBot(
    { token: FAKE_TOKEN, botInfo: BOT_INFO, client: { fetch: telegram.fetch }, operatorChatId: options.operatorChatId },
    deps,
  );

  /** Sends one update and returns the Bot API calls it caused. */
  async function send(update: Update): Promise<ApiCall[]> {
    const from = telegram.mark();
    await bot.handleUpdate(update);
    return telegram.since(from);
  }

  return { bot, telegram, logs, prefix, deps, send };
}

/** A private user talking to the bot, remembering the last message with buttons. */
export class TestUser {
  readonly updates: UpdateFactory;
  private lastButtons: { text: string; data: string; messageId: number }[] = [];

  constructor(
    private readonly harness: { send(update: Update): Promise<ApiCall[]> },
    user: { id: number; language_code?: string },
  ) {
    this.updates = new UpdateFactory(user);
  }

  /** Uses another bot instance (same user, same update counter): a restart. */
  reconnect(harness: { send(update: Update): Promise<ApiCall[]> }): TestUser {
    const next = Object.create(TestUser.prototype) as TestUser;
    Object.assign(next, this, { harness });
    return next;
  }

  async send(update: Update): Promise<Reply> {
    const calls = await this.harness.send(update);
    for (const call of calls) {
      const buttons = buttonsOf(call).filter((b) => b.callback_data);
      if (buttons.length > 0) {
        const messageId = (call.result as { message_id?: number } | undefined)?.message_id ?? 1;
        this.lastButtons = buttons.map((b) => ({ text: b.text, data: b.callback_data!, messageId }));
      }
    }
    return new Reply(calls);
  }

  say(text: string): Promise<Reply> {
    return this.send(this.updates.text(text));
  }

  /** Presses the button of the last keyboard whose label contains `label` (or equals a data string). */
  press(label: string): Promise<Reply> {
    const button =
      this.lastButtons.find((b) => b.data === label) ?? this.lastButtons.find((b) => b.text.includes(label));
    if (!button) {
      throw new Error(`no button "${label}" among: ${this.lastButtons.map((b) => b.text).join(" | ")}`);
    }
    return this.send(this.updates.callback(button.data, button.messageId));
  }

  /** Presses the n-th button (1-based) of the last keyboard. */
  pressNth(n: number): Promise<Reply> {
    const button = this.lastButtons[n - 1];
    if (!button) throw new Error(`no button #${n}`);
    return this.send(this.updates.callback(button.data, button.messageId));
  }

  get buttons(): string[] {
    return this.lastButtons.map((b) => b.text);
  }
}

/** What the bot did in answer to one update. */
export class Reply {
  constructor(readonly calls: ApiCall[]) {}

  /** Calls that show text to the user (sent or edited messages). */
  get messages(): ApiCall[] {
    return this.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
  }
  get text(): string {
    return this.messages.map(textOf).join("\n\n");
  }
  get buttons(): string[] {
    return this.messages.flatMap((c) => buttonsOf(c).map((b) => b.text));
  }
  get buttonData(): string[] {
    return this.messages.flatMap((c) => buttonsOf(c).map((b) => b.callback_data ?? ""));
  }
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}

/** Deletes every key under a test prefix. */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}

export function connectRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/**
 * One Redis connection for a test file and a fresh key prefix for every test, dropped after
 * it: the boilerplate every storage test needs, in one place.
 */
export function useTestRedis(): { redis: Redis; readonly prefix: string } {
  const redis = connectRedis();
  const state = { prefix: newPrefix() };
  afterEach(async () => {
    await dropPrefix(redis, state.prefix);
    state.prefix = newPrefix();
  });
  afterAll(async () => {
    await redis.quit();
  });
  return {
    redis,
    get prefix() {
      return state.prefix;
    },
  };
}
