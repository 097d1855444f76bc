/**
 * The one composition root: builds Senim once, for every place it runs — production
 * (main.ts: Redis, real Telegram), the console (`npm run chat`: memory or Redis, the fake
 * Telegram), the tests and the benchmark (real Redis, the fake Telegram). What it builds is
 * complete and frozen when createApp returns; nothing is assigned into it later. Start-up
 * only: nothing here runs per update.
 */
import { Api, type Bot, type BotConfig } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Cluster, Redis } from "ioredis";
import { createI18n, type Texts } from "./i18n.js";
import type { Logger } from "./logger.js";
import type { Lang, Topic } from "./domain.js";
import type { BotContext, BotDeps, SessionData, Stats } from "./bot/context.js";
import { createBot } from "./bot/index.js";
import { registerCommands } from "./bot/commands.js";
import { registerProfile } from "./bot/profile.js";
import { CaseDesk, type DeskDeps } from "./bot/desk/desk.js";
import { startDeskTimers } from "./bot/desk/timers.js";
import { DIALOGUE_TTL_MS } from "./bot/desk/resolve.js";
import { type DialogueStore, redisDialogues } from "./storage/dialogues.js";
import { checkStaffGroup } from "./bot/desk/setup.js";
import { keyspace, pseudonymizer } from "./storage/keys.js";
import { DEFAULT_TTL, memorySessionGate, RedisSessionGate } from "./storage/session.js";
import { type FloodLimit, memoryGuard, redisGuard } from "./storage/guard.js";
import { redisStats } from "./storage/stats.js";
import type { Referrals } from "./directory/referrals.js";
import { type LiveDirectory, loadLiveDirectory } from "./directory/live.js";
import { type DirectoryEntry, DirectoryEntrySchema, entriesToCsv, planUpload } from "./directory/edit.js";
import { RedisEditableStore } from "./storage/editable.js";
import { type EditableData, startDataSync, type Syncable, syncData } from "./bot/desk/data-editor.js";
import { type LiveReplies, loadLiveReplies, looksLikeReplies, planRepliesUpload, repliesToCsv, type SavedReply, SavedReplySchema } from "./cases/replies.js";
import { CaseFigures, type FigureStore, kzDay } from "./cases/figures.js";
import type { Hours } from "./directory/schema.js";
import { shippedModel } from "./triage/model/load.js";
import { FLOWS } from "./flows/topics/index.js";
import type { FlowDef } from "./flows/types.js";
import { RedisCaseStore } from "./storage/cases.js";
import { RedisOutbox, TELEGRAM_THROTTLE, type Throttle } from "./storage/outbox.js";
import { CaseService } from "./cases/service.js";
import type { WaitLimits } from "./cases/types.js";
import type { CaseStore } from "./cases/store.js";
import type { Outbox } from "./cases/outbox.js";
import { type Metrics, noMetrics } from "./metrics.js";

/** The operators' desk settings (from the config); without them there is no desk. */
export interface DeskOptions {
  /** The national staff group (OPERATOR_CHAT_ID). */
  staffChatId: number;
  /** Regional staff groups by region code (STAFF_GROUPS). */
  groups?: Readonly<Record<string, number>>;
  /** A regional group with this many cases waiting unclaimed overflows to the national group (STAFF_GROUP_OVERFLOW). */
  overflowAt?: number;
  supervisors: readonly number[];
  hours: Hours;
  waitLimits: WaitLimits;
  reopenWindowHours: number;
  retentionDays: number;
  staffLang: Lang;
  /**
   * The pace of the outbox per destination, shared by every instance: Telegram's limits unless
   * given (the tests' own clocks go without one).
   */
  throttle?: Throttle | "none";
}

export interface AppOptions {
  token: string;
  logger: Logger;
  /** Redis for sessions and shared state; without it everything lives in this process (the console). */
  redis?: Redis;
  /** Key prefix in Redis (one per deployment, one per test). */
  prefix: string;
  /** Secret for pseudonymous user keys (the config's pseudonymSecret). */
  pseudonymSecret: string;
  /** The HTTP transport: a self-hosted Bot API root, or the fake Telegram's fetch. */
  client?: BotConfig<BotContext>["client"];
  /** Who the bot is, when known without asking Telegram (tests, the console). */
  botInfo?: UserFromGetMe;
  /** Operators: needs Redis. */
  desk?: DeskOptions;
  /** Where counters go (main.ts serves them on /metrics); none by default. */
  metrics?: Metrics;
  now?: () => Date;
  i18n?: Texts;
  /** Seams for tests and the benchmark: other flows, a directory that fails. */
  flows?: Readonly<Partial<Record<Topic, FlowDef>>>;
  referrals?: (built: Referrals) => Referrals;
  /** Another flood limit (the benchmark's one user answering 40 questions in a second). */
  flood?: FloodLimit;
  /** How often each process looks in Redis for a directory or saved replies a supervisor uploaded (default 2 s). */
  directorySyncMs?: number;
}

