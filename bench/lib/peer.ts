/**
 * The peer: the bot a developer would build instead of Senim, written the way the plugins'
 * documentation teaches. grammY with the session plugin on @grammyjs/storage-redis, the
 * @grammyjs/i18n middleware on the same locales, and @grammyjs/conversations v2 with one
 * conversation per topic whose steps are `await conversation.wait()` (the plugin replays the
 * function from its log on every update; its state is kept in Redis by the same adapter).
 *
 * It says what Senim says: the same texts, keyboards and callback data (so the updates
 * recorded from Senim drive it the same way), the same flow definitions (src/flows/topics),
 * the same crisis grading and the same referral cards (Senim's directory code). What it
 * leaves out is what a first version would: no duplicate or flood checks, no session lock,
 * no operators' desk ("Talk to a person" gives the phone lines, as Senim does without a desk),
 * no webhook replies, no auto-retry.
 */
import { Bot, type Context, InlineKeyboard, session, type SessionFlavor } from "grammy";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { isLang, isRole, isTopic, type Lang, type Role, type Topic, type Translate } from "../../src/domain.js";
import { loadReferrals, type Referrals } from "../../src/directory/referrals.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import { routeTopic } from "../../src/flows/router.js";
import type { Answers, FlowDef, FlowQuestion } from "../../src/flows/types.js";
import { languageFromTelegram, LOCALES_DIR } from "../../src/i18n.js";
import { afterAnswerKeyboard, languageKeyboard, mainMenuKeyboard, regionKeyboard, roleKeyboard } from "../../src/bot/keyboards.js";
import { replyInChunks, splitMessage } from "../../src/bot/text.js";
import { assessRisk, topicForCategories } from "../../src/triage/index.js";
import { FAKE_TOKEN, BOT_INFO } from "../../src/testing/fake-telegram.js";
import { createLogger } from "../../src/logger.js";
import { rig, underTest, type BotUnderTest, type StartOptions } from "./bots.js";

interface PeerSession {
  lang?: Lang;
  role?: Role;
  region?: string;
}
type PeerContext = ConversationFlavor<Context & SessionFlavor<PeerSession> & I18nFlavor>;
type FlowConversation = Conversation<PeerContext, Context>;

const PROTECTED = new Set(["suicide_self_harm", "overdose", "sexual_abuse", "physical_abuse", "domestic_violence", "violence_now", "threats_sextortion"]);

export interface PeerOptions extends StartOptions {
  /** The topic flows (default: Senim's); the bench passes a long one to measure step costs. */
  flows?: Readonly<Partial<Record<Topic, FlowDef>>>;
}

