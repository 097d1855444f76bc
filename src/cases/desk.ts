/**
 * The operators' desk: opens cases (Redis first, then a forum topic with the case card),
 * relays messages both ways through the persistent outbox, raises cases that wait past their
 * limit, and renders cards and titles. The Telegram handlers (desk-feature.ts for the staff
 * group, bot/features/cases.ts for users) are thin layers over this.
 */
import { type Api, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Lang } from "../domain.js";
import type { Logger } from "../logger.js";
import { openStatus, parseHoursSpec } from "../directory/hours.js";
import type { Hours } from "../directory/schema.js";
import { escapeHtml } from "../directory/card.js";
import type { CaseStore, OpenRequest, OpenResult, TranscriptEntry } from "./store.js";
import type { DeliveryResult, Outbox, RelayJob } from "./outbox.js";
import { type Case, CHECK_IN_ANSWER_MS, limitFor, OUTCOMES, RISK_ICON, type WaitLimits } from "./types.js";

export interface DeskConfig {
  staffChatId: number;
  supervisors: readonly number[];
  hours: Hours;
  limits: WaitLimits;
  staffLang: Lang;
  /** How many times an unclaimed case is raised again at most. */
  maxRaises?: number;
}

export interface DeskDeps {
  api: Api;
  store: CaseStore;
  outbox: Outbox;
  i18n: I18n;
  logger: Logger;
  regionName(code: string, lang: Lang): string | undefined;
  now(): number;
}

/** Callback data of the staff buttons: c:<action>:<case>[:<arg>]. */
export const DESK_CB = {
  claim: (id: number) => `c:claim:${id}`,
  resolveMenu: (id: number) => `c:res:${id}`,
  outcome: (id: number, outcome: string) => `c:out:${id}:${outcome}`,
  release: (id: number) => `c:rel:${id}`,
  block: (id: number) => `c:block:${id}`,
  template: (id: number, name: string) => `c:tpl:${id}:${name}`,
  back: (id: number) => `c:card:${id}`,
};

export const TEMPLATES = ["greeting", "safe", "referral", "closing"] as const;
export type Template = (typeof TEMPLATES)[number];

export class CaseDesk {
  constructor(
    readonly config: DeskConfig,
    private readonly deps: DeskDeps,
  ) {}

  get store(): CaseStore {
    return this.deps.store;
  }

  /** Relays stored and not yet delivered (for the metrics). */
  pendingRelays(): Promise<number> {
    return this.deps.outbox.pending();
  }

  private st(key: string, vars?: Record<string, string | number>): string {
    return this.deps.i18n.t(this.config.staffLang, key, vars);
  }

  /** Whether operators are on duty now, and if not, when they next are. */
  duty(now = this.deps.now()): { onDuty: boolean; opensAt?: Date } {
    const status = openStatus(this.config.hours, new Date(now));
    return { onDuty: status.openNow !== false, opensAt: status.opensAt };
  }

  /** Opens (or finds, or reopens) the user's case; a new case gets its topic and card at once. */
  async open(req: OpenRequest): Promise<OpenResult & { position: number }> {
    const result = await this.deps.store.open(req);
    // Talking again: a check-in asked for after the last conversation would come too late now.
    if (result.how === "reopened") await this.deps.store.cancelCheckIn(result.case.id);
    if (result.how === "created" || !result.case.threadId) {
      await this.ensureTopic(result.case).catch((err: unknown) =>
        this.deps.logger.warn({ err, case: result.case.id }, "could not create the case topic yet"),
      );
    } else if (result.how === "reopened") {
      await this.postToTopic(result.case, this.st("staff-reopened", { id: result.case.id }));
    } else {
      await this.refreshTitle(result.case);
    }
    const position = await this.deps.store.position(result.case.id);
    return { ...result, position };
  }

  /** Creates the case's forum topic with its card (also when the old topic was deleted). */
  async ensureTopic(c: Case): Promise<number> {
    const topic = await this.deps.api.createForumTopic(this.config.staffChatId, this.title(c));
    await this.deps.store.setThread(c.id, topic.message_thread_id);
    const fresh = { ...c, threadId: topic.message_thread_id };
    await this.deps.api.sendMessage(this.config.staffChatId, this.card(fresh), {
      message_thread_id: topic.message_thread_id,
      parse_mode: "HTML",
      reply_markup: this.cardKeyboard(fresh),
    });
    return topic.message_thread_id;
  }

  /** "🔴 #42 · kk · bullying · Shymkent" */
  title(c: Case): string {
    const region = c.region ? this.deps.regionName(c.region, this.config.staffLang) : undefined;
    return [`${RISK_ICON[c.risk]} #${c.id}`, c.lang, c.topic ?? "—", region ?? "—"].join(" · ").slice(0, 128);
  }

