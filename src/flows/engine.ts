/**
 * The one conversation that runs every topic flow (see types.ts). It asks the questions of a
 * FlowDef with Back, Menu and Cancel under each, asks the region when the flow needs it, and
 * ends in advice and referral cards. Old buttons get a helpful answer instead of an error.
 *
 * Where the user is (question, answers so far, the way back) is plain data in the session's
 * flow key (FlowState), not in the conversation's replay log: conversations v2 replay the
 * function on every update, and a log that grows with every step costs time and Redis space
 * on each of them. So the conversation asks one question, waits for one answer, takes it
 * (both inside `conversation.external`, on the live update and session) and rewinds to its
 * start: the log never holds more than the entering update and one step. A restart or a
 * deploy resumes where the user was; a changed FLOW_VERSION discards old state.
 */
import type { Conversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Lang, Role, Topic, Translate } from "../domain.js";
import type { Referrals } from "../directory/referrals.js";
import type { Answers, FlowDef, FlowQuestion } from "./types.js";
import { routeTopic } from "./router.js";
import type { BotContext } from "../bot/context.js";
import { afterAnswerKeyboard, regionKeyboard } from "../bot/keyboards.js";
import { replyInChunks, splitMessage } from "../bot/text.js";

/** Bump when flows change shape incompatibly: running flows restart cleanly. */
export const FLOW_VERSION = 2;
export const FLOW_CONVERSATION = "topic";

/** Callback data of flow buttons. Menu and cancel are handled outside (they work when stale too). */
export const FLOW_CB = {
  answer: (topic: Topic, q: string, option: string) => `f:${topic}:${q}:${option}`,
  region: (topic: Topic, code: string) => `f:${topic}:region:${code}`,
  regionPage: (topic: Topic, page: number) => `f:${topic}:rpage:${page}`,
  back: "f:back",
  resume: "f:resume",
  menu: "f:menu",
  cancel: "f:cancel",
} as const;

/** Parses `f:<topic>:<question>:<option>`; anything else is undefined. */
export function parseFlowCallback(data: string): { topic: string; q: string; option: string } | undefined {
  const m = /^f:([a-z_]{1,20}):([a-z0-9_]{1,12}):([a-z0-9_-]{1,24})$/.exec(data);
  return m ? { topic: m[1]!, q: m[2]!, option: m[3]! } : undefined;
}

export interface FlowServices extends Pick<Referrals, "referralCards" | "regions"> {
  i18n: I18n;
  flows: Readonly<Partial<Record<Topic, FlowDef>>>;
}

interface Profile {
  lang: Lang;
  role: Role;
  region?: string;
}

/** A question of the flow (its index) or the region picker. */
export type Cursor = number | "region";

/** Where a user is in a flow: kept in the session (the short-lived flow key), no text, no ids. */
export interface FlowState {
  topic: Topic;
  at: Cursor;
  /** Question id → option id. */
  answers: Record<string, string>;
  /** The steps answered, for Back. */
  history: Cursor[];
  /** The page of the region picker. */
  page: number;
  /** The user chose "skip" at the region question. */
  declined?: boolean;
  /** Put the flow's intro above the next question (the first one). */
  intro?: boolean;
  /** Ask the next question in a new message instead of editing the pressed one. */
  fresh?: boolean;
}

/**
 * The state of a flow that starts now, or undefined when it has nothing to ask (then
 * `finishFlow` answers at once).
 */
export function beginFlow(def: FlowDef, profile: { role: Role; region?: string }): FlowState | undefined {
  const at = nextCursor(def, -1, {}, profile);
  return at === undefined ? undefined : { topic: def.topic, at, answers: {}, history: [], page: 0, intro: true };
}

export function createTopicFlow(services: FlowServices) {
  return async function topicFlow(conversation: Conversation<BotContext, Context>, _ctx: Context, topic: Topic) {
    const top = conversation.checkpoint();
    const asked = await conversation.external((outer) => askStep(outer, services, topic));
    if (!asked) return;
    // Only messages and button presses belong to the flow; edits and the like pass by.
    await conversation.waitUntil((c) => c.message !== undefined || c.callbackQuery !== undefined);
    const finished = await conversation.external((outer) => takeAnswer(outer, services, topic));
    if (finished) return;
    await conversation.rewind(top);
  };
}

