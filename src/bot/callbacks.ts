/**
 * Callback data of the bot's buttons: built and parsed here, in one place, one section per
 * feature. A parser returns a typed value, or undefined for data that is not its feature's
 * (then the next handler gets the update). Data is short and versionless: an old button from
 * a message long ago still parses, and its handler checks it against the present. The data
 * of every button stays byte for byte what it was, so buttons in users' chats keep working;
 * Telegram allows at most 64 bytes.
 *
 * Features match buttons through a parser (`onButtons`), or with `callbackQuery(…)` on the
 * constant data of a section; no other file spells callback data.
 */
import type { Composer, Context, Filter } from "grammy";
import { isLang, isRole, isTopic, type Lang, type Role, type Topic } from "../domain.js";
import { OUTCOMES, type Outcome } from "../cases/types.js";
import { categoryCode, type CategoryCode, type CategoryTop, isCategoryTop } from "../cases/categories.js";

const includes = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** The names of a section's constant buttons (those whose data is a string, not a builder). */
type Constants<B> = { [K in keyof B]: B[K] extends string ? K : never }[keyof B] & string;

/** A section's constant buttons by their data; the parsed values are shared and frozen. */
function constantsOf<B extends Record<string, unknown>>(section: B): ReadonlyMap<string, { readonly kind: Constants<B> }> {
  const map = new Map<string, { readonly kind: Constants<B> }>();
  for (const [kind, data] of Object.entries(section)) {
    if (typeof data === "string") map.set(data, Object.freeze({ kind: kind as Constants<B> }));
  }
  return map;
}

/**
 * Registers one handler per kind of a section's buttons: the data is parsed once, and a
 * button of a kind not listed (or not of this section) goes on to the next middleware.
 */
export function onButtons<C extends Context, T extends { kind: string }>(
  composer: Composer<C>,
  parse: (data: string) => T | undefined,
  handlers: { [K in T["kind"]]?: (ctx: Filter<C, "callback_query:data">, button: Extract<T, { kind: K }>) => unknown },
): void {
  composer.on("callback_query:data", async (ctx, next) => {
    const button = parse(ctx.callbackQuery.data);
    const handle = button && (handlers[button.kind as T["kind"]] as ((c: typeof ctx, b: T) => unknown) | undefined);
    if (!handle) return next();
    await handle(ctx, button);
  });
}

// ── The menu and settings: language, role, the topics, the ways to a person, /privacy ──

/** After the language is chosen: "Who are you?" (first start) or back to where the user was. */
export type LangThen = "role" | "menu";

export const MENU_CB = {
  lang: (lang: Lang, then: LangThen) => `lang:${lang}:${then}`,
  role: (role: Role) => `role:${role}`,
  topic: (topic: Topic) => `t:${topic}`,
  menu: "m:menu",
  person: "m:person",
  /** "Talk to a person now" under a crisis reply (a top-priority case). */
  personNow: "m:person:now",
  near: "m:near",
  language: "m:lang",
  privacy: "m:privacy",
  /** The quick exit as a button (what /hide does). */
  hide: "m:hide",
} as const;

/** `lang`, `role` and `topic` are undefined when the data names one the bot does not have (a stale or forged button). */
export type MenuCallback =
  | { kind: "lang"; lang?: Lang; then: LangThen }
  | { kind: "role"; role?: Role }
  | { kind: "topic"; topic?: Topic }
  | { kind: Constants<typeof MENU_CB> };

const MENU_CONSTANTS = constantsOf(MENU_CB);
const LANG_DATA = /^lang:([a-z]{2}):(role|menu)$/;
const ROLE_DATA = /^role:([a-z]+)$/;
const TOPIC_DATA = /^t:([a-z_]{1,20})$/;

export function parseMenuCallback(data: string): MenuCallback | undefined {
  const constant = MENU_CONSTANTS.get(data);
  if (constant) return constant;
  let m = LANG_DATA.exec(data);
  if (m) return { kind: "lang", lang: isLang(m[1]) ? m[1] : undefined, then: m[2] as LangThen };
  if ((m = ROLE_DATA.exec(data))) return { kind: "role", role: isRole(m[1]) ? m[1] : undefined };
  if ((m = TOPIC_DATA.exec(data))) return { kind: "topic", topic: isTopic(m[1]) ? m[1] : undefined };
  return undefined;
}

