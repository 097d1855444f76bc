/**
 * Resolving a case as a short dialogue: Resolve on the card → the outcome → the category (two
 * levels, with Back) → an internal note, typed as the next message, or "Resolve without a note".
 * Only then is the case resolved (in one step with the note and the messages to the user: the
 * rating question and the rest, as before); the card then shows the outcome, the category and
 * that a note exists. A case cannot be resolved without a category.
 *
 * A @grammyjs/conversations v2 dialogue, straight code with `conversation.wait()`, one per
 * operator and topic: one operator can resolve two cases in two topics at once, and two
 * operators in one topic each have their own. Its state (the plugin's replay log) lives in
 * Redis (storage/dialogues.ts), shared by every process, so a restart mid-dialogue loses
 * nothing; it ends by itself DIALOGUE_TTL_MS after its last step, and a later press says so.
 * The log holds the dialogue's updates without what a user wrote (a card's text, a message
 * answered) and without names; it is deleted when the dialogue ends. Everything the dialogue
 * does outside itself goes through `conversation.external` and the desk (desk.ts), which
 * checks the case again at each step: a colleague who resolved it, a user who reopened it or
 * erased their data each end the dialogue with a clear word, and nothing half-done.
 */
import { Composer, type Context } from "grammy";
import {
  type Conversation,
  type ConversationData,
  type ConversationFlavor,
  type ConversationStorage,
  conversations,
  createConversation,
  type VersionedState,
} from "@grammyjs/conversations";
import type { BotContext } from "../context.js";
import { type DeskCallback, parseDeskCallback, RESOLVE_DIALOGUE_ACTIONS } from "../callbacks.js";
import type { DialogueKey, DialogueStore } from "../../storage/dialogues.js";
import type { CaseDesk, PressReply, ResolveStart } from "./desk.js";
import type { ResolveView } from "./render.js";

/** How long an unanswered dialogue lives (from its last step). */
export const DIALOGUE_TTL_MS = 30 * 60_000;

type Outer = ConversationFlavor<BotContext>;
type Dialogue = Conversation<Outer, Context>;

/** What a dialogue is entered with: the case, and the topic its button named (undefined on old buttons). */
interface DialogueArgs {
  caseId: number;
  thread?: number;
}

const NAME = "resolve";

/** The operator's resolve dialogue in the staff group, as a feature of the desk (staff.ts installs it after the staff check). */
export function resolveDialogueFeature(desk: CaseDesk, store: DialogueStore): Composer<BotContext> {
  const feature = new Composer<Outer>();
  feature.use(conversations<Outer, Context>({ storage: dialogueStorage(store, desk) }));
  feature.use(createConversation<Outer, Context>(resolveDialogue(desk), NAME));
  // Resolve on a card, with no dialogue of this operator running in this topic: one begins.
  feature.on("callback_query:data", async (ctx, next) => {
    const cb = parseDeskCallback(ctx.callbackQuery.data);
    if (cb?.action !== "resolveMenu") return next();
    await ctx.conversation.enter(NAME, { caseId: cb.caseId, thread: cb.thread } satisfies DialogueArgs);
  });
  return feature as unknown as Composer<BotContext>;
}

/** What an update is to a running dialogue. */
type Input = { kind: "button"; cb: DeskCallback } | { kind: "text"; text: string } | { kind: "other" };

function inputOf(ctx: Context): Input {
  // Read defensively: a malformed update is no dialogue's.
  const data: unknown = ctx.callbackQuery?.data;
  const cb = typeof data === "string" ? parseDeskCallback(data) : undefined;
  if (cb && RESOLVE_DIALOGUE_ACTIONS.has(cb.action)) return { kind: "button", cb };
  const text: unknown = ctx.message?.text;
  return typeof text === "string" && !text.startsWith("/") ? { kind: "text", text } : { kind: "other" };
}

/** One step back: from the subcategories to the categories, from the categories (or the note) one level up. */
function back(view: ResolveView): ResolveView {
  switch (view.step) {
    case "outcome":
    case "top":
      return { step: "outcome" };
    case "sub":
      return { step: "top", outcome: view.outcome };
    case "note":
      return { step: "sub", outcome: view.outcome, top: view.category.split(".")[0] as Extract<ResolveView, { step: "sub" }>["top"] };
  }
}

