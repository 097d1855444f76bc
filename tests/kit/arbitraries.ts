/**
 * fast-check arbitraries for fuzzing the bot with Telegram updates. The arbitraries produce
 * plain, printable *steps* (who does what where); `buildUpdate` turns a step into a Bot API
 * update at send time, resolving symbolic references (user #1, "the topic of case 2") against
 * the running harness, so a shrunk counterexample reads like a small story.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Update } from "grammy/types";
import { LANGS, ROLES, TOPICS } from "../../src/domain.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import { OUTCOMES } from "../../src/cases/types.js";
import { CATEGORY_TOPS } from "../../src/cases/categories.js";
import { BOT_INFO } from "../../src/testing/fake-telegram.js";
import { chatInstance } from "../../src/testing/updates.js";

// ---------------------------------------------------------------------------------------------
// Who and where

/** A human or bot sending an update. Indexes are into the pools of `Actors`. */
export type Sender =
  | { kind: "user"; i: number }
  | { kind: "operator"; i: number }
  | { kind: "outsider"; i: number }
  | { kind: "bot" }
  | { kind: "anon_admin" }
  | { kind: "telegram" };

/** Forum topic of a message in the staff group: the topic of case N (if it has one), or any number. */
export type ThreadRef = { case: number } | { raw: number };

export type Place =
  | { kind: "private" }
  | { kind: "staff"; thread?: ThreadRef }
  | { kind: "group"; i: number; type: "group" | "supergroup"; thread?: number }
  | { kind: "channel"; i: number };

export const MEDIA_KINDS = [
  "photo",
  "voice",
  "video",
  "video_note",
  "document",
  "sticker",
  "location",
  "contact",
  "poll",
  "dice",
  "animation",
  "audio",
  "venue",
] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const SERVICE_KINDS = [
  "new_chat_members",
  "left_chat_member",
  "new_chat_title",
  "pinned_message",
  "forum_topic_created",
  "forum_topic_edited",
  "forum_topic_closed",
  "forum_topic_reopened",
  "group_chat_created",
  "message_auto_delete_timer_changed",
  "write_access_allowed",
  "video_chat_started",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** How a text's bot_command entity is built: as Telegram does, left out, or nonsense. */
export type EntityMode = "auto" | "none" | { broken: number };

/**
 * A text, or (with `label`) the label of the n-th button of the last keyboard the bot sent to
 * this chat, typed instead of pressed (falls back to `text` when there is no keyboard).
 */
export type Body =
  | { kind: "text"; text: string; entities: EntityMode; label?: number }
  | { kind: "media"; media: MediaKind; caption?: string; seed: number }
  | { kind: "service"; service: ServiceKind };

export const OTHER_KINDS = [
  "no_kind",
  "unknown_kind",
  "inline_query",
  "chosen_inline_result",
  "poll",
  "poll_answer",
  "chat_member",
  "chat_join_request",
  "message_reaction",
  "message_reaction_count",
  "pre_checkout_query",
  "shipping_query",
  "chat_boost",
  "business_connection",
  "deleted_business_messages",
] as const;
export type OtherKind = (typeof OTHER_KINDS)[number];

/** Callback data: literal, or the n-th button of the last keyboard the bot sent to this chat (or topic). */
export type DataRef = string | { press: number };

export type Step =
  | { kind: "message"; edited: boolean; from: Sender; place: Place; body: Body; lang?: string }
  | { kind: "channel_post"; edited: boolean; channel: number; body: Body }
  | { kind: "callback"; from: Sender; place: Place | { kind: "inline" }; data?: DataRef; lang?: string; old?: true }
  | { kind: "my_chat_member"; from: Sender; place: Place; old: string; now: string }
  | { kind: "other"; other: OtherKind; from: Sender };

// ---------------------------------------------------------------------------------------------
// Texts

/** Real messages in kk/ru/en of every risk level (the triage evaluation set). */
export const PHRASES: readonly string[] = readFileSync(new URL("../triage/eval-set.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim().length > 0)
  .map((line) => (JSON.parse(line) as { text: string }).text);

const JUNK = [
  "\u0000",
  "\u0007",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "\ud83d",
  "🙂",
  "👨‍👩‍👧",
  "🏳️‍⚧️",
  "🔪",
  "💊",
  "🩸",
  "Z̷̢̛a̸l̴g̵o̶",
  "<b>",
  "</i>",
  "<a href=\"tg://user?id=1\">",
  "&amp;",
  "&lt;",
  "${id}",
  "{ $role }",
  "%s",
  "\\",
  '"',
  "'",
  "`",
  "\n",
  "\r\n",
  "\t",
  " ",
  "қ",
  "ү",
  "ә",
  "ё",
  "ﷺ",
  "𝕏",
  "١٢٣",
  "112",
  "150",
  "/start",
  "@senim_help_bot",
];

const KNOWN_COMMANDS = ["start", "menu", "help", "language", "cancel", "privacy", "forget", "queue", "note"] as const;

const shortText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...JUNK), { maxLength: 20 }).map((parts) => parts.join("")) },
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES) },
);