// ── Topic flows: f:<topic>:<question>:<option>, the region picker, and the way around ──

export const FLOW_CB = {
  answer: (topic: Topic, question: string, option: string) => `f:${topic}:${question}:${option}`,
  /** A region from the picker; null: "skip, don't ask my region". */
  region: (topic: Topic, code: string | null) => `f:${topic}:region:${code ?? "-"}`,
  regionPage: (topic: Topic, page: number) => `f:${topic}:rpage:${page}`,
  back: "f:back",
  resume: "f:resume",
  /** "More" under the short screen a child in danger gets: the rest of the outcome. */
  more: "f:more",
  /** Menu and cancel are handled outside the flow (they work when stale too). */
  menu: "f:menu",
  cancel: "f:cancel",
} as const;

/**
 * A flow button. The region `code` is whatever the data says (the handler checks it against
 * the directory); a page that is no number is page 0, as before.
 */
export type FlowCallback =
  | { kind: "answer"; topic: Topic; question: string; option: string }
  | { kind: "region"; topic: Topic; code: string | null }
  | { kind: "page"; topic: Topic; page: number }
  | { kind: Constants<typeof FLOW_CB> };

const FLOW_CONSTANTS = constantsOf(FLOW_CB);
const FLOW_DATA = /^f:([a-z_]{1,20}):([a-z0-9_]{1,12}):([a-z0-9_-]{1,24})$/;

export function parseFlowCallback(data: string): FlowCallback | undefined {
  const constant = FLOW_CONSTANTS.get(data);
  if (constant) return constant;
  const m = FLOW_DATA.exec(data);
  if (!m || !isTopic(m[1])) return undefined;
  const [, topic, question, option] = m as unknown as [string, Topic, string, string];
  if (question === "rpage") return { kind: "page", topic, page: Number(option) || 0 };
  if (question === "region") return { kind: "region", topic, code: option === "-" ? null : option };
  return { kind: "answer", topic, question, option };
}

// ── "Find help near me": near:r:<region>, near:c:<region> (a shared location's region confirmed), near:p:<page>, near:t:<topic> ──

export const NEAR_CB = {
  region: (code: string) => `near:r:${code}`,
  confirm: (code: string) => `near:c:${code}`,
  page: (page: number) => `near:p:${page}`,
  topic: (topic: Topic) => `near:t:${topic}`,
  change: "near:change",
} as const;

/** `topic` is undefined for one the bot does not have; the region `code` is checked by the handler. */
export type NearCallback =
  | { kind: "region"; code: string }
  | { kind: "confirm"; code: string }
  | { kind: "page"; page: number }
  | { kind: "topic"; topic?: Topic }
  | { kind: Constants<typeof NEAR_CB> };

const NEAR_CONSTANTS = constantsOf(NEAR_CB);
const NEAR_REGION_DATA = /^near:r:([a-z_]{2,20})$/;
const NEAR_CONFIRM_DATA = /^near:c:([a-z_]{2,20})$/;
const NEAR_PAGE_DATA = /^near:p:(\d{1,2})$/;
const NEAR_TOPIC_DATA = /^near:t:([a-z_]{1,20})$/;

export function parseNearCallback(data: string): NearCallback | undefined {
  const constant = NEAR_CONSTANTS.get(data);
  if (constant) return constant;
  let m = NEAR_REGION_DATA.exec(data);
  if (m) return { kind: "region", code: m[1]! };
  if ((m = NEAR_CONFIRM_DATA.exec(data))) return { kind: "confirm", code: m[1]! };
  if ((m = NEAR_PAGE_DATA.exec(data))) return { kind: "page", page: Number(m[1]) };
  if ((m = NEAR_TOPIC_DATA.exec(data))) return { kind: "topic", topic: isTopic(m[1]) ? m[1] : undefined };
  return undefined;
}

// ── /forget: the confirmation ──

export const FORGET_CB = {
  /** "Yes, erase", stamped with the minute it was offered: an old button in the chat cannot erase later. */
  yes: (minute: number) => `forget:yes:${minute}`,
  no: "forget:no",
} as const;

export type ForgetCallback = { kind: "yes"; minute: number } | { kind: "no" };

const FORGET_YES_DATA = /^forget:yes(?::(\d{1,10}))?$/;

