/**
 * The Telegram face of the topic flows (the state machine is flows/machine.ts): reads a
 * button or a typed answer into a FlowInput, stores the next state in the session and shows
 * the step — a question with Back, Menu and Cancel under it, the region picker, or the
 * outcome (advice, then referral cards). Old buttons get a helpful answer instead of an error.
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard } from "grammy";
import { LANGS, readerRole, type Role, type Topic, type Translate } from "../../domain.js";
import { beginFlow, type FlowInput, type FlowState, type FlowStep, isFlowState, stepFlow } from "../../flows/machine.js";
import type { Answers, FlowDef, FlowOutcome, FlowQuestion } from "../../flows/types.js";
import { pendingFresh } from "../../cases/rules.js";
import { routeTopic } from "../../flows/router.js";
import { type AnswerChoice, matchTypedAnswer, optionChoices } from "../../flows/answers.js";
import type { Texts } from "../../i18n.js";
import type { BotContext, BotDeps } from "../context.js";
import { afterAnswerKeyboard, regionKeyboard, urgentKeyboard } from "../keyboards.js";
import { FLOW_CB, MENU_CB, parseFlowCallback } from "../callbacks.js";
import { replyInChunks, splitMessage } from "../text.js";
import { ack, sendMenu } from "../reply.js";
import { offerLanguage } from "./language.js";

/** What the flows use of the app. */
export type FlowDeps = Pick<BotDeps, "flows" | "referrals" | "metrics" | "now" | "i18n">;

/** The user's running flow, if any (state of an older version is dropped). */
export function currentFlow(ctx: BotContext): FlowState | undefined {
  const state = ctx.session.flow;
  if (state === undefined) return undefined;
  if (isFlowState(state)) return state;
  delete ctx.session.flow;
  return undefined;
}

/** Leaves any running flow (menu, cancel, another topic, /start…): no answers stay behind. */
export function leaveFlow(ctx: BotContext): boolean {
  const was = currentFlow(ctx) !== undefined;
  delete ctx.session.flow;
  return was;
}

function profileOf(ctx: BotContext): { role: Role; region?: string } {
  return { role: readerRole(ctx.session.prefs.role), region: ctx.session.prefs.region };
}

function translate(ctx: BotContext): Translate {
  return (key, vars) => ctx.t(key, vars);
}

/** Starts a topic's flow (or says honestly it is not ready). */
export type StartTopic = (ctx: BotContext, topic: Topic) => Promise<void>;

/**
 * The flows: the feature that takes a running flow's messages and button presses as its
 * answers (other updates pass by), and the way to start one.
 */