/** Up to 100,000 characters: a random chunk repeated (Telegram's own limit is 4,096). */
export const hugeText = fc
  .tuple(fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), fc.constantFrom(...PHRASES, ...JUNK.filter(Boolean))), fc.integer({ min: 4_000, max: 100_000 }))
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

/** Deep-link payloads of /start: campaign tags, regions, and things that only look like them. */
export const deepLinkPayload = fc.oneof(
  fc.stringMatching(/^src-[a-z0-9_-]{0,40}$/),
  fc.stringMatching(/^r-[a-z_]{0,20}$/),
  fc.constantFrom("r-astana", "r-almaty_city", "R-PAVLODAR", "src-poster1", "r-../x", "src-", "r-", "src-a b", "r-astana\u0000", "src-💊"),
  fc.string({ unit: "grapheme", maxLength: 70 }),
);

export const commandText = fc
  .record({
    name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN_COMMANDS) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{1,33}$/) }),
    mention: fc.constantFrom("", "", "", "@senim_help_bot", "@Senim_Help_Bot", "@other_bot"),
    sep: fc.constantFrom(" ", " ", "  ", "\n"),
    payload: fc.oneof(fc.constant(""), deepLinkPayload, shortText),
  })
  .map(({ name, mention, sep, payload }) => `/${name}${mention}${payload ? sep + payload : ""}`);

/** Any text a user or an operator might send. */
export const anyText = fc.oneof(
  { weight: 10, arbitrary: shortText },
  { weight: 4, arbitrary: commandText },
  { weight: 2, arbitrary: fc.constantFrom("1", "2", "3", "4", "5", "6", "0", "-1", "99", " 2 ") },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PHRASES), shortText).map(([a, b]) => `${b}${a}${b}`) },
  { weight: 1, arbitrary: hugeText },
);

export const textBody = (text: fc.Arbitrary<string> = anyText): fc.Arbitrary<Body> =>
  fc.record(
    {
      kind: fc.constant("text" as const),
      text,
      entities: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<EntityMode>("auto", "none") },
        { weight: 1, arbitrary: fc.nat(5).map((broken): EntityMode => ({ broken })) },
      ),
      label: fc.nat(20),
    },
    { requiredKeys: ["kind", "text", "entities"] },
  );

export const mediaBody: fc.Arbitrary<Body> = fc.record(
  {
    kind: fc.constant("media" as const),
    media: fc.constantFrom(...MEDIA_KINDS),
    caption: fc.oneof(shortText, fc.constantFrom(...PHRASES)),
    seed: fc.nat(),
  },
  { requiredKeys: ["kind", "media", "seed"] },
);

export const serviceBody: fc.Arbitrary<Body> = fc.record({ kind: fc.constant("service" as const), service: fc.constantFrom(...SERVICE_KINDS) });

// ---------------------------------------------------------------------------------------------
// Callback data

const FLOW_DATA: readonly string[] = Object.values(FLOWS).flatMap((flow) =>
  flow.questions.flatMap((q) => q.options.map((o) => `f:${flow.topic}:${q.id}:${o.id}`)),
);

export const REGION_CODES: readonly string[] = (
  JSON.parse(readFileSync(new URL("../../data/regions.json", import.meta.url), "utf8")) as { regions: Array<{ code: string }> }
).regions.map((r) => r.code);

const STATIC_DATA = [
  "m:menu",
  "m:near",
  "m:lang",
  "m:privacy",
  "f:back",
  "f:resume",
  "f:menu",
  "f:cancel",
  "forget:no",
  "near:change",
] as const;

/** Callback data that opens a case for the presser ("Talk to a person"). */
export const CASE_OPENERS = ["m:person", "m:person:now"] as const;

/** Case ids: each run starts from an empty store, so case #1 is the first one opened in the run. */
const caseNumber = fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 4 }) });
const caseId = fc.oneof({ weight: 8, arbitrary: caseNumber }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 999_999_999, 1e12) });
const DESK_ACTIONS = ["claim", "res", "out", "rel", "block", "tpl", "card", "rp", "rpk", "rps", "cat", "sub", "prev", "skip", "stop", "xyz"] as const;
const DESK_ARGS = ["", "helped", "referred", "abusive", "other", "greeting", "safe", "referral", "closing", "violence", "family:parents", "bullying:nonsense", "nonsense", "HELPED", "0.3", "9.zz"] as const;

/** Callback data naming a case: ratings, check-ins and staff buttons (valid-looking, with any id). */
export const caseCallbackData = fc.oneof(
  fc.tuple(caseId, fc.integer({ min: -1, max: 9 })).map(([id, n]) => `rate:${id}:${n}`),
  caseId.map((id) => `ci:${id}`),
  caseId.map((id) => `ci:ok:${id}`),
  fc.tuple(fc.constantFrom(...DESK_ACTIONS), caseId, fc.constantFrom(...DESK_ARGS)).map(([a, id, arg]) => `c:${a}:${id}${arg ? `:${arg}` : ""}`),
);

