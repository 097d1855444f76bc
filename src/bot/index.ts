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
import { answerWithoutStorage, StorageUnavailable } from "./features/degraded.js";
import { startFeature } from "./features/start.js";
import { languageFeature } from "./features/language.js";
import { roleFeature } from "./features/role.js";
import { menuFeature, topicStarter } from "./features/menu.js";
import { helpFeature } from "./features/help.js";
import { privacyFeature } from "./features/privacy.js";
import { forgetFeature } from "./features/forget.js";
import { hideFeature } from "./features/hide.js";
import { casesFeature } from "./features/cases.js";
import { assessFeature, crisisFeature } from "./features/crisis.js";
import { deskFeature } from "./features/desk.js";
import { nearFeature } from "./features/near.js";
import { fallbackFeature } from "./features/fallback.js";
import { groupsFeature } from "./features/groups.js";
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
  const bot = new Bot<BotContext>(config.token, { botInfo: config.botInfo, client: config.client });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  const resolvedDeps: BotDeps = deps;

  // One update per chat at a time in this process (the runner handles chats concurrently).
  bot.use(sequentialize((ctx) => (typeof ctx.chat?.id === "number" ? String(ctx.chat.id) : undefined)));
  bot.use(async (ctx, next) => {
    ctx.deps = resolvedDeps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    await next();
  });
  bot.use(deps.i18n.middleware());

  // Once per update: a duplicate delivery is dropped, a flooding user slowed down politely.
  bot.use(async (ctx, next) => {
    const user = ctx.chat?.type === "private" ? deps.pseudonym(ctx.chat.id) : undefined;
    let verdict;
    try {
      verdict = await deps.guard.check(ctx.update.update_id, user);
    } catch (err) {
      if (ctx.chat?.type !== "private") throw err;
      ctx.log.warn({ err }, "storage unavailable; answering without it");
      await answerWithoutStorage(ctx);
      throw new StorageUnavailable(err);
    }
    if (verdict === "duplicate") return;
    if (verdict === "flood" || verdict === "flood-first") {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (verdict === "flood-first") await ctx.reply(`${ctx.t("flood")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
      return;
    }
    await next();
  });

  // Relays get their own API without auto-retry: the outbox retries them without holding up the update.
  if (deps.deskFactory) deps.desk = deps.deskFactory(new Api(config.token, config.client));
  if (deps.desk) {
    bot.errorBoundary((err) => deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "staff update failed"), deskFeature(deps.desk));
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
      ctx.log.warn({ err }, "session storage unavailable; answering without it");
      await answerWithoutStorage(ctx);
      throw new StorageUnavailable(err);
    } finally {
      await deps.sessionStorage.release?.(deps.pseudonym(ctx.chat.id));
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
            if (ctx.session) delete ctx.session.conv;
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
  guarded.use(
    createConversation(
      createTopicFlow({
        i18n: deps.i18n,
        flows: deps.flows,
        referralCards: deps.referrals.referralCards,
        regions: deps.referrals.regions,
      }),
      {
      id: FLOW_CONVERSATION,
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
          await next();
        },
      ],
    }),
  );
  guarded.use(topicStarter, fallbackFeature);

  bot.catch(apologize);
  return bot;
}