export interface App {
  readonly bot: Bot<BotContext>;
  readonly deps: BotDeps;
  /** The operators' desk, when a staff group is configured. */
  readonly desk?: CaseDesk;
  /** Handles one update (the webhook passes its reply envelope). */
  handleUpdate(update: Update, reply?: Parameters<Bot<BotContext>["handleUpdate"]>[1]): Promise<void>;
  /** Asks Telegram who the bot is (unless known), registers the command list and checks the staff group. */
  init(): Promise<void>;
  /** Starts the desk's clocks (outbox delivery, raises, check-ins); returns their stop. */
  startTimers(): () => void;
}

const initialSession = (): SessionData => ({ prefs: {} });

/** Longest a Telegram call may take (grammY's own default is 500 s). */
const TELEGRAM_TIMEOUT_SECONDS = 30;

export function createApp(options: AppOptions): App {
  const i18n = options.i18n ?? createI18n();
  const logger = options.logger;
  const now = options.now ?? (() => new Date());
  // The directory in use: data/ at start, then whatever version supervisors upload (shared in Redis).
  const live = loadLiveDirectory((lang, key, vars) => i18n.t(lang, key, vars));
  // The saved replies likewise: data/replies.csv at start (a bad file stops the start, naming line and column).
  const replies = loadLiveReplies();
  // The crisis model is read at start: a missing or damaged file stops the start, not a child's first message.
  shippedModel();
  // Calls that must not ride in a webhook's answer, and relays (the outbox retries them, so no auto-retry).
  // Every Telegram call has a deadline: a call that hangs fails (and its update is delivered
  // again) instead of holding the update, its session and a clean shutdown forever.
  const client = { timeoutSeconds: TELEGRAM_TIMEOUT_SECONDS, ...options.client };
  const api = new Api(options.token, client);
  const storage = options.redis ? redisStorage(options.redis, options, now, i18n, live, replies, api) : memoryStorage(options.flood);
  const deps: BotDeps = Object.freeze({
    logger,
    i18n,
    pseudonym: pseudonymizer(options.pseudonymSecret),
    directory: live.view,
    referrals: options.referrals ? options.referrals(live.referrals) : live.referrals,
    flows: options.flows ?? FLOWS,
    now,
    metrics: options.metrics ?? noMetrics,
    api,
    ...storage,
  });
  const bot = createBot({ token: options.token, botInfo: options.botInfo, client, operatorChatId: options.desk?.staffChatId, staffChats: deps.desk?.staffChats }, deps);
  return Object.freeze({
    bot,
    deps,
    desk: deps.desk,
    handleUpdate: (update: Update, reply?: Parameters<Bot<BotContext>["handleUpdate"]>[1]) => bot.handleUpdate(update, reply),
    async init() {
      // One getMe (bot.init() would retry a network error forever): a Bot API that cannot be
      // reached stops the start with a clear line instead of silence.
      if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
      const desk = deps.desk;
      const staff = desk ? { chatIds: desk.staffChats, lang: desk.config.staffLang } : undefined;
      await registerCommands(bot.api, i18n, logger, staff);
      await registerProfile(bot.api, i18n, logger);
      // Say plainly what each staff group still lacks (a forum, the bot's rights).
      for (const chat of desk?.staffChats ?? []) {
        const setting = chat === desk!.config.staffChatId ? "OPERATOR_CHAT_ID" : `STAFF_GROUPS ${desk!.regionsOf(chat).join(", ")}`;
        await checkStaffGroup(api, chat, bot.botInfo.id, desk!.text, logger, setting);
      }
      // Start on the directory and replies supervisors uploaded, not on the files, when there are.
      for (const data of storage.dataSync ?? []) await syncData(data);
    },
    startTimers: () => {
      const stops = [
        deps.desk ? startDeskTimers(deps.desk, i18n, logger) : undefined,
        storage.dataSync ? startDataSync(storage.dataSync, options.directorySyncMs) : undefined,
      ];
      return () => stops.forEach((stop) => stop?.());
    },
  });
}

type Storage = Pick<BotDeps, "sessions" | "guard" | "stats" | "eraseUser" | "desk" | "editor"> & {
  /** Every process with Redis follows the directory and replies versions stored there. */
  dataSync?: readonly Syncable[];
};

/** The console: everything in this process; no desk (it needs Redis). */
function memoryStorage(flood?: FloodLimit): Storage {
  const sessions = memorySessionGate<SessionData>(initialSession, flood);
  return {
    sessions,
    guard: memoryGuard(),
    // Campaign counts are for the deployment's statistics; the console keeps none.
    stats: { countCampaign: async () => undefined },
    eraseUser: (user) => sessions.erase(user),
  };
}