function profileOf(ctx: BotContext): Profile {
  return { lang: ctx.lang, role: ctx.session.prefs.role ?? "parent", region: ctx.session.prefs.region };
}

function translate(ctx: BotContext): Translate {
  return (key, vars) => ctx.t(key, vars);
}

/** Shows the current step; false when there is no flow of this topic to go on with. */
async function askStep(ctx: BotContext, services: FlowServices, topic: Topic): Promise<boolean> {
  const state = ctx.session.flow;
  const def = services.flows[topic];
  if (!state || state.topic !== topic || !def) return false;
  const t = translate(ctx);
  const profile = profileOf(ctx);
  const view =
    state.at === "region"
      ? regionView(t, topic, services.regions(profile.lang), state.page, profile.role)
      : questionView(t, topic, def.questions[state.at]!, profile.role);
  const text = state.intro ? `${t(def.intro, { role: profile.role })}\n\n${view.text}` : view.text;
  await show(ctx, text, view.keyboard, !state.fresh);
  delete state.intro;
  delete state.fresh;
  return true;
}

/**
 * Takes what the user sent at the current step: an answer moves on (or ends in the outcome),
 * Back goes back, anything else is answered and the step asked again. True when the flow is over.
 */
async function takeAnswer(ctx: BotContext, services: FlowServices, topic: Topic): Promise<boolean> {
  const state = ctx.session.flow;
  const def = services.flows[topic];
  if (!state || state.topic !== topic || !def) return true;
  const t = translate(ctx);
  const profile = profileOf(ctx);
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) await ctx.answerCallbackQuery().catch(() => undefined);

  if (data === FLOW_CB.back) {
    const previous = state.history.pop();
    if (previous === undefined) {
      delete ctx.session.flow;
      await show(ctx, t("flow-left"), afterAnswerKeyboard(t), true);
      return true;
    }
    state.at = previous;
    if (typeof previous === "number") delete state.answers[def.questions[previous]!.id];
    return false;
  }
  if (data === FLOW_CB.resume) {
    state.fresh = true;
    return false;
  }
  const parsed = data ? parseFlowCallback(data) : undefined;
  if (state.at === "region" && parsed?.topic === topic && parsed.q === "rpage") {
    state.page = Number(parsed.option) || 0;
    return false;
  }
  if (state.at === "region" && parsed?.topic === topic && parsed.q === "region") {
    const code = parsed.option;
    state.declined = code === "-";
    if (!state.declined && services.regions(profile.lang).some((r) => r.code === code)) {
      ctx.session.prefs.region = code;
      profile.region = code;
    }
    await finishFlow(ctx, services, def, state.answers, profile, state.declined);
    return true;
  }
  // What the user typed is read here, on the live update, and only the conclusion is kept.
  const text = ctx.message?.text ?? ctx.message?.caption;
  if (typeof state.at === "number") {
    const q = def.questions[state.at]!;
    const chosen = parsed?.topic === topic && parsed.q === q.id ? parsed.option : text ? matchTypedOption(t, q, text, profile.role) : undefined;
    if (chosen !== undefined && q.options.some((o) => o.id === chosen)) {
      state.answers[q.id] = chosen;
      state.page = 0;
      state.history.push(state.at);
      const next = nextCursor(def, state.at, state.answers, profile);
      if (next === undefined) {
        await finishFlow(ctx, services, def, state.answers, profile, false);
        return true;
      }
      state.at = next;
      return false;
    }
  }
  // A button from an older message, free text that is no answer, a sticker: say so and ask
  // again; text that names another topic gets a button to go there.
  const other = text ? routeTopic(text) : undefined;
  const offer =
    other && other !== topic
      ? { reply_markup: new InlineKeyboard().text(t("crisis-open-topic", { topic: t(`menu-topic-${other}`) }), `t:${other}`) }
      : {};
  await ctx.reply(t(data !== undefined ? "flow-stale-button" : "flow-choose-button"), offer);
  state.fresh = true;
  return false;
}

