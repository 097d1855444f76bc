/**
 * Builds the bot's dependencies for a place to run: Redis (production, tests, `chat --redis`)
 * or memory (the console). Start-up only; nothing here runs per update.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Cluster, Redis } from "ioredis";
import { createI18n } from "./i18n.js";
import type { Logger } from "./logger.js";
import type { SessionData, Stats } from "./bot/context.js";
import type { CreateBotDeps } from "./bot/index.js";
import { keyspace, pseudonymizer } from "./storage/keys.js";
import { memorySessionGate, RedisSessionGate } from "./storage/session.js";
import { memoryGuard, redisGuard } from "./storage/guard.js";
import { loadReferrals } from "./directory/referrals.js";
import { shippedModel } from "./triage/model/load.js";
import { FLOWS } from "./flows/topics/index.js";
import type { Api } from "grammy";
import type { Lang } from "./domain.js";
import type { CaseStore } from "./cases/store.js";
import { RedisCaseStore } from "./storage/cases.js";
import { CaseDesk } from "./bot/desk/desk.js";
import type { Outbox } from "./cases/outbox.js";
import { RedisOutbox } from "./storage/outbox.js";
import { CaseService } from "./cases/service.js";
import type { WaitLimits } from "./cases/types.js";
import type { Hours } from "./directory/schema.js";
import { type Metrics, noMetrics } from "./metrics.js";

/** The operators' desk settings (from the config); without them there is no desk. */
export interface DeskOptions {
  staffChatId: number;
  supervisors: readonly number[];
  hours: Hours;
  waitLimits: WaitLimits;
  reopenWindowHours: number;
  retentionDays: number;
  staffLang: Lang;
}

export interface AppOptions {
  logger: Logger;
  /** Redis for sessions and shared state; without it everything lives in this process. */
  redis?: Redis;
  /** Key prefix in Redis (one per deployment, one per test). */
  prefix: string;
  /** Secret for pseudonymous user keys (the config's pseudonymSecret). */
  pseudonymSecret: string;
  i18n?: I18n;
  now?: () => Date;
  /** Operators: needs Redis. */
  desk?: DeskOptions;
  /** Where counters go (main.ts serves them on /metrics); none by default. */
  metrics?: Metrics;
}

/**
 * The desk needs the bot's API, which exists only once the bot does: createBot calls this.
 * Its case store is built before (buildDeps), so that /forget erases cases whichever copy of
 * the dependencies a bot was given.
 */
function deskFactory(deps: CreateBotDeps, d: DeskOptions, store: CaseStore, outbox: Outbox): (api: Api) => CaseDesk {
  const clock = () => deps.now().getTime();
  return (api) =>
    new CaseDesk(
      { staffChatId: d.staffChatId, staffLang: d.staffLang },
      {
        api,
        service: new CaseService(
          store,
          outbox,
          {
            hours: d.hours,
            supervisors: d.supervisors,
            reopenWindowMs: d.reopenWindowHours * 3_600_000,
            retentionMs: d.retentionDays * 24 * 3_600_000,
            limits: d.waitLimits,
            maxRaises: 3,
          },
          deps.logger,
        ),
        outbox,
        i18n: deps.i18n,
        logger: deps.logger,
        regionName: (code, lang) => deps.directory.regions.find((r) => r.code === code)?.name[lang],
        now: clock,
      },
    );
}

export function buildDeps(options: AppOptions): CreateBotDeps {
  const i18n = options.i18n ?? createI18n();
  const keys = keyspace(options.prefix);
  const { directory, referrals } = loadReferrals((lang, key, vars) => i18n.t(lang, key, vars));
  // The crisis model is read at start: a missing or damaged file stops the start, not a child's first message.
  shippedModel();
  const base = {
    logger: options.logger,
    i18n,
    pseudonym: pseudonymizer(options.pseudonymSecret),
    directory,
    flows: FLOWS,
    referrals,
    now: options.now ?? (() => new Date()),
    metrics: options.metrics ?? noMetrics,
  };
  const redis = options.redis;
  if (!redis) {
    const sessions = memorySessionGate<SessionData>(() => ({ prefs: {} }));
    return {
      ...base,
      sessions,
      guard: memoryGuard(),
      // Campaign counts are for the deployment's statistics; the console keeps none.
      stats: { countCampaign: async () => undefined },
      eraseUser: (user) => sessions.erase(user),
    };
  }
  const stats: Stats = {
    countCampaign: async (tag) => {
      await redis.hincrby(keys.campaigns(), tag, 1);
    },
  };
  const d = options.desk;
  const store = d
    ? new RedisCaseStore(redis, keys, { reopenWindowMs: d.reopenWindowHours * 3_600_000, retentionSeconds: d.retentionDays * 24 * 3600 })
    : undefined;
  const deps: CreateBotDeps = {
    ...base,
    sessions: new RedisSessionGate<SessionData>(redis, keys, () => ({ prefs: {} })),
    guard: redisGuard(redis, keys),
    stats,
    eraseUser: async (user) => {
      await store?.eraseUser(user);
      await eraseMatching(redis, keys.userPattern(user));
    },
  };
  if (d && store) deps.deskFactory = deskFactory(deps, d, store, new RedisOutbox(redis, keys, { now: () => deps.now().getTime() }));
  return deps;
}

/** Deletes every key matching a pattern, in batches (SCAN, never KEYS), on every master of a cluster. */
async function eraseMatching(redis: Redis, pattern: string): Promise<void> {
  const cluster = redis as unknown as Partial<Cluster>;
  const nodes = typeof cluster.nodes === "function" ? (cluster.nodes("master") as Redis[]) : [redis];
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, found] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      // One call per page: keys share a slot (Cluster requires a {hash tag} prefix).
      if (found.length > 0) await redis.unlink(...found);
    } while (cursor !== "0");
  }
}
