/**
 * createBot: the whole Telegram face of Senim, built from injected dependencies so that
 * production (Redis, real Telegram), tests (real Redis, fake HTTP transport) and the console
 * (memory, printed replies) run the very same bot.
 */
import { Api, Bot, type BotConfig, session } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { UserFromGetMe } from "grammy/types";
import { languageFromTelegram } from "../i18n.js";
import { createTopicFlow, FLOW_CONVERSATION, FLOW_VERSION } from "../flows/engine.js";
import { scrubReplayState } from "../flows/scrub.js";
import type { BaseContext, BotContext, BotDeps, SessionData } from "./context.js";
import { apologize } from "./features/errors.js";
import { degrade } from "./features/degraded.js";
import { startFeature } from "./features/start.js";
import { languageFeature } from "./features/language.js";
import { roleFeature } from "./features/role.js";
import { menuFeature, topicStarter } from "./features/menu.js";
import { helpFeature } from "./features/help.js";
import { privacyFeature } from "./features/privacy.js";
import { forgetFeature } from "./features/forget.js";
import { hideFeature } from "./features/hide.js";
import { casesFeature } from "./desk/user.js";
import { assessFeature, crisisFeature } from "./features/crisis.js";
import { deskFeature } from "./desk/staff.js";
import { nearFeature } from "./features/near.js";
import { fallbackFeature } from "./features/fallback.js";
import { groupsFeature } from "./features/groups.js";
import { updateKind } from "./update-kind.js";
import type { Context } from "grammy";

export interface CreateBotConfig {
  token: string;
  /** The staff supergroup (operators); other groups are left. */
  operatorChatId?: number;
  /** Skip getMe: tests and the console know who the bot is. */
  botInfo?: UserFromGetMe;
  /** The HTTP transport: a self-hosted Bot API root, or a fake fetch in tests and the console. */
  client?: BotConfig<BotContext>["client"];
}

export type CreateBotDeps = BotDeps;

export function createBot(config: CreateBotConfig, deps: CreateBotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.token, {
    botInfo: config.botInfo,
    // In webhook mode a button press is answered in the webhook's HTTP answer: one request to
    // Telegram fewer for most updates (the server passes grammY's reply envelope).
    client: { ...config.client, canUseWebhookReply: (method) => method === "answerCallbackQuery" },
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  deps.api = bot.api;

  // Outermost: how long each kind of update takes (waiting for its turn included), and how it ended.
  const metrics = deps.metrics;
  bot.use(async (ctx, next) => {
    const started = performance.now();
    let outcome: "ok" | "error" = "error";
    try {
      await next();
      if (!ctx.failed) outcome = "ok";
    } finally {
      metrics.update(updateKind(ctx, config.operatorChatId), (performance.now() - started) / 1000, outcome);
    }
  });

  // One update per chat at a time in this process (the runner handles chats concurrently). The
  // staff group is one chat but many cases: each forum topic (a case) is its own line, so one
  // operator's reply does not wait behind every other operator's.
  bot.use(sequentialize(sequenceKey));
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    await next();
  });
  bot.use(deps.i18n.middleware());

  // Once per update: a duplicate delivery is dropped, a flooding user slowed down politely.
  // For a private chat the session storage does it in the same round trip as reading and
  // locking the session (admit); the lock is given back however the update ends.
  bot.use(async (ctx, next) => {
    const user = ctx.chat?.type === "private" ? deps.pseudonym(ctx.chat.id) : undefined;
    const storage = deps.sessionStorage;
    let verdict;
    try {
      verdict =
        user && storage.admit ? await storage.admit(user, ctx.update.update_id) : await deps.guard.check(ctx.update.update_id, user);
    } catch (err) {
      if (ctx.chat?.type !== "private") throw err;
      return degrade(ctx, err);
    }
    try {
      if (verdict === "duplicate") return metrics.dropped("duplicate");
      if (verdict === "flood" || verdict === "flood-first") {
        metrics.dropped("flood");
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        if (verdict === "flood-first") await ctx.reply(`${ctx.t("flood")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
        return;
      }
      await next();
    } finally {
      if (user) await storage.release?.(user);
    }
  });

  // Relays get their own API without auto-retry: the outbox retries them without holding up the update.
  if (deps.deskFactory) deps.desk = deps.deskFactory(new Api(config.token, config.client));
  if (deps.desk) {
    bot.errorBoundary((err) => {
      err.ctx.failed = true;
      deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "staff update failed");
    }, deskFeature(deps.desk));
  }
  bot.use(groupsFeature(config.operatorChatId));

  const users = bot.chatType("private");
  const sessionMiddleware = session<SessionData, BaseContext>({
    initial: () => ({ prefs: {} }),
    getSessionKey: (ctx) => (ctx.chat?.type === "private" ? deps.pseudonym(ctx.chat.id) : undefined),
    storage: deps.sessionStorage,
  });
  users.use(async (ctx, next) => {
    let loaded = false;
    try {
      await sessionMiddleware(ctx, async () => {
        loaded = true;
        await next();
      });
    } catch (err) {
      if (loaded) {
        // The user was answered; only saving their state failed.
        ctx.log.error({ err }, "session write failed");
        return;
      }
      return degrade(ctx, err);
    }
  });
  users.use(async (ctx, next) => {
    const saved = ctx.session.prefs.lang;
    if (saved && saved !== ctx.lang) {
      ctx.lang = saved;
      await ctx.i18n.renegotiateLocale();
    }
    await next();
  });

  const guarded = users.errorBoundary(apologize);
  guarded.use(
    conversations<BotContext, Context>({
      storage: {
        type: "context",
        version: FLOW_VERSION,
        adapter: {
          // /forget sets the session to null; then there is nothing to read or write.
          read: (ctx) => (ctx.session?.conv ?? undefined) as never,
          write: (ctx, state) => {
            if (ctx.session) ctx.session.conv = scrubReplayState(state);
          },
          delete: (ctx) => {
            if (ctx.session) {
              delete ctx.session.conv;
              // Leaving the flow (menu, cancel, another topic) leaves no answers behind.
              delete ctx.session.flow;
            }
          },
        },
      },
    }),
  );
  guarded.use(
    assessFeature,
    startFeature,
    languageFeature,
    roleFeature,
    menuFeature,
    helpFeature,
    privacyFeature,
    forgetFeature,
    hideFeature,
    nearFeature,
    casesFeature,
    crisisFeature,
  );
  // The flow sends through the outer context (inside `conversation.external`), so its calls
  // go through bot.api and its auto-retry; the conversation itself calls no Bot API method.
  guarded.use(
    createConversation(
      createTopicFlow({
        i18n: deps.i18n,
        flows: deps.flows,
        referralCards: deps.referrals.referralCards,
        regions: deps.referrals.regions,
      }),
      FLOW_CONVERSATION,
    ),
  );
  guarded.use(topicStarter, fallbackFeature);

  bot.catch(apologize);
  return bot;
}

/** Updates with the same key are handled one after another: per chat, and per forum topic in groups. */
export function sequenceKey(ctx: Context): string | undefined {
  const chat = ctx.chat?.id;
  if (typeof chat !== "number") return undefined;
  if (ctx.chat?.type === "private") return String(chat);
  const thread = ctx.msg?.message_thread_id ?? ctx.callbackQuery?.message?.message_thread_id;
  return thread === undefined ? String(chat) : `${chat}:${thread}`;
}
