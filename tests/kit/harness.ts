/**
 * The test kit: the real app (createApp, as main.ts builds it) on a fake Telegram, with real Redis under a prefix of
 * its own, or memory. Each test reads as a conversation: send this, expect that.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach } from "vitest";
import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { type AppOptions, createApp, type DeskOptions } from "../../src/app.js";
import { DEFAULT_WAIT_LIMITS, secretFromToken } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Lang, Role } from "../../src/domain.js";
import { BOT_INFO, buttonsOf, FAKE_TOKEN, FakeTelegram, textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { UpdateFactory } from "../../src/testing/updates.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface HarnessOptions {
  redis?: Redis;
  prefix?: string;
  operatorChatId?: number;
  now?: () => Date;
  /** Operators' desk settings (staffChatId defaults to operatorChatId). */
  desk?: Partial<DeskOptions>;
  /** The composition root's seams: a flow of the test's own, counters, a directory that fails. */
  app?: Pick<AppOptions, "flows" | "metrics" | "referrals">;
}

/** Log lines written by the bot during a test, to check nothing private is logged. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
}

/**
 * The one way a test names its Redis keys: `senim-test:<name>:<random>`, so a key left behind
 * says which test file wrote it. Use it through `useTestRedis`, which also drops the keys.
 */
export function testPrefix(name: string): string {
  return `senim-test:${name}:${randomUUID().slice(0, 8)}`;
}

export function createHarness(options: HarnessOptions = {}) {
  const telegram = new FakeTelegram();
  const logs = new LogSink();
  const logger = createLogger("info", logs);
  const prefix = options.prefix ?? testPrefix("harness");
  const app = createApp({
    token: FAKE_TOKEN,
    botInfo: BOT_INFO,
    client: { fetch: telegram.fetch },
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
            // A test's clock stands still: Telegram's pace would hold messages forever. The
            // pace has its own tests (tests/cases/throttle.test.ts, tests/hardening/throttle.test.ts).
            throttle: "none",
            ...options.desk,
          }
        : undefined,
    ...options.app,
  });
  const { bot, deps } = app;

  /** Sends one update and returns the Bot API calls it caused. */
  async function send(update: Update): Promise<ApiCall[]> {
    const from = telegram.mark();
    await bot.handleUpdate(update);
    return telegram.since(from);
  }

  return { app, bot, telegram, logs, prefix, deps, send };
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

/**
 * /start (optionally with a deep-link payload) → language → role, pressing the buttons by their
 * callback data; returns the menu.
 */
export async function onboard(user: TestUser, lang: Lang, role: Role, payload?: string): Promise<Reply> {
  await user.say(payload ? `/start ${payload}` : "/start");
  await user.press(`lang:${lang}:role`);
  return user.press(`role:${role}`);
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

export interface TestRedis {
  redis: Redis;
  /** This test's prefix (with `shared`, the file's). */
  readonly prefix: string;
  /** One more prefix for this test (a second bot on keys of its own), dropped after it too. */
  fresh(): string;
}

/**
 * Real Redis for a test file: one connection, closed after the file, and key prefixes from
 * `testPrefix(name)` whose keys are dropped after every test (also when it fails). `prefix` is
 * fresh for every test; with `shared`, one prefix serves the whole file (for processes started
 * once per file, or a file that reads `prefix` once), still emptied after every test.
 */
export function useTestRedis(name: string, options: { shared?: boolean } = {}): TestRedis {
  const redis = connectRedis();
  const shared = options.shared ? testPrefix(name) : undefined;
  let current = shared ?? testPrefix(name);
  let extra: string[] = [];
  afterEach(async () => {
    for (const prefix of [current, ...extra]) await dropPrefix(redis, prefix);
    extra = [];
    current = shared ?? testPrefix(name);
  });
  afterAll(async () => {
    if (shared) await dropPrefix(redis, shared);
    await redis.quit();
  });
  return {
    redis,
    get prefix() {
      return current;
    },
    fresh() {
      const prefix = testPrefix(name);
      extra.push(prefix);
      return prefix;
    },
  };
}