/** `minute` 0: a "Yes" from before the stamp, never fresh. */
export function parseForgetCallback(data: string): ForgetCallback | undefined {
  if (data === FORGET_CB.no) return { kind: "no" };
  const m = FORGET_YES_DATA.exec(data);
  return m ? { kind: "yes", minute: Number(m[1] ?? 0) } : undefined;
}

// ── "Are you safe right now?": asked after an unclear cry for help ──

export const SAFE_CB = {
  yes: "safe:yes",
  no: "safe:no",
  person: "safe:person",
} as const;

export type SafeCallback = { kind: Constants<typeof SAFE_CB> };

const SAFE_CONSTANTS = constantsOf(SAFE_CB);

export function parseSafeCallback(data: string): SafeCallback | undefined {
  return SAFE_CONSTANTS.get(data);
}

// ── The staff desk: buttons under case cards in the staff group, c:<action>:<case>[:<arg>] ──

/**
 * A staff button names its case and the case's topic (`<id>.<thread>`, 0 for the General
 * topic): it acts only when both match, so a card left from before Redis lost its data never
 * acts on another child's case that was given the same number.
 */
type CaseRef = { id: number; threadId?: number };
const ref = (c: CaseRef) => `${c.id}.${c.threadId ?? 0}`;

export const DESK_CB = {
  claim: (c: CaseRef) => `c:claim:${ref(c)}`,
  resolveMenu: (c: CaseRef) => `c:res:${ref(c)}`,
  outcome: (c: CaseRef, outcome: Outcome) => `c:out:${ref(c)}:${outcome}`,
  release: (c: CaseRef) => `c:rel:${ref(c)}`,
  block: (c: CaseRef) => `c:block:${ref(c)}`,
  /** One saved reply at once (the card's buttons before the picker; still answered). */
  template: (c: CaseRef, id: string) => `c:tpl:${ref(c)}:${id}`,
  /** Opens the saved-replies picker under the card. */
  replies: (c: CaseRef) => `c:rp:${ref(c)}`,
  /**
   * The picker: toggling a reply shows the picker with `chosen` (a bit per reply of `version`,
   * in its order); Send sends the chosen ones. The choice lives in the buttons, not in Redis.
   */
  pick: (c: CaseRef, version: number, chosen: number) => `c:rpk:${ref(c)}:${version}.${chosen.toString(36)}`,
  sendReplies: (c: CaseRef, version: number, chosen: number) => `c:rps:${ref(c)}:${version}.${chosen.toString(36)}`,
  back: (c: CaseRef) => `c:card:${ref(c)}`,
  // The resolve dialogue (bot/desk/resolve.ts): Resolve, an outcome (above), then these.
  category: (c: CaseRef, top: CategoryTop) => `c:cat:${ref(c)}:${top}`,
  subcategory: (c: CaseRef, code: CategoryCode) => `c:sub:${ref(c)}:${code.replace(".", ":")}`,
  /** One step back in the dialogue. */
  stepBack: (c: CaseRef) => `c:prev:${ref(c)}`,
  /** No internal note: resolve now. */
  skipNote: (c: CaseRef) => `c:skip:${ref(c)}`,
  /** Leave the dialogue without resolving. */
  cancel: (c: CaseRef) => `c:stop:${ref(c)}`,
};

/**
 * A staff button. `outcome`, `template`, `picked`, `top` and `category` are undefined when the
 * data names one the bot does not make (a forged or outdated button): the press is answered and
 * does nothing. `thread` is undefined on buttons made before buttons named their topic.
 */
export type DeskCallback = { caseId: number; thread?: number } & (
  | { action: "claim" | "resolveMenu" | "release" | "block" | "back" | "stepBack" | "skipNote" | "cancel" }
  | { action: "replies" }
  | { action: "outcome"; outcome?: Outcome }
  | { action: "template"; template?: string }
  | { action: "pick" | "sendReplies"; picked?: { version: number; chosen: number } }
  | { action: "category"; top?: CategoryTop }
  | { action: "subcategory"; category?: CategoryCode }
);

/** The buttons of the resolve dialogue (Resolve starts it): they go to the operator's dialogue in that topic. */
export const RESOLVE_DIALOGUE_ACTIONS: ReadonlySet<DeskCallback["action"]> = new Set(["resolveMenu", "outcome", "category", "subcategory", "stepBack", "skipNote", "cancel"]);