/** The step a button moves the dialogue to, or undefined when it belongs to another step (an older message's). */
function advance(view: ResolveView, cb: DeskCallback): ResolveView | undefined {
  if (cb.action === "outcome" && view.step === "outcome" && cb.outcome) return { step: "top", outcome: cb.outcome };
  if (cb.action === "category" && view.step === "top" && cb.top) return { step: "sub", outcome: view.outcome, top: cb.top };
  if (cb.action === "subcategory" && view.step === "sub" && cb.category?.startsWith(`${view.top}.`)) return { step: "note", outcome: view.outcome, category: cb.category };
  return undefined;
}

function resolveDialogue(desk: CaseDesk) {
  return async function resolve(conversation: Dialogue, _ctx: Context, args: DialogueArgs): Promise<void> {
    // Each step runs in the desk (once: on a replay its result is read back from the log), with
    // the press of the update that brought it: `outer` is this update's own context.
    const step = <R>(task: (outer: Outer, answer: PressReply["answer"], name: string) => Promise<R>) =>
      conversation.external((outer: Outer) => task(outer, answerOf(outer), outer.from?.first_name ?? ""));

    const start: ResolveStart | undefined = await step((outer, answer, name) => desk.resolveBegin(args, name, answer, outer.chat?.id));
    if (!start) return;
    let view: ResolveView = { step: "outcome" };
    for (;;) {
      const input = inputOf(await conversation.wait());
      // Anything else of this operator in this topic (a message while choosing, another case's
      // button in the General topic) is handled as it is without a dialogue.
      if (input.kind === "other" || (input.kind === "text" && view.step !== "note")) await conversation.skip({ next: true });
      if (input.kind === "button" && input.cb.caseId !== start.caseId) {
        if (input.cb.action !== "resolveMenu") await conversation.skip({ next: true });
        await step((_outer, answer) => answer(desk.text.t("staff-resolve-busy", { id: start.caseId }), true));
        continue;
      }
      if (input.kind === "text" || (input.kind === "button" && input.cb.action === "skipNote" && view.step === "note")) {
        const note = input.kind === "text" ? input.text : undefined;
        const chosen = view as Extract<ResolveView, { step: "note" }>;
        await step((outer, answer, name) => desk.resolveFinish(start, { outcome: chosen.outcome, category: chosen.category, note }, name, outer.callbackQuery ? answer : undefined));
        return;
      }
      if (input.kind !== "button") continue;
      const { cb } = input;
      if (cb.action === "cancel") {
        await step((_outer, answer, name) => desk.resolveEnd(start, { kind: "cancelled" }, name, answer));
        return;
      }
      if (cb.action === "resolveMenu") {
        await step((_outer, answer) => answer(desk.text.t("staff-resolve-in-progress"), true));
        continue;
      }
      const next: ResolveView | undefined = cb.action === "stepBack" ? back(view) : advance(view, cb);
      if (!next) {
        await step((_outer, answer) => answer(desk.text.t("staff-resolve-old-button")));
        continue;
      }
      // The case is looked at again: resolved by a colleague, reopened or erased meanwhile ends the dialogue.
      const ended = await step((_outer, answer, name) => desk.resolveShow(start, next, name, answer));
      if (ended) return;
      view = next;
    }
  };
}

/**
 * Answers the press of this update (a message has none to answer). An answer Telegram refuses
 * (a press answered too late) is logged: the dialogue goes on, the step's message says the rest.
 */
function answerOf(ctx: Outer): PressReply["answer"] {
  return async (text, alert) => {
    if (!ctx.callbackQuery) return;
    await ctx
      .answerCallbackQuery(text === undefined ? undefined : alert ? { text, show_alert: true } : { text })
      .catch((err: unknown) => ctx.log.warn({ err }, "could not answer a press of the resolve dialogue"));
  };
}

/**
 * The dialogue an update may belong to: its operator's in its topic. Only a dialogue's own
 * buttons and a text that is no command may belong to one; for everything else no key, and so
 * no Redis read (an operator's photo, a card's Claim, a /command cost nothing more).
 */