export function createFlows(deps: FlowDeps): { feature: Composer<BotContext>; startTopic: StartTopic } {
  const feature = new Router<BotContext>();
  feature.callbackQuery(FLOW_CB.more, async (ctx) => {
    await ack(ctx);
    // The rest of the outcome the short screen left out, from the answers kept with the danger found.
    const pending = ctx.session.pending;
    const def = pending?.topic && pending.answers && pendingFresh(pending.at, deps.now().getTime()) ? deps.flows[pending.topic] : undefined;
    if (!def || !pending?.answers) {
      await ctx.reply(`${ctx.t("stale-button")}\n\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML", reply_markup: afterAnswerKeyboard(translate(ctx), ctx.personOffer()) });
      return;
    }
    await ctx.editMessageReplyMarkup({ reply_markup: urgentKeyboard(translate(ctx), ctx.personOffer()) }).catch(() => undefined);
    await showOutcome(deps, ctx, def, def.outcome(pending.answers, profileOf(ctx)), true, false);
  });
  feature.use(async (ctx, next) => {
    const state = currentFlow(ctx);
    if (!state || (ctx.message === undefined && ctx.callbackQuery === undefined)) return next();
    const def = deps.flows[state.topic];
    if (!def) {
      // A flow that no longer exists: start afresh.
      delete ctx.session.flow;
      return next();
    }
    if (ctx.callbackQuery) await ack(ctx);
    const { input, offer } = readInput(deps, ctx, def, state);
    await apply(deps, ctx, def, stepFlow(def, state, input, profileOf(ctx)), offer);
    // Words that were no answer, in another language than the chosen one: offer it last.
    const text = ctx.message?.text;
    if (input.kind === "other" && text !== undefined) await offerLanguage(deps, ctx, text);
  });
  const startTopic: StartTopic = async (ctx, topic) => {
    leaveFlow(ctx);
    const def = deps.flows[topic];
    if (!def) {
      await ctx.reply(`${ctx.t("topic-coming", { topic: ctx.t(`menu-topic-${topic}`) })}\n\n${ctx.t("emergency-numbers")}`, {
        parse_mode: "HTML",
        reply_markup: afterAnswerKeyboard(translate(ctx), ctx.personOffer()),
      });
      return;
    }
    deps.metrics.flow(topic, "started");
    await apply(deps, ctx, def, beginFlow(def, profileOf(ctx)));
  };
  return { feature, startTopic };
}

/** What the user sent at this step; `offer`: another topic their words name. */
function readInput(deps: FlowDeps, ctx: BotContext, def: FlowDef, state: FlowState): { input: FlowInput; offer?: Topic } {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    const button = parseFlowCallback(data);
    if (button?.kind === "back" || button?.kind === "resume") return { input: { kind: button.kind } };
    // Menu and cancel are not the flow's; a button of another topic or flow is stale here.
    if (!button || !("topic" in button) || button.topic !== state.topic) return { input: { kind: "other", stale: true } };
    if (button.kind === "page") return { input: { kind: "page", page: button.page } };
    if (button.kind === "region") {
      const code = button.code;
      if (code === null) return { input: { kind: "region", code: null } };
      const known = deps.referrals.regions(ctx.lang).some((r) => r.code === code);
      return { input: known ? { kind: "region", code } : { kind: "other", stale: true } };
    }
    return { input: { kind: "answer", question: button.question, option: button.option } };
  }
  // What the user typed is read here, on the live update, and only the conclusion is kept.
  const text = ctx.message?.text ?? ctx.message?.caption;
  if (text && typeof state.at === "number") {
    const q = def.questions[state.at]!;
    const option = matchTypedOption(deps, q, text, profileOf(ctx).role);
    if (option !== undefined) return { input: { kind: "answer", question: q.id, option } };
  }
  if (text && state.at === "region") {
    const code = matchTypedAnswer(text, deps.referrals.regionPhrases());
    if (code !== undefined) return { input: { kind: "region", code } };
  }
  const other = text ? routeTopic(text) : undefined;
  return { input: { kind: "other", stale: false }, offer: other !== state.topic ? other : undefined };
}

/** Stores the step's state and shows it. */
async function apply(deps: FlowDeps, ctx: BotContext, def: FlowDef, step: FlowStep, offer?: Topic): Promise<void> {
  const t = translate(ctx);
  if (step.kind === "left") {
    // Back on the first question: back where the user came from, the menu.
    delete ctx.session.flow;
    await sendMenu(ctx);
    return;
  }
  if (step.kind === "finish") {
    delete ctx.session.flow;
    if (step.region) {
      ctx.session.prefs.region = step.region;
      // A region read from typed words is said back, so a misreading is seen at once.
      if (ctx.message) await ctx.reply(t("near-region-set", { region: deps.referrals.regions(ctx.lang).find((r) => r.code === step.region)?.name ?? step.region }));
    }
    return finishFlow(deps, ctx, def, step.answers, step.declinedRegion);
  }
  ctx.session.flow = step.state;
  if (step.notice) {
    // A button from an older message, free text that is no answer, a sticker: say so and ask
    // again; text that names another topic gets a button to go there.
    const kb = offer ? { reply_markup: new InlineKeyboard().text(t("crisis-open-topic", { topic: t(`menu-topic-${offer}`) }), MENU_CB.topic(offer)) } : {};
    await ctx.reply(t(step.notice === "stale" ? "flow-stale-button" : "flow-choose-button"), kb);
  }
  const role = profileOf(ctx).role;
  const state = step.state;
  const view =
    state.at === "region"
      ? regionView(t, def.topic, deps.referrals.regions(ctx.lang), state.page, role)
      : questionView(t, def.topic, def.questions[state.at]!, role);
  const text = step.intro ? `${t(def.intro, { role })}\n\n${view.text}` : view.text;
  await show(ctx, text, view.keyboard, step.edit && !step.notice);
}

/** Back, Menu, Cancel under every step; `back`: where Back goes when not to the previous step (the previous page of the picker). */
function navRow(kb: InlineKeyboard, t: Translate, back: string = FLOW_CB.back): InlineKeyboard {
  return kb.row().text(t("flow-back"), back).text(t("flow-menu"), FLOW_CB.menu).text(t("flow-cancel"), FLOW_CB.cancel);
}

function questionView(t: Translate, topic: Topic, q: FlowQuestion, role: Role) {
  const kb = new InlineKeyboard();
  for (const option of q.options) kb.text(t(option.label, { role }), FLOW_CB.answer(topic, q.id, option.id)).row();
  return { text: t(q.ask, { role }), keyboard: navRow(kb, t) };
}

function regionView(t: Translate, topic: Topic, regions: ReadonlyArray<{ code: string; name: string }>, page: number, role: Role) {
  const data = { region: (code: string) => FLOW_CB.region(topic, code), page: (p: number) => FLOW_CB.regionPage(topic, p) };
  const kb = regionKeyboard(t, regions, page, data, "caller");
  kb.row().text(t("flow-region-skip"), FLOW_CB.region(topic, null));
  // On a later page, the one Back goes to the page before; on the first, to the previous question.
  return { text: t("flow-region-ask", { role }), keyboard: navRow(kb, t, page > 0 ? data.page(page - 1) : FLOW_CB.back) };
}

/**
 * A typed answer: the option's number, or its label or another way to say it in any of the
 * three languages and any script, typos and all (src/flows/answers.ts); undefined when unsure.
 */
function matchTypedOption(deps: FlowDeps, q: FlowQuestion, typed: string, role: Role): string | undefined {
  return matchTypedAnswer(typed, choicesOf(deps, q, role));
}

/**
 * A question's choices for a reader, made once: the matcher compiles each list of phrases
 * once (by identity), so a list made anew per message was compiled anew per message.
 */
const CHOICES = new WeakMap<Texts, WeakMap<FlowQuestion, Map<Role, AnswerChoice[]>>>();

function choicesOf(deps: FlowDeps, q: FlowQuestion, role: Role): AnswerChoice[] {
  let byQuestion = CHOICES.get(deps.i18n);
  if (!byQuestion) CHOICES.set(deps.i18n, (byQuestion = new WeakMap()));
  let byRole = byQuestion.get(q);
  if (!byRole) byQuestion.set(q, (byRole = new Map()));
  let choices = byRole.get(role);
  if (!choices) byRole.set(role, (choices = optionChoices(q.options, (key) => LANGS.map((lang) => deps.i18n.t(lang, key, { role })))));
  return choices;
}

/** Edits the message whose button was pressed (when `edit`), or sends a new one. */
async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard, edit: boolean): Promise<void> {
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
async function finishFlow(deps: FlowDeps, ctx: BotContext, def: FlowDef, answers: Record<string, string>, declinedRegion: boolean): Promise<void> {
  deps.metrics.flow(def.topic, "finished");
  const t = translate(ctx);
  const profile = profileOf(ctx);
  const outcome = def.outcome(answers, profile);
  if (outcome.urgency) {
    // Danger found: a case opened soon after starts at this risk, its card shows the answers
    // chosen (their labels, never what was typed) and the topic.
    ctx.session.pending = { risk: outcome.urgency, topic: def.topic, labels: answerLabels(def, answers), answers, role: profile.role, at: deps.now().getTime() };
  }
  const options = { parse_mode: "HTML" as const, protect_content: outcome.protectContent === true };
  if (outcome.brief && profile.role === "child") {
    // A child in danger: one short screen — the numbers, one sentence of what to do, a
    // person now — and the rest under "More".
    const kb = urgentKeyboard(t, ctx.personOffer()).text(t("flow-more"), FLOW_CB.more).row().text(t("back-to-menu"), MENU_CB.menu);
    await ctx.reply(`${t("emergency-numbers")}\n\n${t(outcome.brief)}`, { ...options, reply_markup: kb });
    return;
  }
  await showOutcome(deps, ctx, def, outcome, declinedRegion, true);
}

/** The outcome in full: the numbers when urgent (unless shown already), advice, then the cards and the way on. */
async function showOutcome(deps: FlowDeps, ctx: BotContext, def: FlowDef, outcome: FlowOutcome, declinedRegion: boolean, numbers: boolean): Promise<void> {
  const t = translate(ctx);
  const profile = profileOf(ctx);
  const parts: string[] = [];
  if (outcome.urgency && numbers) parts.push(t("emergency-numbers"));
  for (const key of outcome.advice) parts.push(t(key, { role: profile.role }));
  const query = {
    topic: outcome.referralTopic,
    role: profile.role,
    lang: ctx.lang,
    region: profile.region,
    now: deps.now(),
    preferKinds: outcome.preferKinds,
    preferServices: outcome.preferServices,
    excludeServices: outcome.excludeServices,
    limit: outcome.maxCards ?? 4,
    // No "choose your region" hint to someone who just declined, or who is in danger now.
    regionalHint: !declinedRegion && !outcome.urgency,
  };
  const cards = deps.referrals.referralCards(query);
  const options = { parse_mode: "HTML" as const, protect_content: outcome.protectContent === true };
  for (const chunk of splitMessage(parts.join("\n\n"))) await ctx.reply(chunk, options);
  // Under an urgent outcome: a person now (or, off duty, a message for them) and the quick exit
  // first; under other sensitive advice (abuse, self-harm signs) the quick exit last.
  const chooseRegion = { chooseRegion: deps.referrals.hintsRegion(query) };
  const kb = outcome.urgency
    ? urgentKeyboard(t, ctx.personOffer()).append(afterAnswerKeyboard(t, undefined, chooseRegion))
    : afterAnswerKeyboard(t, ctx.personOffer(), chooseRegion);
  if (outcome.protectContent && !outcome.urgency) kb.row().text(t("hide-button"), MENU_CB.hide);
  await replyInChunks(ctx, `${t("flow-referrals-title")}\n\n${cards}`, options, kb);
}

/** The Fluent keys of the answers chosen, in the order asked. */
function answerLabels(def: FlowDef, answers: Answers): string[] {
  const labels: string[] = [];
  for (const q of def.questions) {
    const label = q.options.find((o) => o.id === answers[q.id])?.label;
    if (label) labels.push(label);
  }
  return labels;
}