  card(c: Case): string {
    const waited = Math.max(0, Math.round((this.deps.now() - c.waitingSince) / 60_000));
    return this.st("staff-card", {
      icon: RISK_ICON[c.risk],
      id: c.id,
      risk: this.st(`staff-risk-${c.risk}`),
      topic: c.topic ?? "—",
      region: (c.region && this.deps.regionName(c.region, this.config.staffLang)) ?? "—",
      lang: c.lang,
      role: c.role ? this.st(`staff-role-${c.role}`) : "—",
      status: this.st(`staff-status-${c.status}`),
      minutes: waited,
      summary: escapeHtml(c.summary || "—"),
    });
  }

  cardKeyboard(c: Case): InlineKeyboard {
    const kb = new InlineKeyboard()
      .text(this.st("staff-btn-claim"), DESK_CB.claim(c.id))
      .text(this.st("staff-btn-resolve"), DESK_CB.resolveMenu(c.id))
      .row();
    for (const name of TEMPLATES) kb.text(this.st(`staff-btn-tpl-${name}`), DESK_CB.template(c.id, name));
    kb.row().text(this.st("staff-btn-release"), DESK_CB.release(c.id)).text(this.st("staff-btn-block"), DESK_CB.block(c.id));
    return kb;
  }

  outcomeKeyboard(c: Case): InlineKeyboard {
    const kb = new InlineKeyboard();
    OUTCOMES.forEach((outcome, i) => {
      kb.text(this.st(`staff-outcome-${outcome}`), DESK_CB.outcome(c.id, outcome));
      if (i % 2 === 1) kb.row();
    });
    return kb.row().text(this.st("staff-btn-back"), DESK_CB.back(c.id));
  }

  /** The title follows the risk; a deleted topic is not an error here (relay re-creates it). */
  async refreshTitle(c: Case): Promise<void> {
    if (!c.threadId) return;
    await this.deps.api.editForumTopic(this.config.staffChatId, c.threadId, { name: this.title(c) }).catch(() => undefined);
  }

  async postToTopic(c: Case, text: string): Promise<void> {
    await this.deps.outbox.enqueue({ kind: "text", caseId: c.id, dir: "to_staff", text });
    await this.flush();
  }

  /**
   * A message of the conversation: written to the transcript and relayed, both at once. The
   * transcript is the staff's history: if it fails, that is logged and the message still goes.
   */
  async recordAndRelay(entry: TranscriptEntry, job: RelayJob): Promise<void> {
    await Promise.all([
      this.deps.store.appendLog(job.caseId, entry).catch((err: unknown) => this.deps.logger.warn({ err, case: job.caseId }, "transcript not written")),
      this.relay(job),
    ]);
  }

  /** Queues a relay and tries to deliver it right away; it stays queued if Telegram fails. */
  async relay(job: RelayJob): Promise<void> {
    await this.deps.outbox.enqueue(job);
    await this.flush();
  }

  /** Delivers what is due in the outbox (also called by a timer); the outbox keeps each case's order. */
  flush(): Promise<number> {
    return this.deps.outbox.drain(
      (job) => this.deliver(job),
      (job) => this.reportUndeliverable(job),
    );
  }

  private async deliver(job: RelayJob): Promise<DeliveryResult> {
    const c = await this.deps.store.get(job.caseId);
    if (!c) return "undeliverable"; // erased by /forget: nothing to deliver to
    try {
      await this.send(c, job);
      return "sent";
    } catch (err) {
      if (job.dir === "to_staff" && isThreadGone(err)) {
        const threadId = await this.ensureTopic(c);
        try {
          await this.send({ ...c, threadId }, job);
          return "sent";
        } catch (again) {
          return classify(again);
        }
      }
      const result = classify(err);
      if (result === "undeliverable") await this.reportUndeliverable(job);
      return result;
    }
  }

  private async send(c: Case, job: RelayJob): Promise<void> {
    const api = this.deps.api;
    if (job.dir === "to_staff") {
      const thread = c.threadId ?? (await this.ensureTopic(c));
      const options = { message_thread_id: thread };
      if (job.kind === "copy") await api.copyMessage(this.config.staffChatId, job.fromChat, job.messageId, options);
      else await api.sendMessage(this.config.staffChatId, job.text, { ...options, parse_mode: "HTML" });
      return;
    }
    // To the user: copied from the bot, never forwarded, so no operator name crosses.
    if (job.kind === "copy") {
      await api.copyMessage(c.chatId, job.fromChat, job.messageId, { protect_content: true });
      return;
    }
    const reply_markup = job.buttons ? InlineKeyboard.from(job.buttons.map((row) => row.map(([text, data]) => InlineKeyboard.text(text, data)))) : undefined;
    await api.sendMessage(c.chatId, job.text, { parse_mode: "HTML", protect_content: true, reply_markup });
  }

