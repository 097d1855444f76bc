/**
 * createBot: the whole Telegram face of Senim over dependencies built once by the composition
 * root (src/app.ts), so that production, the tests, the console and the benchmark run the very
 * same bot. It reads its dependencies and never changes them.
 */
import { Bot, type BotConfig } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { UserFromGetMe } from "grammy/types";
import { languageFromTelegram, readerVars } from "../i18n.js";
import type { BotContext, BotDeps } from "./context.js";
import { SessionLockLost } from "../storage/session.js";
import { storageUnavailable } from "../storage/redis.js";
import { apologizer } from "./features/errors.js";
import { telegramUnavailable } from "./telegram-errors.js";
import { answerCrisisFromMemory, degrader, urgentText } from "./features/degraded.js";
import { startFeature } from "./features/start.js";
import { languageFeature } from "./features/language.js";
import { roleAgainFeature, roleFeature } from "./features/role.js";
import { menuFeature } from "./features/menu.js";
import { createFlows } from "./features/flow.js";
import { helpFeature } from "./features/help.js";
import { privacyFeature } from "./features/privacy.js";
import { forgetFeature } from "./features/forget.js";
import { comebackFeature, hideFeature } from "./features/hide.js";
import { casesFeature } from "./desk/user.js";
import { assessFeature, crisisFeature } from "./features/crisis.js";
import { deskFeature } from "./desk/staff.js";
import { dataEditorFeature } from "./desk/data-editor.js";
import { readDialogueEarly } from "./desk/resolve.js";
import { nearFeature } from "./features/near.js";
import { fallbackFeature } from "./features/fallback.js";
import { groupsFeature } from "./features/groups.js";
import { updateKind } from "./update-kind.js";
import { Router } from "./router.js";
import type { Context } from "grammy";
import type { Logger } from "../logger.js";

export interface CreateBotConfig {
  token: string;
  /** The national staff supergroup (operators); other groups are left. */
  operatorChatId?: number;
  /** Every staff group (the national one and the regional ones); none: only `operatorChatId`. */
  staffChats?: readonly number[];
  /** Skip getMe: tests and the console know who the bot is. */
  botInfo?: UserFromGetMe;
  /** The HTTP transport: a self-hosted Bot API root, or a fake fetch in tests and the console. */
  client?: BotConfig<BotContext>["client"];
}

