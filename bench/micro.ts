/**
 * A micro-benchmark of the bot alone (no HTTP): CPU per update for a few kinds of update,
 * driven through bot.handleUpdate with real Redis and the fake Bot API. For profiling:
 *   node --cpu-prof --import tsx bench/micro.ts [kind] [n] [concurrency]
 */
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { createApp } from "../src/app.js";
import { secretFromToken } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createRedis } from "../src/storage/redis.js";
import { BOT_INFO, FAKE_TOKEN, FakeTelegram } from "../src/testing/fake-telegram.js";
import { UpdateFactory } from "../src/testing/updates.js";

const kind = process.argv[2] ?? "all";
const n = Number(process.argv[3] ?? 4000);
const concurrency = Number(process.argv[4] ?? 16);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `senim-micro:${randomUUID().slice(0, 8)}`;

const redis = createRedis(redisUrl);
const telegram = new FakeTelegram();
let telegramCalls = 0;
telegram.onCall = () => {
  telegramCalls++;
  telegram.clear();
};
const sink = new Writable({ write: (_c, _e, done) => done() });
const { bot } = createApp({
  token: FAKE_TOKEN,
  botInfo: BOT_INFO,
  client: { fetch: telegram.fetch },
  logger: createLogger("info", sink),
  redis,
  prefix,
  pseudonymSecret: secretFromToken(FAKE_TOKEN),
});

type Script = (u: UpdateFactory) => ReturnType<UpdateFactory["text"]>[];
const scripts: Record<string, Script> = {
  menu: (u) => [u.text("/menu")],
  tap: (u) => [u.callback("m:menu")],
  text: (u) => [u.text("не знаю что делать")],
  flow: (u) => [u.callback("t:bullying"), u.callback("f:bullying:who:me"), u.callback("f:bullying:where:school")],
};

let nextUser = 900000;
/** A new user who chose Russian and "parent" (a user sends at most 12 updates: no flood limit). */
async function newUser(): Promise<UpdateFactory> {
  const u = new UpdateFactory({ id: nextUser++, language_code: "ru" });
  await bot.handleUpdate(u.text("/start"));
  await bot.handleUpdate(u.callback("lang:ru:role"));
  await bot.handleUpdate(u.callback("role:parent"));
  return u;
}

async function run(name: string, script: Script) {
  // Users are onboarded first, outside the measurement.
  const per = 12;
  const users: UpdateFactory[] = [];
  for (let i = 0; i < Math.ceil(n / per) + concurrency; i++) users.push(await newUser());
  let sent = 0;
  let next = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < n) {
        const u = users[next++]!;
        for (let k = 0; k < per && sent < n; ) {
          for (const update of script(u)) {
            sent++;
            k++;
            await bot.handleUpdate(update);
          }
        }
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(6)} ${sent} updates, ${((used.user + used.system) / sent).toFixed(0)} µs CPU/update, ${((sent * 1000) / ms).toFixed(0)} upd/s, ${telegramCalls / sent} API calls/update`);
  telegramCalls = 0;
}

await bot.init();
for (const [name, script] of Object.entries(scripts)) if (kind === "all" || kind === name) await run(name, script);
const admin = new Redis(redisUrl);
const keys = await admin.keys(`${prefix}:*`);
if (keys.length) await admin.del(...keys);
await admin.quit();
await redis.quit();
