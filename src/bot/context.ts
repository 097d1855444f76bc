/**
 * What every handler sees: the grammY context with the session, translations and the fields
 * of this one update (its logger, language, crisis grade). The app's dependencies (BotDeps,
 * built once by src/app.ts) are not on the context: each feature is a factory that takes the
 * ones it uses.
 */
import type { Api, Context, SessionFlavor } from "grammy";
import type { Texts, TextVars } from "../i18n.js";
import type { Lang, Risk, Role, Topic } from "../domain.js";
import type { FlowDef } from "../flows/types.js";
import type { FlowState } from "../flows/machine.js";
import type { Directory } from "../directory/schema.js";
import type { Referrals } from "../directory/referrals.js";
import type { RiskAssessment } from "../triage/index.js";
import type { CaseDesk } from "./desk/desk.js";
import type { DataEditor } from "./desk/data-editor.js";
import type { UpdateGuard } from "../storage/guard.js";
import type { SessionGate } from "../storage/session.js";
import type { Logger } from "../logger.js";
import type { Pseudonymize } from "../storage/keys.js";
import type { Metrics } from "../metrics.js";

/** Long-lived choices of the user (kept for months): nothing here names them. */
export interface Prefs {
  lang?: Lang;
  role?: Role;
  /** Region code from data/regions.json. */
  region?: string;
  /** Anonymous campaign tag from a poster's deep link (src-<tag>). */
  src?: string;
  /** The user's current or latest case (talking to a person). */
  case?: number;
  /**
   * The user left by the quick exit (/hide) while a case was open: operators' messages are
   * held until they write again.
   */
  hidden?: true;
}

/** Everything but `prefs` (the flow, a shared location) lives in the short-lived flow key. */
export interface SessionData {
  prefs: Prefs;
  /** Where the user is in a topic flow. */
  flow?: FlowState;
  /** A shared location, rounded to ~1 km, kept with the short-lived flow state. */
  near?: { lat: number; lon: number };
  /**
   * Danger just found (a crisis message, or a flow's urgent answers), kept a while (PENDING_MS)
   * so that a case opened now starts at its risk and shows what was found on its card:
   * `words` what a user in crisis wrote, `labels` the Fluent keys of a flow's chosen answers
   * (never free text). `at`: when it was found.
   */
  pending?: Pending;
}

export interface Pending {
  risk: Risk;
  topic?: Topic;
  words?: string;
  labels?: string[];
  /** A flow's answers (option ids, no text): the rest of its outcome under "More". */
  answers?: Record<string, string>;
  role?: Role;
  at: number;
}

/**
 * What "talk to a person" can honestly offer now: `now` operators are on duty, `later` they
 * are not (a message waits for them), `phone` there is no staff group (the lines are the way).
 */
export type PersonOffer = "now" | "later" | "phone";

/** Counters that survive restarts and are shared by every instance. */
export interface Stats {
  countCampaign(tag: string): Promise<void>;
}

export interface BotDeps {
  readonly logger: Logger;
  readonly i18n: Texts;
  /** Admits a private chat's update (duplicates, floods) and gives it the user's session. */
  readonly sessions: SessionGate<SessionData>;
  /** Drops duplicate deliveries of updates from other chats (shared through Redis). */
  readonly guard: UpdateGuard;
  readonly pseudonym: Pseudonymize;
  readonly directory: Directory;
  readonly referrals: Referrals;
  /** The topic flows that exist; a topic without one answers honestly that it is coming. */
  readonly flows: Readonly<Partial<Record<Topic, FlowDef>>>;
  readonly stats: Stats;
  /** Deletes every key about a pseudonymous user (session, flow, cases, counters). */
  readonly eraseUser: (user: string) => Promise<void>;
  /** The operators' desk; absent when no staff group is configured (then "Talk to a person" gives phones). */
  readonly desk?: CaseDesk;
  /** Supervisors' editing of the directory and the saved replies in the staff group; with the desk. */
  readonly editor?: DataEditor;
  /**
   * An API of the bot's own, outside grammY's per-update context and without auto-retry: for a
   * call that must not ride in the webhook's answer, and for relays (the outbox retries them).
   */
  readonly api: Api;
  /** Counters for Prometheus (bounded labels); `noMetrics` where nobody scrapes. */
  readonly metrics: Metrics;
  /** The clock; tests set it to a Saturday night. */
  readonly now: () => Date;
}

interface Extras {
  log: Logger;
  /** The user's interface language (saved choice, else Telegram's, else Russian). */
  lang: Lang;
  /** The crisis grade of this update's text (set for private text messages that are no command). */
  risk?: RiskAssessment;
  /** The update ended in the apology (for the metrics). */
  failed?: boolean;
  /** What "talk to a person" offers at this moment (asked when a screen needs it). */
  personOffer(): PersonOffer;
}

/** This update's texts, in its user's language (ctx.lang, read at each call). */
interface TextsFlavor {
  t(key: string, vars?: TextVars): string;
}

export type BaseContext = Context & SessionFlavor<SessionData> & TextsFlavor & Extras;
export type BotContext = BaseContext;
