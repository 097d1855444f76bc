/**
 * The two bots under test, each behind the real webhook server (createHttpServer) on
 * 127.0.0.1:0 with its own Redis connection (production settings), key prefix and fake
 * Bot API: Senim exactly as main.ts builds it (createApp), and a bare grammY bot
 * with the same session storage that answers "ok" to everything. The peer (peer.ts) is built
 * on the same rig.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Writable } from "node:stream";
import { Bot, type Context, session, type SessionFlavor, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { createApp } from "../../src/app.js";
import { DEFAULT_WAIT_LIMITS, secretFromToken } from "../../src/config.js";
import type { BotDeps } from "../../src/bot/context.js";
import { createLogger } from "../../src/logger.js";
import { createHttpServer, type WebhookReply } from "../../src/server/http.js";
import { createMetrics } from "../../src/server/metrics.js";
import { createRedis } from "../../src/storage/redis.js";
import { pseudonymizer, type Pseudonymize } from "../../src/storage/keys.js";
import type { FloodLimit } from "../../src/storage/guard.js";
import { BOT_INFO, FAKE_TOKEN, FakeTelegram, type ApiCall } from "../../src/testing/fake-telegram.js";
import { RedisMeter } from "./meter.js";

export const STAFF_CHAT = -1001234500000;
export const WEBHOOK_PATH = "/telegram";
export const WEBHOOK_SECRET = "bench_secret_0123456789abcdef";

/** Log lines of a bot, counted (errors are reported, a benchmark of failures is worthless). */
export class LogCounter extends Writable {
  lines = 0;
  errors = 0;
  readonly samples: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      this.lines++;
      const level = (JSON.parse(line) as { level?: number }).level ?? 0;
      if (level >= 40) {
        this.errors++;
        if (this.samples.length < 5) this.samples.push(line.slice(0, 400));
      }
    }
    done();
  }
}

export interface BotUnderTest {
  name: string;
  port: number;
  prefix: string;
  redis: Redis;
  meter: RedisMeter;
  telegram: FakeTelegram;
  logs: LogCounter;
  pseudonym: Pseudonymize;
  /** Server-side time of bot.handleUpdate per update (ms). */
  handleTimes: number[];
  /** Counts Bot API calls (the fake keeps no history here). */
  apiCalls: number;
  /** Bot API calls made in the webhook's HTTP answer instead (answering button presses). */
  webhookReplies: number;
  deps?: BotDeps;
  close(): Promise<void>;
}

export interface StartOptions {
  redisUrl: string;
  prefix: string;
  desk: boolean;
  /** Sees every Bot API call of the bot (the workload reads replies from here). */
  onCall?: (call: ApiCall) => void;
}

export interface SenimOptions extends StartOptions {
  /** Replaces the topic flows in Senim's dependencies (the bench's 40-question flow). */
  flows?: BotDeps["flows"];
  /** Another flood limit (one user answering 40 questions in a second is no flood here). */
  flood?: FloodLimit;
}