export function createBot(config: CreateBotConfig, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.token, {
    botInfo: config.botInfo,
    // In webhook mode a button press is answered in the webhook's HTTP answer: one request to
    // Telegram fewer for most updates (the server passes grammY's reply envelope).
    client: { ...config.client, canUseWebhookReply: (method) => method === "answerCallbackQuery" },
  });
  // Retries 429s it can wait for and 5xx three times; a network error or a timeout fails the call at once
  // (the plugin would retry it forever): the update fails and Telegram delivers it again.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));

  const degrade = degrader(deps);
  const staffChats = config.staffChats ?? (config.operatorChatId === undefined ? [] : [config.operatorChatId]);
  // Everything below runs on one Router (router.ts): no Composer or closure chain built per update.
  const root = new Router<BotContext>();
  bot.use(root);

  // Outermost: how long each kind of update takes (waiting for its turn included), and how it ended.
  const metrics = deps.metrics;
  root.use(async (ctx, next) => {
    const started = performance.now();
    let outcome: "ok" | "error" = "error";
    try {
      await next();
      if (!ctx.failed) outcome = "ok";
    } finally {
      metrics.update(updateKind(ctx, staffChats), (performance.now() - started) / 1000, outcome);
    }
  });

  // One update per chat at a time in this process (the runner handles chats concurrently). The
  // staff group is one chat but many cases: each forum topic (a case) is its own line, so one
  // operator's reply does not wait behind every other operator's.
  root.use(sequentialize(sequenceKey));
  root.use(async (ctx, next) => {
    // The update's logger is made when something is logged (an error): a pino child per update
    // cost more than the rest of this middleware.
    let log: Logger | undefined;
    Object.defineProperty(ctx, "log", { get: () => (log ??= deps.logger.child({ update_id: ctx.update.update_id })), configurable: true });
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    ctx.t = (key, vars) => deps.i18n.t(ctx.lang, key, vars);
    ctx.personOffer = () => (deps.desk ? (deps.desk.duty(deps.now().getTime()).onDuty ? "now" : "later") : "phone");
    await next();
  });

  // Once per update: a duplicate delivery is dropped, a flooding user slowed down politely.
  // A private chat's update is admitted by the session gate, which does both in the same round
  // trip as reading and locking the session; the update then ends by saving the session (or,
  // when it failed, by releasing it). Other chats only get the duplicate check.
  root.use(async (ctx, next) => {
    if (ctx.chat?.type !== "private") {
      // A staff update that may belong to a resolve dialogue reads it with this check: one round trip.
      if (deps.desk) readDialogueEarly(ctx, deps.desk);
      const verdict = await deps.guard.check(ctx.update.update_id, undefined);
      if (verdict === "duplicate") return metrics.dropped("duplicate");
      // Another delivery of it is being handled (or one died a moment ago): fail this one, and
      // Telegram delivers it again; it is never dropped as a duplicate of one that did not finish.
      if (verdict === "busy") throw new UpdateBusy();
      try {
        await next();
      } catch (err) {
        // Failed: forgotten as seen, so that Telegram's redelivery is handled (if Redis is away,
        // the "running" mark runs out in half a minute instead).
        await deps.guard.forget(ctx.update.update_id).catch(() => undefined);
        throw err;
      }
      // Done: a later delivery is a duplicate. If the mark is not written, it runs out and a
      // redelivery is handled again (a duplicate rather than a loss).
      await deps.guard.done(ctx.update.update_id);
      return;
    }
    let admission;
    try {
      admission = await deps.sessions.admit(deps.pseudonym(ctx.chat.id), ctx.update.update_id);
    } catch (err) {
      return degrade(ctx, err);
    }
    if (admission.verdict === "duplicate") return metrics.dropped("duplicate");
    if (admission.verdict !== "ok") {
      // Over the flood limit (a user with an open case is never: the gate lets their messages
      // through to be relayed). A crisis is still answered, each time: graded first, from memory.
      if (urgentText(ctx)) return answerCrisisFromMemory(deps, ctx);
      metrics.dropped("flood");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (admission.verdict === "flood-first") await ctx.reply(`${ctx.t("flood")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
      return;
    }
    const handle = admission.session;
    ctx.session = handle.value;
    try {
      await next();
    } catch (err) {
      await handle.release();
      throw err;
    }
    try {
      await handle.save(ctx.session ?? null);
    } catch (err) {
      await handle.release();
      // Another update took the session meanwhile (this one outlived the lock): nothing was
      // written, and the update fails so that it is delivered again rather than overwrite.
      if (err instanceof SessionLockLost) throw err;
      // The user was answered; only saving their state failed.
      ctx.log.error({ err }, "session write failed");
    }
  });

  if (deps.desk) {
    root.errorBoundary((err) => {
      err.ctx.failed = true;
      deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "staff update failed");
      // Telegram could not take a call now, or Redis could not store it: fail the update, so
      // that it is delivered again (an operator's message is never dropped for a passing fault).
      if (telegramUnavailable(err.error) || storageUnavailable(err.error)) throw err.error;
    }, ...(deps.editor ? [dataEditorFeature(deps.editor)] : []), deskFeature(deps.desk));
  }
  root.use(groupsFeature(config.operatorChatId, staffChats));

  const users = root.chatType("private");
  users.use(async (ctx, next) => {
    const saved = ctx.session.prefs.lang;
    if (saved) ctx.lang = saved;
    // Every text is worded for its reader ({ $role } in locales/): read at each call, since the
    // role may be chosen in this very update. A caller's own `role` wins.
    ctx.t = (key, vars) => {
      const reader = readerVars(ctx.session?.prefs.role);
      return deps.i18n.t(ctx.lang, key, vars === undefined ? reader : { ...reader, ...vars });
    };
    await next();
  });

  const apologize = apologizer(deps);
  const flows = createFlows(deps);
  const guarded = users.errorBoundary(apologize);
  guarded.use(
    assessFeature(deps),
    comebackFeature(deps),
    startFeature(deps),
    languageFeature(),
    roleFeature(),
    menuFeature(flows.startTopic),
    helpFeature(),
    privacyFeature(),
    forgetFeature(deps),
    hideFeature(deps),
    // Before "near me": a location sent while talking to an operator is for the operator.
    casesFeature(deps),
    nearFeature(deps),
    crisisFeature(deps),
    flows.feature,
    roleAgainFeature(),
    fallbackFeature(deps, flows.startTopic),
  );

  bot.catch(apologize);
  return bot;
}

/** Another delivery of this update is being handled: this one fails, Telegram delivers it again later. */
export class UpdateBusy extends Error {
  constructor() {
    super("update being handled by another delivery");
    this.name = "UpdateBusy";
  }
}

/** Updates with the same key are handled one after another: per chat, and per forum topic in groups. */
export function sequenceKey(ctx: Context): string | undefined {
  const chat = ctx.chat?.id;
  if (typeof chat !== "number") return undefined;
  if (ctx.chat?.type === "private") return String(chat);
  const thread = ctx.msg?.message_thread_id ?? ctx.callbackQuery?.message?.message_thread_id;
  return thread === undefined ? String(chat) : `${chat}:${thread}`;
}
