/**
 * The one conversation that runs every topic flow (see types.ts). It asks the questions of a
 * FlowDef with Back, Menu and Cancel under each, asks the region when the flow needs it, and
 * ends in advice and referral cards. State lives in the session's flow key (Redis), so a
 * restart or a deploy resumes where the user was; a changed FLOW_VERSION discards old state
 * and old buttons get a helpful answer instead of an error.
 *
 * Conversations v2 replay this function on every update: every read of the session goes
 * through `conversation.external`, the clock through `conversation.now()`.
 */
import type { Conversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Lang, Role, Topic, Translate } from "../domain.js";
import type { Referrals } from "../directory/referrals.js";
import { translator } from "../i18n.js";
import type { Answers, FlowDef, FlowQuestion } from "./types.js";
import { routeTopic } from "./router.js";
import type { BotContext } from "../bot/context.js";
import { afterAnswerKeyboard, regionKeyboard } from "../bot/keyboards.js";
import { replyInChunks, splitMessage } from "../bot/text.js";

/** Bump when flows change shape incompatibly: running flows restart cleanly. */
export const FLOW_VERSION = 1;
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

type Cursor = number | "region";

export function createTopicFlow(services: FlowServices) {
  return async function topicFlow(conversation: Conversation<BotContext, Context>, ctx: Context, topic: Topic) {
    const def = services.flows[topic];
    if (!def) return;
    const readProfile = () =>
      conversation.external((outer): Profile => ({
        lang: outer.lang,
        role: outer.session.prefs.role ?? "parent",
        region: outer.session.prefs.region,
      }));
    let profile = await readProfile();
    let t = translator(services.i18n, profile.lang);
    const answers: Record<string, string> = {};
    const history: Cursor[] = [];
    let cursor: Cursor | undefined = nextCursor(def, -1, answers, profile);
    let showIntro = true;
    let regionPage = 0;
    let declinedRegion = false;
    let current = ctx;
    // Edit the message whose button was pressed, unless the last update was no answer.
    let edit = true;

    while (cursor !== undefined) {
      const view =
        cursor === "region"
          ? regionView(t, topic, services.regions(profile.lang), regionPage, profile.role)
          : questionView(t, topic, def.questions[cursor]!, profile.role);
      const text = showIntro ? `${t(def.intro, { role: profile.role })}\n\n${view.text}` : view.text;
      await show(current, text, view.keyboard, edit);
      showIntro = false;
      edit = true;

      // Only messages and button presses belong to the flow; edits and the like pass by.
      current = await conversation.waitUntil((c) => c.message !== undefined || c.callbackQuery !== undefined);
      // What the user typed is read once, here, and only the conclusion is kept: the stored
      // replay state holds no text (see scrubReplayState). The language may have been
      // switched outside the flow (/language): it is read again too.
      const typedIn = current;
      const question = typeof cursor === "number" ? def.questions[cursor] : undefined;
      const seen = await conversation.external((outer) => {
        const text = typedIn.message?.text ?? typedIn.message?.caption;
        const role = outer.session.prefs.role ?? "parent";
        return {
          lang: outer.lang,
          role,
          typed: question && text ? matchTypedOption(translator(services.i18n, outer.lang), question, text, role) : undefined,
          other: text ? routeTopic(text) : undefined,
        };
      });
      if (seen.lang !== profile.lang) t = translator(services.i18n, seen.lang);
      profile = { ...profile, lang: seen.lang, role: seen.role };
      const data = current.callbackQuery?.data;
      if (data !== undefined) await current.answerCallbackQuery().catch(() => undefined);

      if (data === FLOW_CB.back) {
        cursor = history.pop();
        if (cursor === undefined) {
          await show(current, t("flow-left"), afterAnswerKeyboard(t), true);
          return;
        }
        if (typeof cursor === "number") delete answers[def.questions[cursor]!.id];
        continue;
      }
      if (data === FLOW_CB.resume) {
        edit = false;
        continue;
      }
      const parsed = data ? parseFlowCallback(data) : undefined;
      if (cursor === "region" && parsed?.topic === topic && parsed.q === "rpage") {
        regionPage = Number(parsed.option) || 0;
        continue;
      }
      if (cursor === "region" && parsed?.topic === topic && parsed.q === "region") {
        const code = parsed.option;
        declinedRegion = code === "-";
        if (!declinedRegion && services.regions(profile.lang).some((r) => r.code === code)) {
          await conversation.external((outer) => {
            outer.session.prefs.region = code;
          });
          profile = { ...profile, region: code };
        }
        history.push(cursor);
        cursor = undefined;
        break;
      }
      if (typeof cursor === "number") {
        const q = def.questions[cursor]!;
        const chosen = parsed?.topic === topic && parsed.q === q.id ? parsed.option : seen.typed;
        if (chosen !== undefined && q.options.some((o) => o.id === chosen)) {
          answers[q.id] = chosen;
          regionPage = 0;
          history.push(cursor);
          cursor = nextCursor(def, cursor, answers, profile);
          continue;
        }
      }
      // A button from an older message, free text that is no answer, a sticker: say so and ask
      // again; text that names another topic gets a button to go there.
      const other = seen.other;
      const offer =
        other && other !== topic
          ? { reply_markup: new InlineKeyboard().text(t("crisis-open-topic", { topic: t(`menu-topic-${other}`) }), `t:${other}`) }
          : {};
      await current.reply(t(data !== undefined ? "flow-stale-button" : "flow-choose-button"), offer);
      edit = false;
    }

    const now = new Date(await conversation.now());
    await sendOutcome(current, services, def, answers, profile, now, declinedRegion);
  };
}

/** The next question to ask after `from` (or the region step, or the end). */
function nextCursor(def: FlowDef, from: number, answers: Answers, profile: Profile): Cursor | undefined {
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

async function sendOutcome(
  ctx: Context,
  services: FlowServices,
  def: FlowDef,
  answers: Answers,
  profile: Profile,
  now: Date,
  declinedRegion: boolean,
): Promise<void> {
  const t = translator(services.i18n, profile.lang);
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
    now,
    preferKinds: outcome.preferKinds,
    limit: outcome.maxCards ?? 4,
    // No "choose your region" hint to someone who just declined, or who is in danger now.
    regionalHint: !declinedRegion && !outcome.urgent,
  });
  const options = { parse_mode: "HTML" as const, protect_content: protect };
  for (const chunk of splitMessage(parts.join("\n\n"))) await ctx.reply(chunk, options);
  await replyInChunks(ctx, `${t("flow-referrals-title")}\n\n${cards}`, options, afterAnswerKeyboard(t));
}