  private async reportUndeliverable(job: RelayJob): Promise<void> {
    this.deps.logger.warn({ case: job.caseId, dir: job.dir }, "relay undeliverable");
    if (job.dir !== "to_user") return;
    const c = await this.deps.store.get(job.caseId);
    if (!c?.threadId) return;
    await this.deps.api
      .sendMessage(this.config.staffChatId, this.st("staff-undeliverable"), { message_thread_id: c.threadId })
      .catch(() => undefined);
  }

  /**
   * Raises unclaimed cases past their waiting limit in the General topic, once per limit
   * (several processes may sweep; the store lets one of them win), and tells the user honestly.
   */
  async sweep(userText: (c: Case) => string): Promise<number> {
    const now = this.deps.now();
    let raised = 0;
    for (const c of await this.deps.store.queue(200)) {
      if (c.status !== "open") continue;
      const n = Math.floor((now - c.waitingSince) / limitFor(this.config.limits, c.risk));
      if (n < 1 || n <= c.raised || c.raised >= (this.config.maxRaises ?? 3)) continue;
      if (!(await this.deps.store.markRaised(c.id, n))) continue;
      raised++;
      const minutes = Math.round((now - c.waitingSince) / 60_000);
      await this.deps.api
        .sendMessage(this.config.staffChatId, this.st("staff-raised", { icon: RISK_ICON[c.risk], id: c.id, minutes }), {
          parse_mode: "HTML",
        })
        .catch((err: unknown) => this.deps.logger.warn({ err }, "could not raise a case"));
      await this.relay({ kind: "text", caseId: c.id, dir: "to_user", text: userText(c) });
    }
    return raised;
  }

  /**
   * Sends the check-ins that are due (the user asked to be asked how they are). A case that
   * was erased, or reopened since, gets none. Goes through the outbox like every relay.
   */
  async sendCheckIns(message: (c: Case) => { text: string; buttons: Array<Array<[string, string]>> }): Promise<number> {
    const now = this.deps.now();
    // Only in the daytime: after an outage the ones due overnight wait for the morning.
    if (!isCheckInHour(now)) return 0;
    let sent = 0;
    for (const id of await this.deps.store.leaseDueCheckIns(now)) {
      const c = await this.deps.store.get(id);
      if (c?.status === "resolved") {
        // An answer to it reaches an operator: the case reopens for two days, past the usual window.
        await this.deps.store.allowReopenUntil(c.id, now + CHECK_IN_ANSWER_MS);
        const { text, buttons } = message(c);
        await this.deps.outbox.enqueue({ kind: "text", caseId: c.id, dir: "to_user", text, buttons });
        sent++;
      }
      await this.deps.store.cancelCheckIn(id);
    }
    if (sent > 0) await this.flush();
    return sent;
  }

  isSupervisor(userId: number): boolean {
    return this.config.supervisors.includes(userId);
  }

  /** Staff: configured supervisors, or members of the staff group (asked once, cached 5 min). */
  async isStaff(userId: number): Promise<boolean> {
    if (this.isSupervisor(userId)) return true;
    const cached = await this.deps.store.staffFlag(userId);
    if (cached !== undefined) return cached;
    let member = false;
    try {
      const m = await this.deps.api.getChatMember(this.config.staffChatId, userId);
      member = m.status === "creator" || m.status === "administrator" || m.status === "member";
    } catch {
      member = false;
    }
    await this.deps.store.setStaffFlag(userId, member);
    return member;
  }
}

/** Telegram's answers when a forum topic no longer exists. */
function isThreadGone(err: unknown): boolean {
  return err instanceof GrammyError && /thread not found|TOPIC_DELETED|TOPIC_CLOSED|topic.*(deleted|closed)/i.test(err.description);
}

/** 429, 5xx and network trouble are worth retrying; a 400/403 will not get better. */
function classify(err: unknown): DeliveryResult {
  if (err instanceof HttpError) return "retry";
  if (err instanceof GrammyError) return err.error_code === 429 || err.error_code >= 500 ? "retry" : "undeliverable";
  return "retry";
}

/** Days after the user's "yes" that the check-in comes. */
export const CHECK_IN_DAYS = 3;
/** Check-ins come in the Kazakhstan daytime only: they must not wake anyone or light up a phone at night. */
const CHECK_IN_HOURS = parseHoursSpec("mon-sun 10:00-19:00");

function isCheckInHour(now: number): boolean {
  return openStatus(CHECK_IN_HOURS, new Date(now)).openNow === true;
}

/** When a check-in asked for at `now` is sent: three days later, moved into the daytime. */
export function checkInTime(now: number): number {
  const due = now + CHECK_IN_DAYS * 24 * 3_600_000;
  const status = openStatus(CHECK_IN_HOURS, new Date(due));
  return status.openNow === true ? due : (status.opensAt?.getTime() ?? due);
}