export async function startPeer(options: PeerOptions): Promise<BotUnderTest> {
  const r = await rig(options);
  const logger = createLogger("info", r.logs);
  const flows = options.flows ?? FLOWS;
  const i18n = new I18n<PeerContext>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.session?.lang ?? languageFromTelegram(ctx.from?.language_code),
    // The texts are worded for the reader's role, as in Senim (a child's words before one is chosen).
    globalTranslationContext: (ctx) => ({ role: ctx.session?.role ?? "child" }),
  });
  const { referrals } = loadReferrals((lang, key, vars) => i18n.t(lang, key, vars));
  const bot = new Bot<PeerContext>(FAKE_TOKEN, { botInfo: BOT_INFO, client: { fetch: r.telegram.fetch } });

  // The staff group: nothing to do here but acknowledge presses.
  bot.chatType(["group", "supergroup"]).on("callback_query", (ctx) => ctx.answerCallbackQuery());
  bot.drop((ctx) => ctx.chat?.type !== "private");

  bot.use(
    session({
      initial: (): PeerSession => ({}),
      getSessionKey: (ctx) => (ctx.chat ? `${options.prefix}:session:${ctx.chat.id}` : undefined),
      storage: new RedisAdapter<PeerSession>({ instance: r.redis, ttl: 90 * 24 * 3600 }),
    }),
  );
  bot.use(i18n);
  bot.use(
    conversations<PeerContext, Context>({
      storage: { type: "key", prefix: `${options.prefix}:conv:`, adapter: new RedisAdapter({ instance: r.redis, ttl: 24 * 3600 }) },
    }),
  );

  const t = (ctx: PeerContext): Translate => (key, vars) => ctx.t(key, vars);
  const menu = (ctx: PeerContext, lead?: string) =>
    ctx.reply(lead ? `${ctx.t(lead)}\n\n${ctx.t("menu-title")}` : ctx.t("menu-title"), { parse_mode: "HTML", reply_markup: mainMenuKeyboard(t(ctx), "phone") });
  const enter = async (ctx: PeerContext, topic: Topic) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(topic);
  };

  // Crisis first, also in the middle of a flow (the flow waits on).
  bot.on("message:text", async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith("/")) return next();
    const risk = assessRisk(text);
    if (risk.level === "none") return next();
    const role = { role: ctx.session.role ?? "child" };
    const topic = topicForCategories(risk.categories, risk.level);
    const kb = new InlineKeyboard();
    if (risk.level !== "moderate") kb.text(ctx.t("crisis-person-now"), "m:person:now").row();
    if (topic && risk.level !== "emergency") kb.text(ctx.t("crisis-open-topic", { topic: ctx.t(`menu-topic-${topic}`) }), `t:${topic}`).row();
    kb.text(ctx.t("back-to-menu"), "m:menu");
    const protect = risk.categories.some((c) => PROTECTED.has(c));
    if (risk.level === "emergency") {
      await ctx.reply(`${ctx.t("crisis-emergency", role)}\n\n${ctx.t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true, reply_markup: kb });
    } else if (risk.level === "high") {
      const cards = referrals.referralCards({ topic: topic ?? "danger", role: role.role, lang: ctx.session.lang ?? "ru", region: ctx.session.region, now: new Date(), limit: 3 });
      await replyInChunks(ctx, `${ctx.t("crisis-high", role)}\n\n${cards}`, { parse_mode: "HTML", protect_content: protect }, kb);
    } else {
      await ctx.reply(ctx.t("crisis-moderate", role), { protect_content: protect, reply_markup: kb });
    }
  });

  bot.command("start", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t("start-greeting"), { parse_mode: "HTML", reply_markup: languageKeyboard(t(ctx), "role") });
  });
  bot.callbackQuery(/^lang:([a-z]{2}):(role|menu)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const lang = ctx.match[1];
    if (isLang(lang)) {
      ctx.session.lang = lang;
      await ctx.i18n.renegotiateLocale();
    }
    if (ctx.match[2] === "role") await ctx.reply(ctx.t("role-ask"), { reply_markup: roleKeyboard(t(ctx)) });
    else await menu(ctx, "language-changed");
  });
  bot.callbackQuery(/^role:([a-z]+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const role = ctx.match[1];
    if (!isRole(role)) return menu(ctx);
    ctx.session.role = role;
    await menu(ctx, `role-welcome-${role}`);
  });
  bot.command("menu", async (ctx) => {
    await ctx.conversation.exitAll();
    await menu(ctx);
  });
  bot.callbackQuery(["m:menu", "f:menu"], async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await menu(ctx);
  });
  bot.command("cancel", async (ctx) => {
    await ctx.conversation.exitAll();
    await menu(ctx, "cancel-done");
  });
  bot.callbackQuery("f:cancel", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await menu(ctx, "cancel-done");
  });
  bot.callbackQuery("m:lang", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("language-ask"), { reply_markup: languageKeyboard(t(ctx), "menu") });
  });
  bot.callbackQuery(["m:person", "m:person:now"], async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(`${ctx.t("person-by-phone")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML", reply_markup: afterAnswerKeyboard(t(ctx), "phone") });
  });
  // Entering needs the conversations registered: the topic buttons come after them (a running
  // flow passes them on with `conversation.skip()`).
  for (const def of Object.values(flows)) if (def) bot.use(createConversation(topicConversation(def, referrals, i18n), def.topic));
  bot.callbackQuery(/^t:([a-z_]{1,20})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const topic = ctx.match[1];
    if (!isTopic(topic)) return menu(ctx, "stale-button");
    if (!flows[topic]) {
      await ctx.conversation.exitAll();
      return ctx.reply(`${ctx.t("topic-coming", { topic: ctx.t(`menu-topic-${topic}`) })}\n\n${ctx.t("emergency-numbers")}`, {
        parse_mode: "HTML",
        reply_markup: afterAnswerKeyboard(t(ctx), "phone"),
      });
    }
    await enter(ctx, topic);
  });


  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-short") });
    await menu(ctx, "stale-button");
  });
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) return menu(ctx, "unknown-command");
    const topic = routeTopic(ctx.message.text);
    if (topic && flows[topic]) return enter(ctx, topic);
    await menu(ctx, "free-text-invite");
  });
  bot.on("message", (ctx) => ctx.reply(`${ctx.t("media-unsupported")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" }));
  bot.catch((err) => logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "peer update failed"));

  return underTest("peer", options, r, (u) => bot.handleUpdate(u), () => "");
}

type Cursor = number | "region";

/** One topic's conversation: intro and questions, each step one `await conversation.wait()`. */
function topicConversation(def: FlowDef, referrals: Referrals, i18n: I18n<PeerContext>) {
  return async function flow(conversation: FlowConversation, ctx: Context): Promise<void> {
    const prefs = await conversation.external((outer) => ({ ...outer.session }));
    const lang = prefs.lang ?? languageFromTelegram(ctx.from?.language_code);
    const role = prefs.role ?? "child";
    let region = prefs.region;
    const t: Translate = (key, vars) => i18n.t(lang, key, { role, ...vars });
    const answers: Record<string, string> = {};
    const history: Cursor[] = [];
    const next = (from: number): Cursor | undefined => {
      for (let i = from + 1; i < def.questions.length; i++) {
        const q = def.questions[i]!;
        if (!q.when || q.when(answers, { role, region })) return i;
      }
      if (def.needsRegion && !region && !def.outcome(answers, { role }).urgency) return "region";
      return undefined;
    };

    let at = next(-1);
    let current = ctx;
    let edit = true;
    let page = 0;
    let lead = `${t(def.intro)}\n\n`;
    while (at !== undefined) {
      const view = at === "region" ? regionView(t, def.topic, referrals.regions(lang), page) : questionView(t, def.topic, def.questions[at]!);
      await show(current, lead + view.text, view.keyboard, edit);
      lead = "";
      current = await conversation.wait();
      edit = true;
      const data = current.callbackQuery?.data;
      // Another topic, a stale menu button: not this flow's (the handlers below take it).
      if (data !== undefined && !data.startsWith("f:")) await conversation.skip();
      if (data !== undefined) await current.answerCallbackQuery();
      if (data === "f:back") {
        const previous = history.pop();
        if (previous === undefined) {
          await show(current, t("flow-left"), afterAnswerKeyboard(t, "now"), true);
          return;
        }
        if (typeof previous === "number") delete answers[def.questions[previous]!.id];
        at = previous;
        continue;
      }
      const parts = data?.split(":");
      const mine = parts?.length === 4 && parts[0] === "f" && parts[1] === def.topic;
      if (at === "region" && mine && parts[2] === "rpage") {
        page = Number(parts[3]) || 0;
        continue;
      }
      if (at === "region" && mine && parts[2] === "region") {
        const code = parts[3]!;
        if (code !== "-" && referrals.regions(lang).some((x) => x.code === code)) {
          region = code;
          await conversation.external((outer) => {
            outer.session.region = code;
          });
        }
        return finish(current, t, def, answers, { lang, role, region }, referrals, code === "-", new Date(await conversation.now()));
      }
      if (typeof at === "number") {
        const q = def.questions[at]!;
        const typed = current.message?.text;
        const chosen = mine && parts[2] === q.id ? parts[3] : typed ? matchTyped(t, q, typed) : undefined;
        if (chosen !== undefined && q.options.some((o) => o.id === chosen)) {
          answers[q.id] = chosen;
          history.push(at);
          page = 0;
          at = next(at);
          continue;
        }
      }
      await current.reply(t(data !== undefined ? "flow-stale-button" : "flow-choose-button"));
      edit = false;
    }
    await finish(current, t, def, answers, { lang, role, region }, referrals, false, new Date(await conversation.now()));
  };
}

function navRow(kb: InlineKeyboard, t: Translate): InlineKeyboard {
  return kb.row().text(t("flow-back"), "f:back").text(t("flow-menu"), "f:menu").text(t("flow-cancel"), "f:cancel");
}

function questionView(t: Translate, topic: Topic, q: FlowQuestion) {
  const kb = new InlineKeyboard();
  for (const option of q.options) kb.text(t(option.label), `f:${topic}:${q.id}:${option.id}`).row();
  return { text: t(q.ask), keyboard: navRow(kb, t) };
}

function regionView(t: Translate, topic: Topic, regions: ReadonlyArray<{ code: string; name: string }>, page: number) {
  const kb = regionKeyboard(t, regions, page, { region: (code) => `f:${topic}:region:${code}`, page: (p) => `f:${topic}:rpage:${p}` });
  kb.row().text(t("flow-region-skip"), `f:${topic}:region:-`);
  return { text: t("flow-region-ask"), keyboard: navRow(kb, t) };
}

function matchTyped(t: Translate, q: FlowQuestion, typed: string): string | undefined {
  const text = typed.trim().toLowerCase();
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= q.options.length) return q.options[n - 1]!.id;
  return q.options.find((o) => t(o.label).toLowerCase() === text)?.id;
}

async function show(ctx: Context, text: string, keyboard: InlineKeyboard, edit: boolean): Promise<void> {
  if (edit && ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
      return;
    } catch {
      // Too old to edit: a new message.
    }
  }
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

async function finish(
  ctx: Context,
  t: Translate,
  def: FlowDef,
  answers: Answers,
  profile: { lang: Lang; role: Role; region?: string },
  referrals: Referrals,
  declined: boolean,
  now: Date,
): Promise<void> {
  const outcome = def.outcome(answers, { role: profile.role, region: profile.region });
  const parts: string[] = [];
  if (outcome.urgency) parts.push(t("emergency-numbers"));
  for (const key of outcome.advice) parts.push(t(key));
  const cards = referrals.referralCards({
    topic: outcome.referralTopic,
    role: profile.role,
    lang: profile.lang,
    region: profile.region,
    now,
    preferKinds: outcome.preferKinds,
    limit: outcome.maxCards ?? 4,
    regionalHint: !declined && !outcome.urgency,
  });
  const options = { parse_mode: "HTML" as const, protect_content: outcome.protectContent === true };
  for (const chunk of splitMessage(parts.join("\n\n"))) await ctx.reply(chunk, options);
  await replyInChunks(ctx, `${t("flow-referrals-title")}\n\n${cards}`, options, afterAnswerKeyboard(t, "now"));
}