const DESK_DATA = /^c:(claim|res|out|rel|block|tpl|card|rp|rpk|rps|cat|sub|prev|skip|stop):(\d{1,9})(?:\.(\d{1,12}))?(?::([a-z0-9_.]{1,24}))?(?::([a-z_]{1,24}))?$/;
const DESK_ACTIONS = { claim: "claim", res: "resolveMenu", rel: "release", block: "block", card: "back", rp: "replies", prev: "stepBack", skip: "skipNote", stop: "cancel" } as const;
const PICKED = /^(\d{1,6})\.([0-9a-z]{1,6})$/;
const REPLY_ID = /^[a-z][a-z0-9_]{0,23}$/;

export function parseDeskCallback(data: string): DeskCallback | undefined {
  const m = DESK_DATA.exec(data);
  if (!m) return undefined;
  const [, action, id, thread, arg, arg2] = m as unknown as [string, string, string, string | undefined, string | undefined, string | undefined];
  const at = { caseId: Number(id), ...(thread === undefined ? {} : { thread: Number(thread) }) };
  if (action === "sub") return { action: "subcategory", ...at, category: isCategoryTop(arg) ? categoryCode(arg, arg2) : undefined };
  // Only "sub" takes a second argument.
  if (arg2 !== undefined) return undefined;
  if (action === "out") return { action: "outcome", ...at, outcome: includes(OUTCOMES, arg) ? arg : undefined };
  if (action === "tpl") return { action: "template", ...at, template: arg !== undefined && REPLY_ID.test(arg) ? arg : undefined };
  if (action === "rpk" || action === "rps") {
    const p = PICKED.exec(arg ?? "");
    const picked = p ? { version: Number(p[1]), chosen: parseInt(p[2] as string, 36) } : undefined;
    return { action: action === "rpk" ? "pick" : "sendReplies", ...at, picked };
  }
  if (action === "cat") return { action: "category", ...at, top: isCategoryTop(arg) ? arg : undefined };
  return { action: DESK_ACTIONS[action as keyof typeof DESK_ACTIONS], ...at };
}

// ── Cases, the user's side: rating the help, asking for a check-in, answering it ──

export const CASE_CB = {
  /** A rating of 1–5 stars under the resolution message. */
  rate: (id: number, stars: number) => `rate:${id}:${stars}`,
  /** "Check on me in 3 days". */
  checkIn: (id: number) => `ci:${id}`,
  /** "I'm okay" under a check-in. */
  checkInOk: (id: number) => `ci:ok:${id}`,
};

export type CaseCallback =
  | { kind: "rate"; caseId: number; stars: number }
  | { kind: "checkIn"; caseId: number }
  | { kind: "checkInOk"; caseId: number };

const RATE_DATA = /^rate:(\d{1,9}):([1-5])$/;
const CHECK_IN_DATA = /^ci:(\d{1,9})$/;
const CHECK_IN_OK_DATA = /^ci:ok:(\d{1,9})$/;

export function parseCaseCallback(data: string): CaseCallback | undefined {
  let m = RATE_DATA.exec(data);
  if (m) return { kind: "rate", caseId: Number(m[1]), stars: Number(m[2]) };
  if ((m = CHECK_IN_DATA.exec(data))) return { kind: "checkIn", caseId: Number(m[1]) };
  if ((m = CHECK_IN_OK_DATA.exec(data))) return { kind: "checkInOk", caseId: Number(m[1]) };
  return undefined;
}

// ── The data editor in the staff group: confirm or cancel an uploaded CSV, <kind>:<ok|no>:<token> ──

/** What an upload is: the help directory (`dir`) or the saved replies (`rpl`). */
export const EDITOR_KINDS = ["dir", "rpl"] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

export const EDITOR_CB = {
  apply: (kind: EditorKind, token: string) => `${kind}:ok:${token}`,
  cancel: (kind: EditorKind, token: string) => `${kind}:no:${token}`,
};

export type EditorCallback = { kind: "apply"; data: EditorKind; token: string } | { kind: "cancel"; data: EditorKind; token: string };

const EDITOR_DATA = /^(dir|rpl):(ok|no):([A-Za-z0-9_-]{1,40})$/;

export function parseEditorCallback(data: string): EditorCallback | undefined {
  const m = EDITOR_DATA.exec(data);
  if (!m) return undefined;
  return { kind: m[2] === "ok" ? "apply" : "cancel", data: m[1] as EditorKind, token: m[3] as string };
}