export function dialogueKeyOf(ctx: Context, desk: Pick<CaseDesk, "config" | "isStaffChat">): DialogueKey | undefined {
  const operator: unknown = ctx.from?.id;
  const chat = ctx.chat?.id;
  if (!desk.isStaffChat(chat) || typeof operator !== "number" || ctx.from?.is_bot) return undefined;
  const thread: unknown = ctx.callbackQuery?.message?.message_thread_id ?? ctx.message?.message_thread_id ?? 0;
  if (!Number.isSafeInteger(thread)) return undefined;
  if (inputOf(ctx).kind === "other") return undefined;
  // Each group numbers its own topics: a dialogue is keyed by its group too.
  return { chat: chat!, thread: thread as number, operator };
}

/** Reads begun early, by update: an update's read and its duplicate check share one Redis round trip. */
const early = new WeakMap<object, Promise<{ value: string | undefined } | undefined>>();

/**
 * Begins reading the dialogue an update may belong to, alongside the update's first Redis call
 * (the bot calls this right before its duplicate check, in the same tick, so that ioredis sends
 * both in one pipeline): an operator's message in a topic then costs no round trip more for
 * being possibly a note. Nothing is read for an update that cannot be a dialogue's.
 */
export function readDialogueEarly(ctx: Context, desk: Pick<CaseDesk, "config" | "dialogues" | "isStaffChat">): void {
  const key = dialogueKeyOf(ctx, desk);
  // A read that fails is made again when it is needed (and fails the update then, if Redis is away).
  if (key) early.set(ctx.update, desk.dialogues.read(key).then((value) => ({ value }), () => undefined));
}

/** The conversations plugin's storage: Redis, per operator and topic, with the TTL, without anyone's words or names. */
function dialogueStorage(store: DialogueStore, desk: Pick<CaseDesk, "config" | "isStaffChat">): ConversationStorage<Outer, ConversationData> {
  const keyOf = (ctx: Context) => dialogueKeyOf(ctx, desk);
  const read = async (ctx: Context, key: DialogueKey) => {
    const begun = await early.get(ctx.update);
    return begun ? begun.value : store.read(key);
  };
  return {
    type: "context",
    version: 1,
    adapter: {
      read: async (ctx: Outer): Promise<VersionedState<ConversationData> | undefined> => {
        const key = keyOf(ctx);
        const raw = key ? await read(ctx, key) : undefined;
        return raw === undefined ? undefined : (JSON.parse(raw) as VersionedState<ConversationData>);
      },
      write: async (ctx: Outer, state: VersionedState<ConversationData>) => {
        const key = keyOf(ctx);
        if (key) await store.write(key, JSON.stringify(state, withoutWords));
      },
      delete: async (ctx: Outer) => {
        const key = keyOf(ctx);
        if (key) await store.delete(key);
      },
    },
  };
}

/** Message fields that can carry what someone else wrote (a reply's original, a quote, a pinned message). */
const QUOTED = new Set(["reply_to_message", "external_reply", "quote", "pinned_message"]);

/**
 * JSON.stringify's replacer for the replay log: a pressed message is kept as its id and place
 * only (a card's text holds what the user wrote), quoted messages are dropped, and a person is
 * kept as their id only (no names, no @username).
 */
function withoutWords(key: string, value: unknown): unknown {
  if (QUOTED.has(key)) return undefined;
  if (value === null || typeof value !== "object") return value;
  if (key === "callback_query" && "message" in value) {
    const { message, ...rest } = value as { message?: { message_id: number; date: number; chat: unknown; message_thread_id?: number } };
    return { ...rest, ...(message ? { message: { message_id: message.message_id, date: message.date, chat: message.chat, message_thread_id: message.message_thread_id } } : {}) };
  }
  if ((key === "from" || key === "user") && "id" in value) {
    const person = value as { id: number; is_bot?: boolean };
    return { id: person.id, is_bot: person.is_bot ?? false, first_name: "" };
  }
  if (key === "chat" && "id" in value) {
    const chat = value as { id: number; type?: string };
    return { id: chat.id, type: chat.type };
  }
  return value;
}
