/**
 * The process, and nothing else: read the config, build the app (app.ts), start polling (grammY runner) or
 * the webhook server, and stop cleanly on SIGTERM/SIGINT: take no new updates, finish those
 * in flight, close Redis, exit 0.
 */
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Server } from "node:http";
import type { Update } from "grammy/types";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { createRedisFor, redisIsReady, redisMemory } from "./storage/redis.js";
import { createApp } from "./app.js";
import { createHttpServer, type WebhookReply } from "./server/http.js";
import { createMetrics } from "./server/metrics.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** How often polling mode checks that Redis answers (it pauses polling while it does not). */
const POLL_WATCH_MS = 1_000;

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const redis = createRedisFor({
    url: config.REDIS_URL,
    sentinels: config.REDIS_SENTINELS,
    sentinelName: config.REDIS_SENTINEL_NAME,
    clusterNodes: config.REDIS_CLUSTER_NODES,
  });
  redis.on("error", (err: Error) => logger.warn({ err }, "redis error"));
  if (!config.REDIS_CLUSTER_NODES && !config.REDIS_SENTINELS) await checkRedisDatabase(redis, config.REDIS_URL);
  const memory = await redisMemory(redis, 5_000);
  if (memory && memory.policy !== "noeviction") {
    logger.warn({ policy: memory.policy }, "Redis maxmemory-policy is not noeviction: when full it would evict cases and sessions; set maxmemory-policy noeviction");
  }
  const prometheus = createMetrics({
    processMetrics: true,
    queueLength: async () => (app.desk ? app.desk.store.queueLength() : 0),
    outboxPending: async () => (app.desk ? app.desk.pendingRelays() : 0),
    redisMemoryRatio: async () => (await redisMemory(redis))?.ratio ?? Number.NaN,
    oldestWaiting: async () => (app.desk ? app.desk.oldestWaiting() : {}),
  });
  const metricsRoute = { render: prometheus.render, contentType: prometheus.contentType, token: config.METRICS_TOKEN };
  const app = createApp({
    token: config.BOT_TOKEN,
    client: config.BOT_API_ROOT ? { apiRoot: config.BOT_API_ROOT } : undefined,
    metrics: prometheus.metrics,
    logger,
    redis,
    prefix: config.REDIS_PREFIX,
    pseudonymSecret: config.pseudonymSecret,
    desk: config.OPERATOR_CHAT_ID
      ? {
          staffChatId: config.OPERATOR_CHAT_ID,
          groups: config.STAFF_GROUPS,
          overflowAt: config.STAFF_GROUP_OVERFLOW,
          supervisors: config.SUPERVISOR_IDS ?? [],
          hours: config.OPERATOR_HOURS,
          waitLimits: config.WAIT_LIMITS,
          reopenWindowHours: config.REOPEN_WINDOW_HOURS,
          retentionDays: config.CASE_RETENTION_DAYS,
          staffLang: config.STAFF_LANG,
          throttle: { staffPerMinute: config.STAFF_GROUP_MESSAGES_PER_MINUTE, userPerMinute: config.USER_CHAT_MESSAGES_PER_MINUTE },
        }
      : undefined,
  });
  const telegram = config.BOT_API_ROOT ?? "https://api.telegram.org";
  await app.init().catch((err: unknown) => {
    throw new StartError(`cannot reach the Telegram Bot API at ${telegram} (BOT_TOKEN, BOT_API_ROOT, the network): ${messageOf(err)}`);
  });

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const handle = async (update: Update, reply?: WebhookReply) => {
    inFlight++;
    try {
      await app.handleUpdate(update, reply);
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };

  let runner: RunnerHandle | undefined;
  let pollWatch: NodeJS.Timeout | undefined;
  let stopping = false;
  let server: Server;
  if (config.BOT_MODE === "webhook") {
    const url = new URL(config.WEBHOOK_URL);
    server = createHttpServer({
      logger,
      ready: () => redisIsReady(redis),
      metrics: metricsRoute,
      webhook: { path: url.pathname, secret: config.WEBHOOK_SECRET, handle },
    });
    // Listening first: a port in use stops the start before Telegram is told to send here.
    await listen(server, config.PORT);
    await app.bot.api.setWebhook(config.WEBHOOK_URL, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } else {
    server = createHttpServer({ logger, ready: () => redisIsReady(redis), metrics: metricsRoute });
    await listen(server, config.PORT);
    await app.bot.api.deleteWebhook();
    const poll = () => run(app.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    runner = poll();
    // An update taken by polling is Telegram's no more: while Redis is away, take none (Telegram
    // keeps them for a day) and take them again once it is back, instead of answering each from
    // memory and losing it.
    let checking = false;
    pollWatch = setInterval(() => {
      if (checking || stopping) return;
      checking = true;
      void (async () => {
        const ready = await redisIsReady(redis);
        if (stopping) return;
        if (!ready && runner?.isRunning()) {
          logger.warn("redis unavailable: polling paused, Telegram keeps the updates");
          await runner.stop();
        } else if (ready && !runner?.isRunning()) {
          logger.info("redis is back: polling resumed");
          runner = poll();
        }
      })().finally(() => (checking = false));
    }, POLL_WATCH_MS);
    pollWatch.unref();
  }
  const stopTimers = app.startTimers();
  logger.info({ mode: config.BOT_MODE, port: config.PORT }, "senim started");

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: no new updates, finishing those in flight");
    server.close();
    stopTimers();
    clearInterval(pollWatch);
    // Bounded: a Telegram call that hangs must not keep the process (and its updates) forever.
    // What is still in flight then was not answered 200: Telegram delivers it again.
    const bound = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    const deadline = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), bound).unref());
    const finished = (async () => {
      if (runner?.isRunning()) await runner.stop();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      return "done" as const;
    })();
    const outcome = await Promise.race([finished, deadline]);
    if (outcome === "late") logger.warn({ inFlight, seconds: config.SHUTDOWN_TIMEOUT_SECONDS }, "stopping anyway: updates still in flight (Telegram delivers them again)");
    await Promise.race([redis.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    redis.disconnect();
    logger.info("stopped");
    process.exit(outcome === "done" ? 0 : 1);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/** A start-up failure a person must fix, named by its variable or cause. */
class StartError extends Error {}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Listens on the port, or fails with a line that names it. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(new StartError(err.code === "EADDRINUSE" ? `PORT ${port} is in use by another program` : `PORT ${port}: ${err.message}`)),
    );
    server.listen(port, () => resolve());
  });
}

/** Redis accepts any database number in the URL and quietly uses 0 when it does not exist: check. */
async function checkRedisDatabase(redis: Awaited<ReturnType<typeof createRedisFor>>, url: string): Promise<void> {
  const db = Number(new URL(url).pathname.slice(1) || "0");
  try {
    await redis.select(db);
  } catch (err) {
    throw new StartError(`REDIS_URL names database ${db}, which this Redis cannot use: ${messageOf(err)}`);
  }
}

main().catch((err: unknown) => {
  console.error(`Senim failed to start: ${messageOf(err)}`);
  process.exit(1);
});