/** Staff buttons as the bot makes them (DESK_CB), for cases of the run. */
export const deskData = fc.oneof(
  caseNumber.map((n) => `c:claim:${n}`),
  caseNumber.map((n) => `c:res:${n}`),
  fc.tuple(caseNumber, fc.constantFrom(...OUTCOMES)).map(([n, o]) => `c:out:${n}:${o}`),
  fc.tuple(caseNumber, fc.constantFrom("greeting", "safe", "referral", "closing")).map(([n, t]) => `c:tpl:${n}:${t}`),
  caseNumber.map((n) => `c:rp:${n}`),
  fc.tuple(caseNumber, fc.nat({ max: 15 })).map(([n, chosen]) => `c:rpk:${n}:0.${chosen.toString(36)}`),
  fc.tuple(caseNumber, fc.nat({ max: 15 })).map(([n, chosen]) => `c:rps:${n}:0.${chosen.toString(36)}`),
  caseNumber.map((n) => `c:rel:${n}`),
  caseNumber.map((n) => `c:block:${n}`),
  caseNumber.map((n) => `c:card:${n}`),
  // The resolve dialogue's own buttons.
  fc.tuple(caseNumber, fc.constantFrom(...CATEGORY_TOPS)).map(([n, t]) => `c:cat:${n}:${t}`),
  fc.tuple(caseNumber, fc.constantFrom("violence:physical", "family:parents", "mental_health:suicidal")).map(([n, s]) => `c:sub:${n}:${s}`),
  caseNumber.map((n) => `c:prev:${n}`),
  caseNumber.map((n) => `c:skip:${n}`),
  caseNumber.map((n) => `c:stop:${n}`),
);

/**
 * Any callback data: buttons the bot really sends, buttons it sent long ago, and forgeries.
 * `openers` is the weight of "Talk to a person" (0: never opens a case).
 */