async function serve(
  handle: (update: Update, reply: WebhookReply) => Promise<void>,
  logs: LogCounter,
  times: number[],
  counts: { webhookReplies: number },
) {
  const logger = createLogger("info", logs);
  const server = createHttpServer({
    logger,
    ready: async () => true,
    webhook: {
      path: WEBHOOK_PATH,
      secret: WEBHOOK_SECRET,
      handle: async (update, reply) => {
        const t0 = performance.now();
        await handle(update, {
          send: (body) => {
            counts.webhookReplies++;
            reply.send(body);
          },
        });
        times.push(performance.now() - t0);
      },
    },
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function fakeTelegram(target: { apiCalls: number; webhookReplies: number }, onCall?: (call: ApiCall) => void): FakeTelegram {
  const telegram = new FakeTelegram();
  telegram.onCall = (call) => {
    target.apiCalls++;
    onCall?.(call);
    telegram.clear(); // keep no history: it would grow the heap we measure
  };
  return telegram;
}

/** What every bot under test has: its Redis connection, meter, log counter and fake Bot API. */
export async function rig(options: StartOptions) {
  const redis = createRedis(options.redisUrl);
  await redis.ping();
  const state = { apiCalls: 0, webhookReplies: 0 };
  return {
    redis,
    meter: new RedisMeter(redis),
    logs: new LogCounter(),
    handleTimes: [] as number[],
    state,
    telegram: fakeTelegram(state, options.onCall),
  };
}

/** Serves a bot's handleUpdate behind the webhook server and measures it, the same way for every bot. */
export async function underTest(
  name: string,
  options: StartOptions,
  r: Awaited<ReturnType<typeof rig>>,
  handle: (update: Update, reply: WebhookReply) => Promise<void>,
  pseudonym: Pseudonymize,
  deps?: BotDeps,
): Promise<BotUnderTest> {
  const { server, port } = await serve(handle, r.logs, r.handleTimes, r.state);
  return {
    name,
    port,
    prefix: options.prefix,
    redis: r.redis,
    meter: r.meter,
    telegram: r.telegram,
    logs: r.logs,
    pseudonym,
    handleTimes: r.handleTimes,
    get apiCalls() {
      return r.state.apiCalls;
    },
    get webhookReplies() {
      return r.state.webhookReplies;
    },
    deps,
    close: async () => {
      await closeServer(server);
      await r.redis.quit();
    },
  };
}

/**
 * Senim as main.ts builds it. The one place the bench constructs Senim: when the composition
 * root changes, only this function follows it.
 */
export async function startSenim(options: SenimOptions): Promise<BotUnderTest> {
  const r = await rig(options);
  const app = createApp({
    token: FAKE_TOKEN,
    botInfo: BOT_INFO,
    client: { fetch: r.telegram.fetch },
    flows: options.flows,
    flood: options.flood,
    // As in production: counted for /metrics (nobody scrapes here).
    metrics: createMetrics({ processMetrics: true }).metrics,
    logger: createLogger("info", r.logs),
    redis: r.redis,
    prefix: options.prefix,
    pseudonymSecret: secretFromToken(FAKE_TOKEN),
    desk: options.desk
      ? {
          staffChatId: STAFF_CHAT,
          supervisors: [],
          hours: "24/7",
          waitLimits: DEFAULT_WAIT_LIMITS,
          reopenWindowHours: 72,
          retentionDays: 30,
          staffLang: "en",
          // The bench drives thousands of cases a minute into one group: at Telegram's pace
          // most relays would wait for the timers, and Senim would be measured doing less.
          throttle: "none",
        }
      : undefined,
  });
  return underTest("senim", options, r, app.handleUpdate, app.deps.pseudonym, app.deps);
}

interface BareSession {
  prefs: object;
  seen: number;
}
type BareContext = Context & SessionFlavor<BareSession>;

export async function startBare(options: StartOptions): Promise<BotUnderTest> {
  const r = await rig(options);
  const pseudonym = pseudonymizer(secretFromToken(FAKE_TOKEN));
  const bot = new Bot<BareContext>(FAKE_TOKEN, { botInfo: BOT_INFO, client: { fetch: r.telegram.fetch } });
  // The plain way: grammY's session over GET and SET, one round trip each.
  const key = (user: string) => `${options.prefix}:bare:${user}`;
  const storage: StorageAdapter<BareSession> = {
    read: async (user) => {
      const json = await r.redis.get(key(user));
      return json ? (JSON.parse(json) as BareSession) : undefined;
    },
    write: async (user, value) => {
      await r.redis.set(key(user), JSON.stringify(value), "EX", 86_400);
    },
    delete: async (user) => {
      await r.redis.del(key(user));
    },
  };
  bot.use(
    session<BareSession, BareContext>({
      initial: () => ({ prefs: {}, seen: 0 }),
      getSessionKey: (ctx) => (ctx.chat?.type === "private" ? pseudonym(ctx.chat.id) : undefined),
      storage,
    }),
  );
  bot.use(async (ctx) => {
    if (ctx.chat?.type === "private") ctx.session.seen++;
    await ctx.reply("ok");
  });
  return underTest("bare", options, r, (u, reply) => bot.handleUpdate(u, reply), pseudonym);
}