/** The next question to ask after `from` (or the region step, or the end). */
function nextCursor(def: FlowDef, from: number, answers: Answers, profile: { role: Role; region?: string }): Cursor | undefined {
  for (let i = from + 1; i < def.questions.length; i++) {
    const q = def.questions[i]!;
    if (!q.when || q.when(answers, { role: profile.role, region: profile.region })) return i;
  }
  // Someone in danger right now gets the numbers at once, not a region picker first.
  if (def.needsRegion && !profile.region && !def.outcome(answers, { role: profile.role }).urgent) return "region";
  return undefined;
}

function navRow(kb: InlineKeyboard, t: Translate): InlineKeyboard {
  return kb.row().text(t("flow-back"), FLOW_CB.back).text(t("flow-menu"), FLOW_CB.menu).text(t("flow-cancel"), FLOW_CB.cancel);
}

function questionView(t: Translate, topic: Topic, q: FlowQuestion, role: Role) {
  const kb = new InlineKeyboard();
  for (const option of q.options) kb.text(t(option.label, { role }), FLOW_CB.answer(topic, q.id, option.id)).row();
  return { text: t(q.ask, { role }), keyboard: navRow(kb, t) };
}

function regionView(
  t: Translate,
  topic: Topic,
  regions: ReadonlyArray<{ code: string; name: string }>,
  page: number,
  role: Role,
) {
  const kb = regionKeyboard(t, regions, page, {
    region: (code) => FLOW_CB.region(topic, code),
    page: (p) => FLOW_CB.regionPage(topic, p),
  });
  kb.row().text(t("flow-region-skip"), FLOW_CB.region(topic, "-"));
  return { text: t("flow-region-ask", { role }), keyboard: navRow(kb, t) };
}

/** A typed answer: the option's number ("2") or its label, ignoring case. */
function matchTypedOption(t: Translate, q: FlowQuestion, typed: string, role: Role): string | undefined {
  const text = typed.trim().toLowerCase();
  if (!text || text.length > 200) return undefined;
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= q.options.length) return q.options[n - 1]!.id;
  return q.options.find((o) => t(o.label, { role }).toLowerCase() === text)?.id;
}

/** Edits the message whose button was pressed (when `edit`), or sends a new one. */
async function show(ctx: Context, text: string, keyboard: InlineKeyboard, edit: boolean): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (edit && message && "text" in message) {
    try {
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
      return;
    } catch {
      // Too old to edit, or unchanged: a new message is as good.
    }
  }
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/** Ends the flow with its outcome: advice, then the referral cards and the way on. */
export async function finishFlow(
  ctx: BotContext,
  services: Pick<FlowServices, "referralCards">,
  def: FlowDef,
  answers: Answers,
  profile: Profile,
  declinedRegion: boolean,
): Promise<void> {
  delete ctx.session.flow;
  ctx.deps.metrics.flow(def.topic, "finished");
  const t = translate(ctx);
  const outcome = def.outcome(answers, { role: profile.role, region: profile.region });
  const protect = outcome.protectContent === true;
  const parts: string[] = [];
  if (outcome.urgent) parts.push(t("emergency-numbers"));
  for (const key of outcome.advice) parts.push(t(key, { role: profile.role }));
  const cards = services.referralCards({
    topic: outcome.referralTopic,
    role: profile.role,
    lang: profile.lang,
    region: profile.region,
    now: ctx.deps.now(),
    preferKinds: outcome.preferKinds,
    limit: outcome.maxCards ?? 4,
    // No "choose your region" hint to someone who just declined, or who is in danger now.
    regionalHint: !declinedRegion && !outcome.urgent,
  });
  const options = { parse_mode: "HTML" as const, protect_content: protect };
  for (const chunk of splitMessage(parts.join("\n\n"))) await ctx.reply(chunk, options);
  await replyInChunks(ctx, `${t("flow-referrals-title")}\n\n${cards}`, options, afterAnswerKeyboard(t));
}