function redisStorage(
  redis: Redis,
  options: AppOptions,
  now: () => Date,
  i18n: Texts,
  live: LiveDirectory,
  replies: LiveReplies,
  api: Api,
): Storage {
  const keys = keyspace(options.prefix);
  const logger = options.logger;
  const directory: EditableData<DirectoryEntry> = {
    kind: "dir",
    command: "directory",
    texts: "diredit",
    fileName: "senim-directory",
    live,
    store: new RedisEditableStore(redis, { live: keys.directory(), upload: keys.directoryUpload, record: DirectoryEntrySchema }),
    logger,
    recognises: (csv) => !looksLikeReplies(csv),
    toCsv: entriesToCsv,
    plan: (csv, current, today) => planUpload(csv, current, live.view.regions, today),
  };
  const savedReplies: EditableData<SavedReply> = {
    kind: "rpl",
    command: "replies",
    texts: "repedit",
    fileName: "senim-replies",
    live: replies,
    store: new RedisEditableStore(redis, { live: keys.replies(), upload: keys.repliesUpload, record: SavedReplySchema }),
    logger,
    recognises: looksLikeReplies,
    toCsv: repliesToCsv,
    plan: (csv, current) => planRepliesUpload(csv, current),
  };
  const figures = redisStats(redis, keys);
  const stats: Stats = { countCampaign: (tag) => figures.countCampaign(tag, kzDay(now().getTime())) };
  const d = options.desk;
  const clock = () => now().getTime();
  const throttle = d?.throttle === "none" ? undefined : (d?.throttle ?? TELEGRAM_THROTTLE);
  const store = d
    ? new RedisCaseStore(redis, keys, { reopenWindowMs: d.reopenWindowHours * 3_600_000, retentionSeconds: d.retentionDays * 24 * 3600, throttle })
    : undefined;
  const desk =
    d && store
      ? buildDesk(d, store, new RedisOutbox(redis, keys, { now: clock, pairsMs: d.retentionDays * 24 * 3_600_000, throttle }), redisDialogues(redis, keys, DIALOGUE_TTL_MS), figures, options.metrics ?? noMetrics, api, i18n, live.view, { replies, syncReplies: () => syncData(savedReplies) }, options.logger, clock)
      : undefined;
  return {
    sessions: new RedisSessionGate<SessionData>(redis, keys, initialSession, DEFAULT_TTL, options.flood),
    guard: redisGuard(redis, keys),
    stats,
    eraseUser: async (user) => {
      await store?.eraseUser(user, clock());
      await eraseMatching(redis, keys.userPattern(user));
    },
    desk,
    editor: d
      ? { directory, replies: savedReplies, staffChatId: d.staffChatId, staffLang: d.staffLang, isSupervisor: (id) => d.supervisors.includes(id), i18n, logger, now, download: fileDownloader(options) }
      : undefined,
    dataSync: [directory, savedReplies],
  };
}

/** Reads a file Telegram keeps (getFile's path) through the bot's own transport and API root. */
function fileDownloader(options: AppOptions): (filePath: string) => Promise<string> {
  const root = options.client?.apiRoot ?? "https://api.telegram.org";
  const fetchFile = options.client?.fetch ?? fetch;
  return async (filePath) => {
    const res = await fetchFile(`${root}/file/bot${options.token}/${filePath}`);
    if (!res.ok) throw new Error(`file download answered HTTP ${res.status}`);
    return await res.text();
  };
}

/** The operators' desk: the case service over the store and outbox, and its Telegram half. */
function buildDesk(
  d: DeskOptions,
  store: CaseStore,
  outbox: Outbox,
  dialogues: DialogueStore,
  figures: FigureStore,
  metrics: Metrics,
  api: Api,
  i18n: Texts,
  directory: BotDeps["directory"],
  replies: Pick<DeskDeps, "replies" | "syncReplies">,
  logger: Logger,
  clock: () => number,
): CaseDesk {
  const caseFigures = new CaseFigures(figures, metrics);
  const policy = {
    hours: d.hours,
    supervisors: d.supervisors,
    reopenWindowMs: d.reopenWindowHours * 3_600_000,
    retentionMs: d.retentionDays * 24 * 3_600_000,
    limits: d.waitLimits,
    maxRaises: 3,
    groups: d.groups,
    overflowAt: d.overflowAt,
  };
  return new CaseDesk(
    { staffChatId: d.staffChatId, staffLang: d.staffLang, groups: d.groups },
    {
      api,
      service: new CaseService(store, outbox, policy, logger, caseFigures),
      outbox,
      dialogues,
      figures: caseFigures,
      metrics,
      i18n,
      logger,
      regionName: (code, lang) => directory.regions.find((r) => r.code === code)?.name[lang],
      ...replies,
      now: clock,
    },
  );
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