export function callbackData(openers = 1): fc.Arbitrary<string> {
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 6, arbitrary: fc.constantFrom(...STATIC_DATA) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...LANGS, "xx", "KK", "r", "ruu", ""), fc.constantFrom("role", "menu", "x", "")).map(([l, t]) => `lang:${l}:${t}`) },
    { weight: 3, arbitrary: fc.constantFrom(...ROLES, "alien", "", "CHILD").map((r) => `role:${r}`) },
    { weight: 4, arbitrary: fc.constantFrom(...TOPICS, "unknown_topic", "", "danger ").map((t) => `t:${t}`) },
    { weight: 3, arbitrary: fc.constantFrom(...REGION_CODES, "../x", "..", "nowhere", "ASTANA", "a").map((r) => `near:r:${r}`) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 120 }).map((p) => `near:p:${p}`) },
    { weight: 2, arbitrary: fc.constantFrom(...TOPICS, "nope").map((t) => `near:t:${t}`) },
    { weight: 8, arbitrary: fc.constantFrom(...FLOW_DATA) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...TOPICS, "nope"), fc.stringMatching(/^[a-z0-9_]{1,12}$/), fc.stringMatching(/^[a-z0-9_-]{1,24}$/))
        .map(([t, q, o]) => `f:${t}:${q}:${o}`),
    },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TOPICS), fc.constantFrom(...REGION_CODES, "-", "../x")).map(([t, r]) => `f:${t}:region:${r}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TOPICS), fc.integer({ min: -5, max: 99_999 })).map(([t, p]) => `f:${t}:rpage:${p}`) },
    { weight: 4, arbitrary: caseCallbackData },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 65, maxLength: 400 }) },
    { weight: 1, arbitrary: fc.constantFrom("", ":", "::::", "f:", "c:", "rate:", "lang::", "t:", "near:r:", "forget:yes ") },
  ];
  if (openers > 0) arbs.push({ weight: openers, arbitrary: fc.constantFrom(...CASE_OPENERS) });
  return fc.oneof(...arbs);
}

/** Mostly the buttons the bot really showed (deep into flows, cards, ratings), else any data. */
export function dataRef(openers = 1, literal: fc.Arbitrary<string> = callbackData(openers)): fc.Arbitrary<DataRef> {
  return fc.oneof({ weight: 3, arbitrary: fc.nat(30).map((press) => ({ press })) }, { weight: 2, arbitrary: literal });
}

// ---------------------------------------------------------------------------------------------
// Steps

export const languageCode = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("kk", "ru", "en", "kk-KZ", "ru-RU", "en-US", "uk", "de", "tr", "zz", "", "KK", "ru_RU", "KZ-kk") },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const user = (users: number) => fc.integer({ min: 0, max: users - 1 }).map((i): Sender => ({ kind: "user", i }));
const operator = (operators: number) => fc.integer({ min: 0, max: operators - 1 }).map((i): Sender => ({ kind: "operator", i }));
const outsider = (outsiders: number) => fc.integer({ min: 0, max: outsiders - 1 }).map((i): Sender => ({ kind: "outsider", i }));

export interface Pools {
  users: number;
  operators: number;
  outsiders: number;
  groups: number;
  channels: number;
}

const threadRef: fc.Arbitrary<ThreadRef | undefined> = fc.oneof(
  { weight: 4, arbitrary: caseNumber.map((n): ThreadRef => ({ case: n })) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(1, 0, -1), fc.integer({ min: 2, max: 2 ** 31 })).map((n): ThreadRef => ({ raw: n })) },
);

const staffPlace: fc.Arbitrary<Place> = threadRef.map((thread) => (thread ? { kind: "staff", thread } : { kind: "staff" }));
const groupPlace = (groups: number): fc.Arbitrary<Place> =>
  fc
    .record({
      i: fc.integer({ min: 0, max: groups - 1 }),
      type: fc.constantFrom("group" as const, "supergroup" as const),
      thread: fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { nil: undefined }),
    })
    .map(({ i, type, thread }): Place => ({ kind: "group", i, type, ...(thread !== undefined ? { thread } : {}) }));

export const anyBody = (text: fc.Arbitrary<string> = anyText) =>
  fc.oneof({ weight: 6, arbitrary: textBody(text) }, { weight: 3, arbitrary: mediaBody }, { weight: 1, arbitrary: serviceBody });

/** Only private users: texts, commands, buttons and media, as the users of the bot do. */
export function privateStep(pools: Pick<Pools, "users">, options: { openers?: number } = {}): fc.Arbitrary<Step> {
  const from = user(pools.users);
  const lang = fc.option(languageCode, { nil: undefined });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.constant(false), from, place: fc.constant<Place>({ kind: "private" }), body: textBody(), lang }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.constant(false), from, place: fc.constant<Place>({ kind: "private" }), body: mediaBody, lang }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("callback" as const),
        from,
        place: fc.constant<Place>({ kind: "private" }),
        data: dataRef(options.openers ?? 1),
        lang,
        // A button under a message too old for the bot to see (InaccessibleMessage, date 0).
        old: fc.option(fc.constant(true as const), { nil: undefined, freq: 8 }),
      }),
    },
  );
}

/** Everything Telegram can deliver, from everyone, everywhere (well-formed per the Bot API). */
export function anyStep(pools: Pools): fc.Arbitrary<Step> {
  const human = fc.oneof({ weight: 5, arbitrary: user(pools.users) }, { weight: 2, arbitrary: operator(pools.operators) }, { weight: 2, arbitrary: outsider(pools.outsiders) });
  const anySender = fc.oneof(
    { weight: 12, arbitrary: human },
    { weight: 1, arbitrary: fc.constantFrom<Sender>({ kind: "bot" }, { kind: "anon_admin" }, { kind: "telegram" }) },
  );
  const staffSender = fc.oneof({ weight: 4, arbitrary: operator(pools.operators) }, { weight: 2, arbitrary: outsider(pools.outsiders) }, { weight: 1, arbitrary: user(pools.users) }, { weight: 1, arbitrary: anySender });
  const lang = fc.option(languageCode, { nil: undefined });
  const staffText = fc.oneof(
    { weight: 3, arbitrary: anyText },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("/note", "/queue", "/note@senim_help_bot", "/queue@other_bot"), shortText).map(([c, t]) => `${c} ${t}`) },
  );
  return fc.oneof(
    // private
    { weight: 10, arbitrary: privateStep(pools, { openers: 2 }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("callback" as const), from: user(pools.users), place: fc.constant<Place>({ kind: "private" }), data: fc.constantFrom(...CASE_OPENERS), lang }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.constant(false), from: user(pools.users), place: fc.constant<Place>({ kind: "private" }), body: serviceBody, lang }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.constant(true), from: user(pools.users), place: fc.constant<Place>({ kind: "private" }), body: anyBody(), lang }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.boolean(), from: fc.constant<Sender>({ kind: "bot" }), place: fc.constant<Place>({ kind: "private" }), body: anyBody(), lang }) },
    // the staff group
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.boolean(), from: staffSender, place: staffPlace, body: anyBody(staffText), lang }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("callback" as const), from: staffSender, place: staffPlace, data: dataRef(0, fc.oneof(caseCallbackData, callbackData(0))), lang }) },
    // other groups, channels, inline buttons
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.boolean(), from: anySender, place: groupPlace(pools.groups), body: anyBody(), lang }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("callback" as const), from: human, place: groupPlace(pools.groups), data: dataRef(1), lang }) },
    {
      weight: 1,
      arbitrary: fc.record(
        { kind: fc.constant("callback" as const), from: human, place: fc.constant({ kind: "inline" as const }), data: dataRef(1, fc.oneof(callbackData(1), caseCallbackData)), lang },
        { requiredKeys: ["kind", "from", "place"] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("channel_post" as const), edited: fc.boolean(), channel: fc.integer({ min: 0, max: pools.channels - 1 }), body: anyBody() }),
    },
    // membership and the rest
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("my_chat_member" as const),
        from: human,
        place: fc.oneof(fc.constant<Place>({ kind: "private" }), staffPlace, groupPlace(pools.groups), fc.constant<Place>({ kind: "channel", i: 0 })),
        old: fc.constantFrom("member", "left", "kicked", "administrator", "restricted"),
        now: fc.constantFrom("member", "left", "kicked", "administrator", "restricted"),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("other" as const), other: fc.constantFrom(...OTHER_KINDS), from: human }) },
  );
}

/**
 * The desk at work: a few users talk to the bot and open cases, operators press the buttons of
 * the case cards, answer in the case topics, send saved replies, resolve, block; users rate.
 */
export function deskStep(pools: Pick<Pools, "users" | "operators">): fc.Arbitrary<Step> {
  const from = user(pools.users);
  const op = operator(pools.operators);
  const lang = fc.option(languageCode, { nil: undefined });
  const inCase: fc.Arbitrary<Place> = caseNumber.map((n): Place => ({ kind: "staff", thread: { case: n } }));
  const staffText = fc.oneof(
    { weight: 4, arbitrary: anyText },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("/note", "/queue", "/note@senim_help_bot"), shortText).map(([c, t]) => `${c} ${t}`) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: privateStep({ users: pools.users }, { openers: 3 }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("callback" as const), from, place: fc.constant<Place>({ kind: "private" }), data: fc.constantFrom(...CASE_OPENERS), lang }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("callback" as const), from: op, place: inCase, data: dataRef(0, fc.oneof({ weight: 3, arbitrary: deskData }, { weight: 1, arbitrary: caseCallbackData })), lang }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("message" as const), edited: fc.constant(false), from: op, place: inCase, body: anyBody(staffText), lang }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Building updates

export interface Actors {
  users: readonly number[];
  operators: readonly number[];
  outsiders: readonly number[];
  groups: readonly number[];
  channels: readonly number[];
  staffChatId: number;
}

export interface BuildEnv {
  actors: Actors;
  updateId(): number;
  messageId(): number;
  /** The forum topic of case `id`, if it has one. */
  threadOf(caseId: number): Promise<number | undefined>;
  /** The buttons of the last inline keyboard the bot sent to this chat (and forum topic). */
  buttons(chatId: number, thread?: number): ReadonlyArray<{ text: string; data?: string }>;
}

/** What the test needs to know about a built update. */
export interface Built {
  update: Update;
  /** The chat the update comes from (undefined for inline buttons and chat-less kinds). */
  chatId?: number;
  chatType?: string;
  /** The forum topic (staff group) or reply thread it is in. */
  thread?: number;
  sender?: { id: number; is_bot: boolean; first_name: string; username?: string };
  /** Every text a person wrote in it (message text, caption, poll question, inline query...). */
  texts: string[];
  /** A private text message from a person: the bot must answer it. */
  privateText?: string;
}

export const GROUP_ANONYMOUS_BOT = { id: 1_087_968_824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
const TELEGRAM = { id: 777_000, is_bot: false, first_name: "Telegram" };
const OTHER_BOT = { id: 5_555_555_555, is_bot: true, first_name: "Other", username: "other_bot" };

/** A fixed canary name per actor id, to look for in logs and staff messages. */
export function canaryName(id: number): string {
  return `Nm${id.toString(36)}Qz`;
}

function senderOf(sender: Sender, actors: Actors, lang: string | undefined) {
  const human = (id: number) => ({
    id,
    is_bot: false,
    first_name: canaryName(id),
    username: `u_${canaryName(id).toLowerCase()}`,
    ...(lang !== undefined ? { language_code: lang } : {}),
  });
  switch (sender.kind) {
    case "user":
      return human(actors.users[sender.i % actors.users.length]!);
    case "operator":
      return human(actors.operators[sender.i % actors.operators.length]!);
    case "outsider":
      return human(actors.outsiders[sender.i % actors.outsiders.length]!);
    case "bot":
      return OTHER_BOT;
    case "anon_admin":
      return GROUP_ANONYMOUS_BOT;
    case "telegram":
      return TELEGRAM;
  }
}

async function chatOf(place: Place, sender: { id: number; first_name: string }, env: BuildEnv) {
  const { actors } = env;
  switch (place.kind) {
    case "private":
      return { chat: { id: sender.id, type: "private" as const, first_name: sender.first_name }, thread: undefined };
    case "staff": {
      let thread: number | undefined;
      if (place.thread && "case" in place.thread) thread = (await env.threadOf(place.thread.case)) ?? 424_242;
      else if (place.thread) thread = place.thread.raw;
      return { chat: { id: actors.staffChatId, type: "supergroup" as const, title: "Senim staff", is_forum: true }, thread };
    }
    case "group": {
      const id = actors.groups[place.i % actors.groups.length]!;
      const chat = place.type === "group" ? { id, type: "group" as const, title: "Class 7B" } : { id, type: "supergroup" as const, title: "Parents" };
      return { chat, thread: place.thread };
    }
    case "channel":
      return { chat: { id: actors.channels[place.i % actors.channels.length]!, type: "channel" as const, title: "News" }, thread: undefined };
  }
}

function fileOf(kind: string, seed: number) {
  return { file_id: `${kind}-${seed}`, file_unique_id: `u${kind}${seed}`, file_size: seed % 5_000_000 };
}

function mediaOf(kind: MediaKind, seed: number, senderId: number): Record<string, unknown> {
  const f = fileOf(kind, seed);
  switch (kind) {
    case "photo":
      return { photo: [{ ...f, width: 90, height: 90 }, { ...fileOf("photo-big", seed), width: 1280, height: 960 }] };
    case "voice":
      return { voice: { ...f, duration: seed % 600, mime_type: "audio/ogg" } };
    case "video":
      return { video: { ...f, width: 640, height: 480, duration: seed % 300 } };
    case "video_note":
      return { video_note: { ...f, length: 240, duration: seed % 60 } };
    case "document":
      return { document: { ...f, file_name: `report-${seed}.pdf`, mime_type: "application/pdf" } };
    case "sticker":
      return { sticker: { ...f, type: "regular", width: 512, height: 512, is_animated: seed % 2 === 0, is_video: false, emoji: "😢" } };
    case "location": {
      // Inside Kazakhstan, outside, and at the edges of the valid range.
      const points = [
        [51.1694, 71.4491],
        [43.2389, 76.8897],
        [42.3417, 69.5901],
        [55.7558, 37.6173],
        [0, 0],
        [-90, 180],
        [90, -180],
      ] as const;
      const [latitude, longitude] = points[seed % points.length]!;
      return { location: { latitude: latitude + ((seed % 1000) - 500) / 10_000, longitude } };
    }
    case "contact":
      return { contact: { phone_number: `+7701${String(seed).padStart(7, "0").slice(0, 7)}`, first_name: "Mama", user_id: seed % 2 === 0 ? senderId : undefined } };
    case "poll":
      return {
        poll: {
          id: `poll${seed}`,
          question: "Are you ok?",
          options: [
            { text: "yes", voter_count: 0 },
            { text: "no", voter_count: 0 },
          ],
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: true,
          type: seed % 2 === 0 ? "regular" : "quiz",
          allows_multiple_answers: false,
        },
      };
    case "dice":
      return { dice: { emoji: ["🎲", "🎯", "🏀", "⚽", "🎳", "🎰"][seed % 6], value: (seed % 6) + 1 } };
    case "animation":
      return { animation: { ...f, width: 320, height: 240, duration: 3 }, document: { ...f, mime_type: "video/mp4" } };
    case "audio":
      return { audio: { ...f, duration: seed % 900, title: "song", performer: "band" } };
    case "venue":
      return { venue: { location: { latitude: 51.17, longitude: 71.45 }, title: "School 12", address: "Abay 1" }, location: { latitude: 51.17, longitude: 71.45 } };
  }
}

function serviceOf(kind: ServiceKind, sender: { id: number; is_bot: boolean; first_name: string }, thread: number | undefined): Record<string, unknown> {
  switch (kind) {
    case "new_chat_members":
      return { new_chat_members: [sender, BOT_INFO] };
    case "left_chat_member":
      return { left_chat_member: sender };
    case "new_chat_title":
      return { new_chat_title: "renamed" };
    case "pinned_message":
      return { pinned_message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "x" } } };
    case "forum_topic_created":
      return { forum_topic_created: { name: "topic", icon_color: 0x6fb9f0 } };
    case "forum_topic_edited":
      return { forum_topic_edited: { name: `renamed ${thread ?? ""}` } };
    case "forum_topic_closed":
      return { forum_topic_closed: {} };
    case "forum_topic_reopened":
      return { forum_topic_reopened: {} };
    case "group_chat_created":
      return { group_chat_created: true };
    case "message_auto_delete_timer_changed":
      return { message_auto_delete_timer_changed: { message_auto_delete_time: 86_400 } };
    case "write_access_allowed":
      return { write_access_allowed: { from_request: true } };
    case "video_chat_started":
      return { video_chat_started: {} };
  }
}

function entitiesOf(text: string, mode: EntityMode): Record<string, unknown> {
  if (mode === "none") return {};
  if (mode !== "auto") {
    const options = [
      [{ type: "bot_command", offset: 0, length: text.length + 50 }],
      [{ type: "bot_command", offset: text.length + 5, length: 3 }],
      [{ type: "bot_command", offset: -1, length: 2 }],
      [{ type: "bot_command", offset: 0, length: 0 }],
      [{ type: "text_link", offset: 0, length: 1, url: "javascript:alert(1)" }, { type: "bold", offset: 3, length: 1e6 }],
      [{ type: "mention", offset: 0, length: 5 }],
    ];
    return { entities: options[mode.broken % options.length] };
  }
  if (!text.startsWith("/")) return {};
  const length = text.split(/\s/)[0]!.length;
  return { entities: [{ type: "bot_command", offset: 0, length }] };
}

function bodyOf(body: Body, sender: { id: number; is_bot: boolean; first_name: string }, thread: number | undefined, labels: readonly string[]) {
  switch (body.kind) {
    case "text": {
      const text = body.label !== undefined && labels.length > 0 ? labels[body.label % labels.length]! : body.text;
      return { fields: { text, ...entitiesOf(text, body.entities) }, texts: [text] };
    }
    case "media": {
      const fields = { ...mediaOf(body.media, body.seed, sender.id), ...(body.caption !== undefined ? { caption: body.caption } : {}) };
      return { fields, texts: body.caption !== undefined ? [body.caption] : [] };
    }
    case "service":
      return { fields: serviceOf(body.service, sender, thread), texts: [] };
  }
}

/**
 * Turns a step into an update, with fresh update and message ids. The update shares no object
 * with anything else (BOT_INFO is the bot's own `me`: corrupting an alias would corrupt the bot).
 */
export async function buildUpdate(step: Step, env: BuildEnv): Promise<Built> {
  const built = await assemble(step, env);
  return { ...built, update: structuredClone(built.update) };
}

async function assemble(step: Step, env: BuildEnv): Promise<Built> {
  const update_id = env.updateId();
  const message_id = env.messageId();
  const date = Math.floor(Date.now() / 1000);
  switch (step.kind) {
    case "message": {
      const from = senderOf(step.from, env.actors, step.lang);
      const { chat, thread } = await chatOf(step.place, from, env);
      const labels = env.buttons(chat.id, thread).map((b) => b.text);
      const { fields, texts } = bodyOf(step.body, from, thread, labels);
      const extra: Record<string, unknown> = {};
      if (thread !== undefined) Object.assign(extra, { message_thread_id: thread, is_topic_message: step.place.kind === "staff" });
      if (step.from.kind === "anon_admin") extra.sender_chat = chat;
      if (step.from.kind === "telegram") Object.assign(extra, { is_automatic_forward: true, sender_chat: { id: -1009999999999, type: "channel", title: "News" } });
      if (step.edited) extra.edit_date = date + 5;
      const message = { message_id, date, chat, from, ...extra, ...fields };
      const key = step.edited ? "edited_message" : "message";
      const privateText = !step.edited && chat.type === "private" && !from.is_bot && step.body.kind === "text" ? texts[0] : undefined;
      return { update: { update_id, [key]: message } as unknown as Update, chatId: chat.id, chatType: chat.type, thread, sender: from, texts, privateText };
    }
    case "channel_post": {
      const chat = { id: env.actors.channels[step.channel % env.actors.channels.length]!, type: "channel" as const, title: "News" };
      const { fields, texts } = bodyOf(step.body, OTHER_BOT, undefined, []);
      const message = { message_id, date, chat, sender_chat: chat, ...(step.edited ? { edit_date: date + 5 } : {}), ...fields };
      const key = step.edited ? "edited_channel_post" : "channel_post";
      return { update: { update_id, [key]: message } as unknown as Update, chatId: chat.id, chatType: "channel", texts };
    }
    case "callback": {
      const from = senderOf(step.from, env.actors, step.lang);
      const resolve = (chatId: number, thread?: number): string | undefined => {
        if (typeof step.data !== "object") return step.data;
        const pressable = env.buttons(chatId, thread).filter((b) => b.data !== undefined);
        return pressable.length > 0 ? pressable[step.data.press % pressable.length]!.data : "m:menu";
      };
      const withData = (data: string | undefined) => ({
        id: `cb${update_id}`,
        from,
        // Opaque, as Telegram's: not the user's id (a value the bot may keep without naming anyone).
        chat_instance: chatInstance(from.id),
        ...(data !== undefined ? { data } : { game_short_name: "game" }),
      });
      if (step.place.kind === "inline") {
        const callback_query = { ...withData(resolve(from.id)), inline_message_id: `im${update_id}` };
        return { update: { update_id, callback_query } as unknown as Update, sender: from, texts: [] };
      }
      const { chat, thread } = await chatOf(step.place, from, env);
      const base = withData(resolve(chat.id, thread));
      const message = step.old
        ? { message_id: 900 + (message_id % 100), date: 0, chat }
        : {
            message_id: 900 + (message_id % 100),
            date,
            chat,
            from: BOT_INFO,
            text: "…",
            ...(thread !== undefined ? { message_thread_id: thread, is_topic_message: true } : {}),
          };
      return { update: { update_id, callback_query: { ...base, message } } as unknown as Update, chatId: chat.id, chatType: chat.type, thread, sender: from, texts: [] };
    }
    case "my_chat_member": {
      const from = senderOf(step.from, env.actors, undefined);
      const { chat } = await chatOf(step.place, from, env);
      const member = (status: string) => ({ status, user: BOT_INFO, ...(status === "restricted" ? { is_member: true, until_date: 0 } : {}) });
      return {
        update: { update_id, my_chat_member: { chat, from, date, old_chat_member: member(step.old), new_chat_member: member(step.now) } } as unknown as Update,
        chatId: chat.id,
        chatType: chat.type,
        sender: from,
        texts: [],
      };
    }
    case "other":
      return otherUpdate(step, update_id, senderOf(step.from, env.actors, "en"), env, date);
  }
}

function otherUpdate(step: Extract<Step, { kind: "other" }>, update_id: number, from: ReturnType<typeof senderOf>, env: BuildEnv, date: number): Built {
  const group = { id: env.actors.groups[0]!, type: "supergroup", title: "Parents" };
  const staff = { id: env.actors.staffChatId, type: "supergroup", title: "Senim staff", is_forum: true };
  const texts: string[] = [];
  let body: Record<string, unknown>;
  switch (step.other) {
    case "no_kind":
      body = {};
      break;
    case "unknown_kind":
      body = { some_future_update: { id: 1, chat: { id: from.id, type: "private" }, from, text: "from the future" } };
      break;
    case "inline_query":
      body = { inline_query: { id: `iq${update_id}`, from, query: "помогите мне пожалуйста", offset: "" } };
      texts.push("помогите мне пожалуйста");
      break;
    case "chosen_inline_result":
      body = { chosen_inline_result: { result_id: "r", from, query: "secret query text" } };
      texts.push("secret query text");
      break;
    case "poll":
      body = { poll: { id: "p", question: "q", options: [], total_voter_count: 0, is_closed: true, is_anonymous: true, type: "regular", allows_multiple_answers: false } };
      break;
    case "poll_answer":
      body = { poll_answer: { poll_id: "p", user: from, option_ids: [0] } };
      break;
    case "chat_member":
      body = {
        chat_member: { chat: staff, from, date, old_chat_member: { status: "member", user: from }, new_chat_member: { status: "left", user: from } },
      };
      break;
    case "chat_join_request":
      body = { chat_join_request: { chat: staff, from, user_chat_id: from.id, date, bio: "hi" } };
      break;
    case "message_reaction":
      body = { message_reaction: { chat: group, message_id: 1, user: from, date, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] } };
      break;
    case "message_reaction_count":
      body = { message_reaction_count: { chat: group, message_id: 1, date, reactions: [] } };
      break;
    case "pre_checkout_query":
      body = { pre_checkout_query: { id: "pc", from, currency: "XTR", total_amount: 1, invoice_payload: "x" } };
      break;
    case "shipping_query":
      body = { shipping_query: { id: "sq", from, invoice_payload: "x", shipping_address: { country_code: "KZ", state: "", city: "", street_line1: "", street_line2: "", post_code: "" } } };
      break;
    case "chat_boost":
      body = { chat_boost: { chat: group, boost: { boost_id: "b", add_date: date, expiration_date: date + 1, source: { source: "premium", user: from } } } };
      break;
    case "business_connection":
      body = { business_connection: { id: "bc", user: from, user_chat_id: from.id, date, can_reply: true, is_enabled: true } };
      break;
    case "deleted_business_messages":
      body = { deleted_business_messages: { business_connection_id: "bc", chat: { id: from.id, type: "private" }, message_ids: [1] } };
      break;
  }
  return { update: { update_id, ...body } as unknown as Update, sender: from, texts };
}

// ---------------------------------------------------------------------------------------------
// Telegram failing

/** The next `times` calls of `method` fail (no 5xx: auto-retry would back off for seconds). */
export interface Failure {
  method: string;
  times: number;
  error: { error_code: number; description: string; parameters?: { retry_after?: number } };
}

export const failure: fc.Arbitrary<Failure> = fc.record({
  method: fc.constantFrom(
    "sendMessage",
    "copyMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    "createForumTopic",
    "editForumTopic",
    "getChatMember",
    "leaveChat",
  ),
  times: fc.integer({ min: 1, max: 4 }),
  error: fc.constantFrom(
    { error_code: 400, description: "Bad Request: message is not modified" },
    { error_code: 400, description: "Bad Request: message thread not found" },
    { error_code: 400, description: "Bad Request: chat not found" },
    { error_code: 400, description: "Bad Request: message can't be copied" },
    { error_code: 403, description: "Forbidden: bot was blocked by the user" },
    { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } },
  ),
});

// ---------------------------------------------------------------------------------------------
// Malformed updates

export const BAD_VALUES = ["delete", "null", "zero", "negative", "float", "string", "empty_string", "bool", "array", "object", "huge_string", "nan_string"] as const;
export type BadValue = (typeof BAD_VALUES)[number];

/** One corruption of a built update: the value at the `path`-th path (in a fixed walk order) becomes `bad`. */
export interface Mutation {
  path: number;
  bad: BadValue;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({ path: fc.nat(), bad: fc.constantFrom(...BAD_VALUES) });

function badValue(bad: BadValue): unknown {
  switch (bad) {
    case "null":
      return null;
    case "zero":
      return 0;
    case "negative":
      return -1;
    case "float":
      return 1.5;
    case "string":
      return "x";
    case "empty_string":
      return "";
    case "bool":
      return true;
    case "array":
      return [];
    case "object":
      return {};
    case "huge_string":
      return "9".repeat(5_000);
    case "nan_string":
      return "NaN";
    case "delete":
      return undefined;
  }
}

/** Every path below the update (not update_id itself: the webhook refuses an update without a numeric one). */
export function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [];
  const out: Array<Array<string | number>> = [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (prefix.length === 0 && key === "update_id") continue;
    const path = [...prefix, key];
    out.push(path, ...pathsOf(child, path));
  }
  return out;
}

/** Applies the mutations in order; returns the paths hit (for the report). */
export function corrupt(update: Update, mutations: readonly Mutation[]): string[] {
  const hit: string[] = [];
  for (const m of mutations) {
    const paths = pathsOf(update);
    if (paths.length === 0) break;
    const path = paths[m.path % paths.length]!;
    let parent = update as unknown as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (m.bad === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      parent[last] = badValue(m.bad);
    }
    hit.push(`${path.join(".")}=${m.bad}`);
  }
  return hit;
}
