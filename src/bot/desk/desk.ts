/**
 * The Telegram half of the operators' desk: the case service (cases/service.ts) decides and
 * stores; this shows it in the staff group and delivers the outbox. A new case gets its forum
 * topic and card, relays go both ways through the outbox (copied, never forwarded), a topic
 * that was deleted is re-created, and overdue cases are raised in the General topic. Each
 * handler of the staff group (staff.ts) and of the user's side (user.ts) makes one call here
 * per user action.
 */
import { type Api, GrammyError, type InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { Texts } from "../../i18n.js";
import type { Lang } from "../../domain.js";
import type { Logger } from "../../logger.js";
import { escapeHtml } from "../../directory/card.js";
import { type CaseStore, type OpenResult, STAFF_FLAG_MS, type TopicRef } from "../../cases/store.js";
import type { DeliveryResult, Outbox, QueuedJob, RelayJob } from "../../cases/outbox.js";
import type { CaseService, PersonRequest, PersonResult, ResolveResult, UserMessage } from "../../cases/service.js";
import type { Case, Resolution } from "../../cases/types.js";
import { BLOCKED_CATEGORY } from "../../cases/categories.js";
import { joinReplies, type LiveReplies, type SavedReply } from "../../cases/replies.js";
import type { Duty } from "../../cases/rules.js";
import type { CaseFigures, Figures } from "../../cases/figures.js";
import type { Metrics } from "../../metrics.js";
import { readerRole, RISKS, type Risk } from "../../domain.js";
import type { DeskCallback } from "../callbacks.js";
import type { DialogueStore } from "../../storage/dialogues.js";
import { telegramUnavailable } from "../telegram-errors.js";
import { type Buttons, keyboardOf, resolutionMessage, type ResolveEnd, type ResolveView, StaffText } from "./render.js";

export interface DeskConfig {
  /** The national staff group (OPERATOR_CHAT_ID): regions without a group of their own, and the overflow. */
  staffChatId: number;
  staffLang: Lang;
  /** Regional staff groups by region code (STAFF_GROUPS); several regions may share one. */
  groups?: Readonly<Record<string, number>>;
}

export interface DeskDeps {
  api: Api;
  service: CaseService;
  outbox: Outbox;
  /** The anonymous daily figures (/report, /export), gathered by the case service. */
  figures: CaseFigures;
  /** Prometheus counters (undelivered relays). */
  metrics?: Metrics;
  /** Where the operators' resolve dialogues live (resolve.ts). */
  dialogues: DialogueStore;
  i18n: Texts;
  logger: Logger;
  regionName(code: string, lang: Lang): string | undefined;
  /** The saved replies in use (data/replies.csv, then what supervisors upload). */
  replies: Pick<LiveReplies, "version" | "entries" | "byId">;
  /** Takes a newer version of the replies from Redis now (otherwise the timer does, within seconds). */
  syncReplies?: () => Promise<void>;
  now(): number;
}

/** How a handler answers a staff button press (the desk decides what, the handler owns the press). */
export interface PressReply {
  /** Answers the press (stops the spinner), with a notice, or an alert to dismiss. */
  answer(text?: string, alert?: boolean): Promise<void>;
  /** Replaces the pressed message with a card: its text, and its buttons (none when omitted). */
  editCard(text: string, keyboard?: InlineKeyboard): Promise<void>;
  /** Replaces only the buttons under the pressed message. */
  editButtons(keyboard: InlineKeyboard): Promise<void>;
}

/**
 * A resolve dialogue under way (resolve.ts): its case and topic, the message it asks in, and
 * when the case began waiting as the dialogue first saw it (a case reopened since is not
 * resolved by it). Plain data: the dialogue's log keeps it.
 */
export interface ResolveStart {
  caseId: number;
  /** The case's staff group (absent in dialogues begun before there were several: the national group). */
  chat?: number;
  threadId?: number;
  prompt: number;
  waitingSince: number;
}

/** A message in a private chat or a case topic, as the desk relays it. */
export interface RelayedMessage {
  chatId: number;
  message: Message;
}

/** The longest saved replies sent at once (HTML): with the topic's line about them, one Telegram message. */
const MAX_REPLIES_HTML = 3_900;

/** How often a held line is looked at again (writing again makes it due at once anyway). */
const HOLD_RECHECK_MS = 10 * 60_000;

export class CaseDesk {
  readonly text: StaffText;
  /** Staff membership as this process last read or asked it (isStaff). */
  private readonly staffSeen = new Map<string, { member: boolean; until: number }>();

  /** Every staff group: the national one first, then each regional one once. */
  readonly staffChats: readonly number[];

  constructor(
    readonly config: DeskConfig,
    private readonly deps: DeskDeps,
  ) {
    this.text = new StaffText(deps.i18n, config.staffLang, deps.regionName);
    this.staffChats = [...new Set([config.staffChatId, ...Object.values(config.groups ?? {})])];
  }

  /** Whether a chat is one of the staff groups (staff act there, and nowhere else). */
  isStaffChat(chat: number | undefined): boolean {
    return chat !== undefined && this.staffChats.includes(chat);
  }

  /** The staff group a case belongs to, for life: its regional group, or the national one. */
  chatOf(c: Pick<Case, "staffChat">): number {
    return c.staffChat ?? this.config.staffChatId;
  }

  /** A staff group as the store names it: a regional group by its id, the national one by none. */
  private groupKey(chat: number): number | undefined {
    return chat === this.config.staffChatId ? undefined : chat;
  }

  /** A forum topic of the staff group `chat`, as the store names it. */
  private topicIn(chat: number, thread: number): TopicRef {
    return { thread, chat: this.groupKey(chat) };
  }

  /** The regions a regional group serves (none for the national group). */
  regionsOf(chat: number): string[] {
    return Object.entries(this.config.groups ?? {})
      .filter(([, group]) => group === chat && chat !== this.config.staffChatId)
      .map(([region]) => region);
  }

  /** "the national group" or "the regional group (Almaty, Almaty region)", in the staff language. */
  groupName(chat: number): string {
    const regions = this.regionsOf(chat);
    if (regions.length === 0) return this.text.t("staff-group-national");
    return this.text.t("staff-group-regional", { regions: regions.map((r) => this.text.region(r)).join(", ") });
  }

  /** The operators' resolve dialogues (resolve.ts). */
  get dialogues(): DialogueStore {
    return this.deps.dialogues;
  }

  /** The case store (for the metrics and the tests; handlers go through the desk). */
  get store(): CaseStore {
    return this.deps.service.store;
  }

  private get service(): CaseService {
    return this.deps.service;
  }

  /** Whether operators are on duty at `now`, and if not, when they are back. */
  duty(now: number): Duty {
    return this.service.duty(now);
  }

  pendingRelays(): Promise<number> {
    return this.service.pendingRelays();
  }

  // ── The user's side ──

  /** "Talk to a person": the case is opened (or found, or reopened) and shown in the staff group. */
  async requestPerson(req: PersonRequest): Promise<PersonResult> {
    const result = await this.service.requestPerson(req);
    if (result.kind === "opened") await this.show(result);
    return result;
  }

  /** A new case (or one without a topic) gets its topic and card; a reopened one a notice; an existing one its title. */
  private async show(result: OpenResult): Promise<void> {
    const c = result.case;
    if (result.how === "created" || !c.threadId) {
      // Through the outbox: if Telegram refuses now (429, 5xx), the topic and its card come
      // when it takes them, and the case's messages wait behind them in order.
      await this.relay({ kind: "card", caseId: c.id, dir: "to_staff" }, c);
    } else if (result.how === "reopened") {
      // The topic was closed with the case: open it again, and give the card its buttons back.
      await this.deps.api.reopenForumTopic(this.chatOf(c), c.threadId).catch(() => undefined);
      await this.refreshCard(c);
      await this.postToTopic(c, this.text.t("staff-reopened", { id: c.id }));
    } else {
      await this.refreshTitle(c);
    }
  }

  /**
   * What a user with a case sends goes to their operator: stored first (transcript and outbox,
   * written together), then delivered, so nothing is lost if Telegram fails. A resolved case is
   * reopened within the window (`onReopened` runs then, before the relay); a graver message
   * raises the case. "none": the message is not for the operators.
   */
  async userMessage(m: UserMessage & RelayedMessage, onReopened: (c: Case) => Promise<void>): Promise<"none" | "relayed"> {
    const found = await this.service.caseForMessage(m);
    if (found.kind === "none") return "none";
    if (found.kind === "reopened") {
      await this.show(found.opened);
      await onReopened(found.case);
    }
    const c = found.case;
    const typed = m.message.text ?? m.message.caption;
    // The card shows what the user first typed (a case opened by a button has nothing yet).
    const summarised = await this.record(
      { from: "user", kind: messageKind(m.message), text: typed, at: m.now },
      { kind: "copy", caseId: c.id, dir: "to_staff", fromChat: m.chatId, messageId: m.message.message_id, replyTo: m.message.reply_to_message?.message_id },
      c,
      c.summary ? undefined : typed,
    );
    const raised = await this.service.raiseRisk(c, m.risk);
    if (raised) await this.postToTopic(raised, this.text.riskRaised(c, m.risk));
    if (raised || summarised) await this.refreshCard({ ...(raised ?? c), ...(summarised && typed ? { summary: typed } : {}) });
    return "relayed";
  }

  /**
   * The quick exit (/hide) with a case: what is sent to the user is held from now on, until
   * they write again, and the topic is told not to write first.
   */
  async userHid(caseId: number, user: string): Promise<void> {
    if (!(await this.store.hold(caseId, user))) return;
    const c = await this.store.get(caseId);
    if (c) await this.postToTopic(c, this.text.t("staff-hidden", { id: c.id }));
  }

  /** The user wrote again after the quick exit: what was held goes out now, in order. */
  async userBack(caseId: number): Promise<void> {
    if (!(await this.store.unhold(caseId, this.deps.now()))) return;
    const c = await this.store.get(caseId);
    if (c) await this.postToTopic(c, this.text.t("staff-unheld", { id: c.id }));
    await this.flushNow([]);
  }

  /**
   * /forget with a case: said in its topic at once (the case is erased right after, so this
   * cannot wait in the outbox); an operator writing there later is told too (operatorMessage).
   */
  async userErased(caseId: number, user: string): Promise<void> {
    const c = await this.store.get(caseId);
    if (c?.user !== user) return;
    // The conversation goes from the staff group too (what the user wrote, what was answered,
    // the card with their words); the line saying so stays until the topic goes a day later.
    if (c.threadId) {
      const ids = [...(await this.store.staffMessages(c.id)), ...(c.cardId ? [c.cardId] : [])];
      for (let i = 0; i < ids.length; i += 100) {
        await this.deps.api
          .deleteMessages(this.chatOf(c), ids.slice(i, i + 100))
          .catch((err: unknown) => this.deps.logger.warn({ err, case: c.id }, "could not delete an erased case's messages in its topic"));
      }
    }
    await this.tellTopic(c, this.text.t("staff-erased", { id: c.id }));
  }

  /** Deletes the staff topics whose time is up (retention ended, or erased a day ago). Returns how many. */
  async deleteExpiredTopics(): Promise<number> {
    let deleted = 0;
    for (const topic of await this.store.expiredTopics(this.deps.now())) {
      try {
        await this.deps.api.deleteForumTopic(topic.chat ?? this.config.staffChatId, topic.thread);
        deleted++;
      } catch (err) {
        if (telegramUnavailable(err)) throw err; // the next tick tries again
        this.deps.logger.warn({ err }, "could not delete an expired case topic");
      }
      await this.store.topicDeleted(topic);
    }
    return deleted;
  }

  /** The user rates the help: stored, and told in the case's topic. */
  async rate(m: { caseId: number; user: string; stars: number; now: number }): Promise<{ offerCheckIn: boolean } | undefined> {
    const rated = await this.service.rate(m);
    if (rated) await this.tellTopic(rated.case, this.text.t("staff-rated", { id: m.caseId, stars: m.stars }));
    return rated;
  }

  /** "I'm okay" under a check-in: told in the case's topic (only for the case's own user). */
  async checkInOk(m: { caseId: number; user: string }): Promise<void> {
    const c = await this.service.caseOfUser(m.caseId, m.user);
    if (c) await this.tellTopic(c, this.text.t("staff-checkin-ok", { id: c.id }));
  }

  /**
   * A line for the staff only, said at once and not through the outbox (it is no message of
   * the conversation: if Telegram refuses it now, it is logged, not retried).
   */
  private async tellTopic(c: Case, text: string): Promise<void> {
    if (!c.threadId) return;
    await this.deps.api
      .sendMessage(this.chatOf(c), text, { message_thread_id: c.threadId, parse_mode: "HTML" })
      .catch((err: unknown) => this.deps.logger.warn({ err, case: c.id }, "could not tell the topic"));
  }

  scheduleCheckIn(m: { caseId: number; user: string; now: number }): Promise<boolean> {
    return this.service.scheduleCheckIn(m);
  }

  checkInAnswered(m: { caseId: number; user: string; now: number }): Promise<void> {
    return this.service.checkInAnswered(m);
  }

  // ── The staff group ──

  isSupervisor(userId: number): boolean {
    return this.service.isSupervisor(userId);
  }

  /**
   * Staff of the staff group `chat`: configured supervisors, or members of that group (asked
   * once, cached 5 min in Redis for every process). This process remembers what it read or asked
   * for until the shared entry expires, so a change of membership takes no longer to count than
   * before. `username`: theirs as this update shows it; a member's is remembered for /transfer then.
   */
  async isStaff(userId: number, chat: number, username?: string): Promise<boolean> {
    if (this.isSupervisor(userId)) return true;
    const now = Date.now(); // as Redis counts the shared entry's time
    const seenKey = `${chat}:${userId}`;
    const known = this.staffSeen.get(seenKey);
    if (known && known.until > now) return known.member;
    const group = this.groupKey(chat);
    const cached = await this.store.staffFlag(userId, group);
    if (cached !== undefined) {
      this.remember(seenKey, cached.member, now + cached.forMs);
      return cached.member;
    }
    let member = false;
    try {
      const m = await this.deps.api.getChatMember(chat, userId);
      member = m.status === "creator" || m.status === "administrator" || m.status === "member";
      username = m.user.username ?? username;
    } catch (err) {
      // Telegram could not answer now: that is no "no". The update fails (and is delivered
      // again) rather than dropping an operator's message for the next five minutes.
      if (telegramUnavailable(err)) throw err;
      member = false;
    }
    await this.store.setStaffFlag(userId, member, username, group);
    this.remember(seenKey, member, now + STAFF_FLAG_MS);
    return member;
  }

  private remember(seenKey: string, member: boolean, until: number): void {
    if (this.staffSeen.size >= 1_000) this.staffSeen.clear();
    this.staffSeen.set(seenKey, { member, until });
  }

  /** The figures of these Kazakhstan days, added up (/report, /export). */
  figures(days: readonly string[]): Promise<Figures> {
    return this.deps.figures.report(days);
  }

  now(): number {
    return this.deps.now();
  }

  /** Seconds the longest-waiting unclaimed case of each risk has waited (for the metrics). */
  async oldestWaiting(): Promise<Record<Risk, number>> {
    const now = this.deps.now();
    const oldest = Object.fromEntries(RISKS.map((r) => [r, 0])) as Record<Risk, number>;
    for (const c of await this.service.queue(500)) {
      if (c.status === "open") oldest[c.risk] = Math.max(oldest[c.risk], (now - c.waitingSince) / 1000);
    }
    return oldest;
  }

  /**
   * Whether the staff group `chat` sees a case in /queue and /mine: a regional group its own
   * cases, the national group every case (those of a regional group marked with it).
   */
  private sees(chat: number): (c: Case) => boolean {
    return chat === this.config.staffChatId ? () => true : (c) => this.chatOf(c) === chat;
  }

  /** For the national group's lists: the group a case is in, when it is a regional one. */
  private whereFor(chat: number): ((c: Case) => string | undefined) | undefined {
    if (chat !== this.config.staffChatId || this.staffChats.length === 1) return undefined;
    return (c) => (this.chatOf(c) === chat ? undefined : this.groupName(this.chatOf(c)));
  }

  /** /queue in the staff group `chat`, as text. */
  async queueText(chat: number = this.config.staffChatId): Promise<string> {
    const cases = (await this.service.queue(chat === this.config.staffChatId ? 30 : 200)).filter(this.sees(chat)).slice(0, 30);
    return this.text.queue(cases, this.deps.now(), this.whereFor(chat));
  }

  /** /mine: the cases this operator has claimed (in a regional group, those of that group). */
  async mineText(operator: number, chat: number = this.config.staffChatId): Promise<string> {
    const cases = await this.service.mine(operator, this.sees(chat));
    if (cases.length === 0) return this.text.t("staff-mine-empty");
    return `${this.text.t("staff-mine-title")}\n${this.text.queueLines(cases, this.deps.now(), this.whereFor(chat))}`;
  }

  /**
   * /transfer @colleague <note> in a case topic: the case is theirs, the note stays with staff
   * (in the topic and the transcript). The colleague is named by @username (known once they
   * acted in the group) or by a mention Telegram resolved to them.
   */
  async transfer(m: { chat: number; thread: number | undefined; from: { id: number; first_name: string }; to?: { id: number; name: string }; toName?: string; note: string }): Promise<string> {
    const c = m.thread ? await this.store.byThread(m.thread, this.groupKey(m.chat)) : undefined;
    if (!c) return this.text.t("staff-in-topic-only", { command: "/transfer" });
    const toId = m.to?.id ?? (m.toName ? await this.store.staffByName(m.toName) : undefined);
    // Within the case's group: the colleague must be staff there.
    if (toId === undefined || !(await this.isStaff(toId, m.chat))) return this.text.t("staff-transfer-unknown", { name: escapeHtml(m.toName ?? "—") });
    const result = await this.service.transfer(c, m.from.id, toId, m.note, this.deps.now());
    if (result !== "transferred") return this.text.t(result === "closed" ? "staff-case-closed" : "staff-release-not-yours");
    const fresh = await this.store.get(c.id);
    if (fresh) await this.refreshCard(fresh);
    const to = m.to?.name ?? `@${m.toName}`;
    return this.text.t("staff-transferred", { id: c.id, from: escapeHtml(m.from.first_name), to: escapeHtml(to), note: escapeHtml(m.note || "—") });
  }

  /** /note in a case topic of the staff group `chat`; false outside one. */
  note(chat: number, thread: number | undefined, text: string): Promise<boolean> {
    return this.service.note(thread, text, this.deps.now(), this.groupKey(chat));
  }

  /** A button under a case card: claim, resolve (with an outcome), release, block, a saved reply. */
  async press(cb: DeskCallback, operator: { id: number; first_name: string }, reply: PressReply, chat: number = this.config.staffChatId): Promise<void> {
    const c = await this.service.get(cb.caseId);
    // A case acts only from its own staff group: a card pressed in another says where it is.
    if (c && this.chatOf(c) !== chat) return reply.answer(this.text.t("staff-wrong-group", { id: c.id, group: this.groupName(this.chatOf(c)) }), true);
    // A card from before Redis lost its data names another topic: it acts on nothing.
    if (!c || (cb.thread !== undefined && (c.threadId ?? 0) !== cb.thread)) return reply.answer(this.text.t("staff-case-missing"));
    const now = this.deps.now();
    switch (cb.action) {
      case "claim": {
        // The notice in the topic is queued with the claim, only if it won.
        const notice = this.text.t("staff-claimed", { id: c.id, name: escapeHtml(operator.first_name) });
        const result = await this.service.claim(c.id, operator.id, now, [{ kind: "text", dir: "to_staff", text: notice }]);
        if (!result.ok) {
          if (result.reason === "taken" && result.by === operator.id) return reply.answer(this.text.t("staff-claim-yours"));
          return reply.answer(this.text.t(result.reason === "taken" ? "staff-claim-taken" : "staff-case-closed"), true);
        }
        await reply.answer(this.text.t("staff-claimed-you"));
        await reply.editCard(this.text.card(result.case, now), this.text.cardKeyboard(result.case)).catch(() => undefined);
        await this.refreshTitle(result.case);
        await this.flushNow(result.queued, result.case);
        return;
      }
      case "back":
        await reply.answer();
        return reply.editButtons(this.text.cardKeyboard(c)).catch(() => undefined);
      // A button of a resolve dialogue with none of this operator's running in this topic (it
      // ended, ran out, or is a colleague's): nothing is done, and the operator is told how to begin.
      case "resolveMenu":
      case "outcome":
      case "category":
      case "subcategory":
      case "stepBack":
      case "skipNote":
      case "cancel":
        if (c.status === "resolved") return reply.answer(this.text.t("staff-case-closed"), true);
        return reply.answer(this.text.t("staff-resolve-expired", { minutes: Math.round(this.deps.dialogues.ttlMs / 60_000) }), true);
      case "release": {
        const released = await this.service.release(c.id, operator.id);
        const answer = { released: "staff-released", "not-claimed": "staff-not-claimed", "not-yours": "staff-release-not-yours" }[released];
        await reply.answer(this.text.t(answer), released === "not-yours");
        if (released !== "released") return;
        await this.postToTopic(c, this.text.t("staff-released-note", { id: c.id }));
        const fresh = await this.store.get(c.id);
        if (fresh) await this.refreshCard(fresh);
        return;
      }
      case "block": {
        if (!(await this.service.block(c, operator.id))) return reply.answer(this.text.t("staff-supervisors-only"), true);
        const result = await this.resolve(c, { outcome: "abusive", category: BLOCKED_CATEGORY });
        if (!result.ok) return reply.answer(this.text.t("staff-case-closed")).catch(() => undefined);
        await reply.answer(this.text.t("staff-blocked")).catch(() => undefined);
        await reply.editCard(this.text.card(result.case, now)).catch(() => undefined);
        return;
      }
      case "template": {
        // A card posted before the picker: its one-tap buttons still send their reply.
        const one = cb.template ? this.deps.replies.byId(cb.template) : undefined;
        if (!one) return reply.answer();
        await this.sendReplies(c, [one], operator, reply);
        return;
      }
      case "replies":
      case "pick":
      case "sendReplies": {
        // A resolved card has no buttons: an old picker does not put them back.
        if (c.status === "resolved") return reply.answer(this.text.t("staff-case-closed"), true);
        if (cb.action === "replies") {
          await reply.answer(this.text.t("staff-replies-hint"));
          return reply.editButtons(this.picker(c, 0)).catch(() => undefined);
        }
        const picked = cb.picked;
        // Drawn by a process that already took a newer upload: this one takes it too before reading the bits.
        if (picked && picked.version > this.deps.replies.version) await this.deps.syncReplies?.();
        const { entries, version } = this.deps.replies;
        // Supervisors changed the replies since this picker was drawn: its bits mean others now.
        if (!picked || picked.version !== version || picked.chosen >= 2 ** entries.length) {
          await reply.answer(this.text.t("staff-replies-changed"), true);
          return reply.editButtons(this.picker(c, 0)).catch(() => undefined);
        }
        if (cb.action === "pick") {
          await reply.answer();
          return reply.editButtons(this.picker(c, picked.chosen)).catch(() => undefined);
        }
        const chosen = entries.filter((_, i) => (picked.chosen & (1 << i)) !== 0);
        if (chosen.length === 0) return reply.answer(this.text.t("staff-replies-none"));
        if (await this.sendReplies(c, chosen, operator, reply)) await reply.editButtons(this.text.cardKeyboard(c)).catch(() => undefined);
        return;
      }
    }
  }

  /** The saved-replies picker for a case, with the replies in use. */
  private picker(c: Case, chosen: number): InlineKeyboard {
    return this.text.pickerKeyboard(c, this.deps.replies.entries, this.deps.replies.version, chosen);
  }

  /**
   * Saved replies, in the user's language and worded for their role, as ONE message: through
   * the outbox like an operator's own message (held while the user is away), said in the topic.
   * A reply answers the user, as writing does: it claims a case nobody had. False: not sent.
   */
  private async sendReplies(c: Case, chosen: readonly SavedReply[], operator: { id: number; first_name: string }, reply: PressReply): Promise<boolean> {
    if (c.status === "resolved") {
      await reply.answer(this.text.t("staff-case-closed"), true);
      return false;
    }
    const text = joinReplies(chosen, c.lang, readerRole(c.role));
    // Sent as HTML (as every relayed text is): what a supervisor typed is text, never markup.
    const html = escapeHtml(text);
    // The topic's copy says it again: both must fit in one Telegram message.
    if (html.length > MAX_REPLIES_HTML) {
      await reply.answer(this.text.t("staff-replies-too-long"), true);
      return false;
    }
    const claimed = c.status === "open" && (await this.claimByAnswer(c, operator));
    await reply.answer(this.text.t(c.held ? "staff-held-short" : "staff-tpl-sent"), c.held);
    await this.record({ from: "operator", kind: "template", text, at: this.deps.now() }, { kind: "text", caseId: c.id, dir: "to_user", text: html }, c);
    await this.postToTopic(c, this.text.t("staff-tpl-copy", { text: html }));
    // A claim has drawn the card again already, with its own buttons.
    return !claimed;
  }

  /**
   * Resolves: the notice in the topic and the message to the user (the rating, a check-in) are
   * queued with it, then delivered; the topic is marked done and closed. `seen`: the case as the
   * resolver saw it (one reopened since is not resolved).
   */
  private async resolve(c: Case, resolution: Resolution, seen?: Pick<Case, "waitingSince">): Promise<ResolveResult> {
    const { outcome } = resolution;
    const result = await this.service.resolve(
      c,
      resolution,
      this.deps.now(),
      (offerCheckIn) => {
        const notice = { kind: "text" as const, dir: "to_staff" as const, text: this.text.resolved(c, outcome) };
        if (outcome === "abusive") return [notice];
        const { text, buttons } = resolutionMessage(this.deps.i18n, c, offerCheckIn);
        return [notice, { kind: "text", dir: "to_user", text, buttons }];
      },
      seen,
    );
    if (!result.ok) return result;
    await this.flushNow(result.queued, result.case);
    // The topic list shows it done, and nobody writes into it by mistake (a reopening opens it again).
    const thread = result.case.threadId;
    await Promise.all([this.refreshTitle(result.case), thread ? this.deps.api.closeForumTopic(this.chatOf(result.case), thread).catch(() => undefined) : undefined]);
    return result;
  }

  // ── The resolve dialogue (resolve.ts): each step, with the case looked at again ──

  /** Resolve on a card: the dialogue's first step (the outcome) is asked in the case's topic; undefined when the case cannot be resolved. */
  async resolveBegin(args: { caseId: number; thread?: number }, name: string, answer: PressReply["answer"], chat: number = this.config.staffChatId): Promise<ResolveStart | undefined> {
    const c = await this.service.get(args.caseId);
    // A card from before Redis lost its data names another topic: it acts on nothing.
    if (!c || (args.thread !== undefined && (c.threadId ?? 0) !== args.thread)) return void (await answer(this.text.t("staff-case-missing")));
    // A case is resolved from its own group only.
    if (this.chatOf(c) !== chat) return void (await answer(this.text.t("staff-wrong-group", { id: c.id, group: this.groupName(this.chatOf(c)) }), true));
    if (c.status === "resolved") return void (await answer(this.text.t("staff-case-closed"), true));
    await answer();
    const { text, keyboard } = this.text.resolveStep(c, name, { step: "outcome" });
    const prompt = await this.deps.api.sendMessage(chat, text, { ...(c.threadId ? { message_thread_id: c.threadId } : {}), parse_mode: "HTML", reply_markup: keyboard });
    return { caseId: c.id, chat, threadId: c.threadId, prompt: prompt.message_id, waitingSince: c.waitingSince };
  }

  /** The next step of the dialogue, in place of the last; true when the dialogue ended instead (the case changed meanwhile). */
  async resolveShow(start: ResolveStart, view: ResolveView, name: string, answer: PressReply["answer"]): Promise<boolean> {
    const ended = this.changedMeanwhile(await this.service.get(start.caseId), start);
    if (ended) {
      await this.resolveEnd(start, ended, name, answer);
      return true;
    }
    await answer();
    const { text, keyboard } = this.text.resolveStep({ id: start.caseId, threadId: start.threadId }, name, view);
    await this.editPrompt(start, text, keyboard);
    return false;
  }

  /** The last step: the case is resolved with what was chosen and the note (if the case is still as the dialogue found it), and the card shows it. */
  async resolveFinish(start: ResolveStart, resolution: Resolution, name: string, answer?: PressReply["answer"]): Promise<void> {
    const c = await this.service.get(start.caseId);
    let ended = this.changedMeanwhile(c, start);
    if (!ended && c) {
      const result = await this.resolve(c, resolution, start);
      if (result.ok) {
        await this.refreshCard(result.case);
        ended = { kind: "done", outcome: resolution.outcome, category: resolution.category, noted: Boolean(resolution.note) };
      } else ended = { kind: result.reason === "changed" ? "reopened" : result.reason === "resolved" ? "already" : "gone" };
    }
    await this.resolveEnd(start, ended ?? { kind: "gone" }, name, answer);
  }

  /** The dialogue's last word, in place of its buttons. */
  async resolveEnd(start: ResolveStart, ended: ResolveEnd, name: string, answer?: PressReply["answer"]): Promise<void> {
    await answer?.(ended.kind === "done" || ended.kind === "cancelled" ? undefined : this.text.resolveEnded({ id: start.caseId }, name, ended), ended.kind !== "done" && ended.kind !== "cancelled");
    await this.editPrompt(start, this.text.resolveEnded({ id: start.caseId }, name, ended));
  }

  /** Why a dialogue cannot go on: the case is gone (erased), resolved by someone else, or reopened since it began. */
  private changedMeanwhile(c: Case | undefined, start: ResolveStart): ResolveEnd | undefined {
    if (!c) return { kind: "gone" };
    if (c.status === "resolved") return { kind: "already" };
    if (c.waitingSince !== start.waitingSince) return { kind: "reopened" };
    return undefined;
  }

  private async editPrompt(start: ResolveStart, text: string, keyboard?: InlineKeyboard): Promise<void> {
    await this.deps.api
      .editMessageText(start.chat ?? this.config.staffChatId, start.prompt, text, { parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) })
      .catch((err: unknown) => this.deps.logger.warn({ err, case: start.caseId }, "could not show a step of the resolve dialogue"));
  }

  /** A claim made by answering (a saved reply): the notice in the topic and the card, as a press would. True when it claimed. */
  private async claimByAnswer(c: Case, operator: { id: number; first_name: string }): Promise<boolean> {
    const notice = this.text.t("staff-claimed", { id: c.id, name: escapeHtml(operator.first_name) });
    const result = await this.service.claim(c.id, operator.id, this.deps.now(), [{ kind: "text", dir: "to_staff", text: notice }]);
    if (!result.ok) return false;
    await this.flushNow(result.queued, result.case);
    await this.refreshCard(result.case);
    return true;
  }

  /**
   * An operator's message in a case topic goes to the user (the first one also claims it, and
   * the topic and card say so). "colleague": relayed into a case another operator had claimed.
   */
  async operatorMessage(m: RelayedMessage & { thread: number; operator: number; name: string }): Promise<"none" | "closed" | "erased" | "held" | "relayed" | "colleague"> {
    const result = await this.service.operatorMessage({
      // The topic in this group: another group's topic of the same number is another case.
      topic: this.topicIn(m.chatId, m.thread),
      operator: m.operator,
      kind: messageKind(m.message),
      text: m.message.text,
      fromChat: m.chatId,
      messageId: m.message.message_id,
      // In a topic every message "answers" the topic's first message: only a real reply counts.
      replyTo: replyIn(m.message, m.thread),
      now: this.deps.now(),
      // The case is not known before the step that finds it: the notice names the operator only.
      claimNotice: this.text.t("staff-claimed-here", { name: escapeHtml(m.name) }),
    });
    if (result.kind !== "relayed") return result.kind;
    await this.flushNow(result.queued, result.case);
    if (result.claimedNow) await this.refreshCard(result.case);
    // Stored, and held until the user writes again (they used the quick exit).
    if (result.case.held) return "held";
    return result.someoneElses ? "colleague" : "relayed";
  }

  /** /unblock in a case topic (supervisors): the case's user may talk to operators again. */
  async unblock(chat: number, thread: number | undefined, by: number): Promise<"nowhere" | "denied" | "unblocked" | "not-blocked"> {
    const c = thread ? await this.store.byThread(thread, this.groupKey(chat)) : undefined;
    if (!c) return "nowhere";
    return this.service.unblock(c, by);
  }

  // ── Topics, relays and the outbox ──

  /**
   * Creates the case's forum topic with its card (also when the old topic was deleted). When
   * the card cannot be posted now, it is queued (a topic without its buttons is no case).
   * Without the right to create topics, the case lives in the General topic: 0 is returned.
   */
  async ensureTopic(c: Case): Promise<number> {
    // A topic made again (the old one was deleted) gets the conversation so far after its card.
    const recreated = Boolean(c.threadId);
    let threadId: number;
    try {
      threadId = (await this.deps.api.createForumTopic(this.chatOf(c), this.text.title(c))).message_thread_id;
    } catch (err) {
      if (!(err instanceof GrammyError) || telegramUnavailable(err)) throw err;
      // Refused for good (no right to manage topics, not a forum): say so in General, relay there.
      this.deps.logger.warn({ case: c.id, err }, "cannot create a case topic; relaying in the General topic");
      return 0;
    }
    // The topic and the card's message are stored together (one round trip).
    let cardId: number | undefined;
    try {
      cardId = await this.postCard({ ...c, threadId });
    } catch (err) {
      await this.store.setThread(c.id, threadId, undefined, c.staffChat);
      if (!telegramUnavailable(err)) throw err;
      await this.service.queueRelay({ kind: "card", caseId: c.id, dir: "to_staff" });
      return threadId;
    }
    await this.store.setThread(c.id, threadId, cardId, c.staffChat);
    if (recreated) {
      const history = this.text.history(c, await this.store.log(c.id));
      if (history) {
        await this.deps.api
          .sendMessage(this.chatOf(c), history, { message_thread_id: threadId, parse_mode: "HTML", protect_content: true })
          .catch(() => this.service.queueRelay({ kind: "text", caseId: c.id, dir: "to_staff", text: history }));
      }
    }
    return threadId;
  }

  /** The card with its buttons, in the case's topic (or in General, headed by the case number): its message id. */
  private async postCard(c: Case): Promise<number> {
    const thread = c.threadId ? { message_thread_id: c.threadId } : {};
    const card = await this.deps.api.sendMessage(this.chatOf(c), this.text.card(c, this.deps.now()), {
      ...thread,
      parse_mode: "HTML",
      protect_content: true,
      reply_markup: this.text.buttonsFor(c),
    });
    return card.message_id;
  }

  /** Posts the card and remembers it, so that it can be kept up to date. */
  private async postAndKeepCard(c: Case): Promise<void> {
    await this.store.setCard(c.id, await this.postCard(c));
  }

  /**
   * The card and the title as the case now stands (status, risk, summary). A card that cannot
   * be edited (none known, or deleted) is posted again, so the case keeps its buttons.
   */
  async refreshCard(c: Case): Promise<void> {
    if (c.threadId === undefined) return this.refreshTitle(c);
    // The title and the card at once: two Telegram calls, one wait.
    const [, edited] = await Promise.all([
      this.refreshTitle(c),
      c.cardId
        ? this.deps.api
            .editMessageText(this.chatOf(c), c.cardId, this.text.card(c, this.deps.now()), { parse_mode: "HTML", reply_markup: this.text.buttonsFor(c) })
            .then(() => true)
            .catch((err: unknown) => err instanceof GrammyError && /not modified/i.test(err.description))
        : false,
    ]);
    if (!edited) await this.postAndKeepCard(c).catch((err: unknown) => this.deps.logger.warn({ err, case: c.id }, "could not post the case card again"));
  }

  /** The title follows the status and the risk; a deleted topic is not an error here (relay re-creates it). */
  async refreshTitle(c: Case): Promise<void> {
    if (!c.threadId) return;
    await this.deps.api.editForumTopic(this.chatOf(c), c.threadId, { name: this.text.title(c) }).catch(() => undefined);
  }

  async postToTopic(c: Case, text: string): Promise<void> {
    await this.relay({ kind: "text", caseId: c.id, dir: "to_staff", text }, c);
  }

  /** Queues a relay and tries to deliver it right away; it stays queued if Telegram fails. */
  private async relay(job: RelayJob, c?: Case): Promise<void> {
    await this.flushNow([await this.service.queueRelay(job)], c);
  }

  /**
   * A message of the conversation: transcript and outbox written together, then delivered;
   * `summary` goes on the card if it has none yet (true when it did).
   */
  private async record(entry: Parameters<CaseService["record"]>[0], job: RelayJob, c: Case, summary?: string): Promise<boolean> {
    const { queued, summarised } = await this.service.record(entry, job, { c, summary });
    await this.flushNow([queued], c);
    return summarised;
  }

  /**
   * Within an update, after its jobs were stored: delivers them now. If that fails (Redis went
   * away between storing and marking them sent, say), the update still succeeded: the jobs are
   * stored, and the outbox timers of any process deliver (or finish) them.
   */
  private async flushNow(first: readonly QueuedJob[], known?: Case): Promise<void> {
    await this.flush(first, known).catch((err: unknown) => this.deps.logger.warn({ err }, "delivery left to the outbox timers"));
  }

  /**
   * Delivers what is due in the outbox (also called by a timer); the outbox keeps each case's
   * order. `first`: jobs just queued (those leased then go out without asking for them again);
   * `known`: their case as this update just read it (no need to read it again to deliver).
   */
  flush(first: readonly QueuedJob[] = [], known?: Case): Promise<number> {
    return this.deps.outbox.drain(
      (job) => this.deliver(job, known),
      (job) => this.reportUndeliverable(job),
      undefined,
      first,
    );
  }

  /**
   * Writes the figures this process gathered (the outbox timer calls it with its flush, so they
   * share a round trip; an update never waits for it). What fails is kept for the next time.
   */
  writeFigures(): Promise<void> {
    return this.deps.figures.flush();
  }

  private async deliver(job: RelayJob, known?: Case): Promise<DeliveryResult> {
    const c = known?.id === job.caseId ? known : await this.store.get(job.caseId);
    if (!c) return "undeliverable"; // erased by /forget: nothing to deliver to
    // The user used the quick exit: nothing reaches their chat until they write again (then
    // the line is due at once); until then it waits, in order, and waiting is no failure.
    if (job.dir === "to_user" && c.held) return { retryAfterMs: HOLD_RECHECK_MS };
    try {
      return await this.send(c, job);
    } catch (err) {
      if (job.dir === "to_staff" && isThreadGone(err)) {
        const threadId = await this.ensureTopic(c);
        try {
          return await this.send({ ...c, threadId }, job);
        } catch (again) {
          return classify(again);
        }
      }
      const result = classify(err);
      if (result === "undeliverable") await this.reportUndeliverable(job);
      return result;
    }
  }

  /** Sends one job; a copy answers with the message it made (remembered with its original). */
  private async send(c: Case, job: RelayJob): Promise<DeliveryResult> {
    const api = this.deps.api;
    if (job.dir === "to_staff") {
      if (job.kind === "card") {
        // A case without a topic gets it (with its card) now; one with a topic, its card.
        if (!c.threadId) {
          if ((await this.ensureTopic(c)) === 0) await this.postAndKeepCard(c);
        } else await this.postAndKeepCard(c);
        return "sent";
      }
      const thread = c.threadId ?? (await this.ensureTopic(c));
      if (thread === 0) {
        // No topic can be made: the message goes to General, after a line that names its case.
        await api.sendMessage(this.chatOf(c), this.text.t("staff-no-topic", { id: c.id }));
      }
      // Protected: what a user wrote cannot be forwarded or saved out of the staff group.
      const options = { ...(thread ? { message_thread_id: thread } : {}), protect_content: true };
      if (job.kind === "copy") {
        const reply_parameters = await this.replyOn(c, job, "user");
        return { sentAs: (await api.copyMessage(this.chatOf(c), job.fromChat, job.messageId, { ...options, reply_parameters })).message_id };
      }
      await api.sendMessage(this.chatOf(c), job.text, { ...options, parse_mode: "HTML" });
      return "sent";
    }
    // To the user: copied from the bot, never forwarded, so no operator name crosses.
    if (job.kind === "copy") {
      const reply_parameters = await this.replyOn(c, job, "staff");
      return { sentAs: (await api.copyMessage(c.chatId, job.fromChat, job.messageId, { protect_content: true, reply_parameters })).message_id };
    }
    const reply_markup = job.buttons ? keyboardOf(job.buttons) : undefined;
    await api.sendMessage(c.chatId, job.text, { parse_mode: "HTML", protect_content: true, reply_markup });
    return "sent";
  }

  /** A copy that answers a message (on `side`) answers that message's counterpart on the other side, if it is known. */
  private async replyOn(c: Case, job: Extract<RelayJob, { kind: "copy" }>, side: "user" | "staff") {
    if (job.replyTo === undefined) return undefined;
    const target = await this.store.counterpart(c.id, side, job.replyTo);
    return target === undefined ? undefined : { message_id: target, allow_sending_without_reply: true };
  }

  /**
   * An operator edited a message they had sent: the user's copy is edited too (a text, or a
   * caption). "none": not a relayed message of a case (or its copy is not known any more).
   */
  async operatorEdit(m: RelayedMessage & { thread: number }): Promise<"none" | "held" | "edited" | "failed"> {
    const c = await this.store.byThread(m.thread, this.groupKey(m.chatId));
    if (!c || c.status === "resolved") return "none";
    const copy = await this.store.counterpart(c.id, "staff", m.message.message_id);
    if (copy === undefined) return "none";
    if (c.held) return "held";
    const edit =
      m.message.text !== undefined
        ? this.deps.api.editMessageText(c.chatId, copy, m.message.text, { entities: m.message.entities })
        : this.deps.api.editMessageCaption(c.chatId, copy, { caption: m.message.caption ?? "", caption_entities: m.message.caption_entities });
    return edit.then(
      () => "edited" as const,
      (err: unknown) => {
        this.deps.logger.warn({ err, case: c.id }, "an operator's edit did not reach the user");
        return "failed" as const;
      },
    );
  }

  private async reportUndeliverable(job: RelayJob): Promise<void> {
    this.deps.logger.warn({ case: job.caseId, dir: job.dir }, "relay undeliverable");
    this.deps.metrics?.undeliverable(job.dir);
    if (job.dir !== "to_user") return;
    const c = await this.store.get(job.caseId);
    if (!c?.threadId) return;
    await this.deps.api
      .sendMessage(this.chatOf(c), this.text.t("staff-undeliverable"), { message_thread_id: c.threadId })
      .catch(() => undefined);
  }

  // ── The clocks (timers.ts) ──

  /**
   * Raises unclaimed cases past their waiting limit in the General topic, once per limit, and
   * tells the user honestly: busy operators on duty, or nobody until they are back.
   */
  async sweep(userText: (c: Case, duty: Duty) => string): Promise<number> {
    const now = this.deps.now();
    const raised = await this.service.raiseOverdue(now);
    const duty = this.duty(now);
    for (const c of raised) {
      await this.deps.api
        .sendMessage(this.chatOf(c), this.text.raised(c, now), { parse_mode: "HTML" })
        .catch((err: unknown) => this.deps.logger.warn({ err }, "could not raise a case"));
      await this.relay({ kind: "text", caseId: c.id, dir: "to_user", text: userText(c, duty) });
    }
    return raised.length;
  }

  /** Sends the check-ins that are due, through the outbox like every relay. */
  async sendCheckIns(message: (c: Case) => { text: string; buttons: Buttons }): Promise<number> {
    const sent = await this.service.queueDueCheckIns(this.deps.now(), message);
    if (sent > 0) await this.flush();
    return sent;
  }
}

/** What kind of message it was, for the transcript (no content for media). */
export function messageKind(m: Message | undefined): string {
  if (!m) return "other";
  for (const kind of ["text", "photo", "voice", "video", "video_note", "document", "sticker", "location", "audio", "contact", "animation", "dice", "poll", "story"] as const) {
    if (kind in m) return kind;
  }
  return "other";
}

/** The message an operator's message answers in a topic (not the topic's own first message). */
function replyIn(message: Message, thread: number): number | undefined {
  const to = message.reply_to_message?.message_id;
  return to === undefined || to === thread ? undefined : to;
}

/** Telegram's answers when a forum topic no longer exists. */
function isThreadGone(err: unknown): boolean {
  return err instanceof GrammyError && /thread not found|TOPIC_DELETED|TOPIC_CLOSED|topic.*(deleted|closed)/i.test(err.description);
}

/** 429, 5xx and network trouble are worth retrying; a 400/403 will not get better. */
function classify(err: unknown): DeliveryResult {
  const after = err instanceof GrammyError ? err.parameters.retry_after : undefined;
  if (typeof after === "number") return { retryAfterMs: after * 1000, flood: true };
  return telegramUnavailable(err) || !(err instanceof GrammyError) ? "retry" : "undeliverable";
}
