/**
 * The case service: every user action on a case, as one call, with the rules (rules.ts)
 * applied to the store and the outbox. It decides and stores; it sends nothing: the desk
 * (bot/desk/desk.ts) shows what it decided in Telegram and delivers the outbox. Plain values
 * in and out, no grammY, no i18n.
 */
import type { Lang, Risk, Role, Topic } from "../domain.js";
import type { Logger } from "../logger.js";
import type { CaseStore, ClaimResult, OpenRequest, OpenResult, ResolveOutcome, TopicRef, TranscriptEntry } from "./store.js";
import type { Outbox, QueuedJob, RelayDraft, RelayJob } from "./outbox.js";
import type { Case, Resolution } from "./types.js";
import * as rules from "./rules.js";
import type { CasePolicy, Duty } from "./rules.js";
import type { CaseFigures } from "./figures.js";

/** "Talk to a person" (or "now" from a crisis reply). */
export interface PersonRequest {
  user: string;
  chatId: number;
  lang: Lang;
  role?: Role;
  region?: string;
  /**
   * Danger found just before, if anything (rules.PENDING_MS): its risk, topic and what the card
   * shows of it (what a user in crisis wrote, or the answers chosen in a flow).
   */
  pending?: { summary: string; risk: Risk; topic?: Topic };
  /** "emergency" for "now" from a crisis reply, else "none". */
  asked: Risk;
  /** The user's previous case, if any: a check-in asked for after it would come too late now. */
  previousCase?: number;
  /** Asked in the middle of a topic flow (for the figures: how cases begin). */
  inFlow?: boolean;
  now: number;
}

export type PersonResult =
  | { kind: "blocked" }
  | ({ kind: "opened"; position: number; duty: Duty } & OpenResult);

/** A message from a user who has (or had) a case. */
export interface UserMessage {
  user: string;
  caseId: number;
  chatId: number;
  lang: Lang;
  /** The crisis grade of the message ("none" for media). */
  risk: Risk;
  text?: string;
  now: number;
}

export type UserMessageCase =
  /** No case to talk to (erased, someone else's, blocked, or closed past reopening): handle it as any message. */
  | { kind: "none" }
  | { kind: "open"; case: Case }
  /** The message reopened the case (or, if the window closed in between, opened a new one). */
  | { kind: "reopened"; case: Case; opened: OpenResult };

export type ResolveResult =
  | Extract<ResolveOutcome, { ok: false }>
  | { ok: true; case: Case; offerCheckIn: boolean; /** The relays given, queued with it. */ queued: QueuedJob[] };

/** What a message an operator writes in a case topic leads to. */
export type OperatorMessageResult =
  | { kind: "none" }
  | { kind: "closed" }
  | { kind: "erased" }
  /** `claimedNow`: this message claimed the case (`notice` queued with it); `someoneElses`: another operator had claimed it. */
  | { kind: "relayed"; case: Case; queued: QueuedJob[]; claimedNow: boolean; someoneElses: boolean };

export class CaseService {
  /** Cases whose first operator reply this process has counted (so later replies cost no Redis call). */
  private readonly replied = new Set<number>();

  constructor(
    readonly store: CaseStore,
    private readonly outbox: Outbox,
    readonly policy: CasePolicy,
    private readonly logger: Logger,
    /** The anonymous daily figures; none when absent. */
    private readonly figures?: CaseFigures,
  ) {}

  /** Counts for the figures (gathered in memory: no Redis call here; CaseFigures.flush writes them). */
  private count(what: (f: CaseFigures) => void): void {
    if (this.figures) what(this.figures);
  }

  private countReply(c: Case, now: number): void {
    if (this.replied.has(c.id)) return;
    if (this.replied.size >= 10_000) this.replied.clear();
    this.replied.add(c.id);
    this.count((f) => f.replied(c, now));
  }

  duty(now: number): Duty {
    return rules.duty(this.policy.hours, now);
  }

  isSupervisor(userId: number): boolean {
    return this.policy.supervisors.includes(userId);
  }

  get(id: number): Promise<Case | undefined> {
    return this.store.get(id);
  }

  /** "Talk to a person": opens (or finds, or reopens) the user's case, unless they are blocked. */
  async requestPerson(req: PersonRequest): Promise<PersonResult> {
    if (await this.store.isBlocked(req.user)) return { kind: "blocked" };
    const opened = await this.open({
      user: req.user,
      chatId: req.chatId,
      lang: req.lang,
      role: req.role,
      region: req.region,
      topic: req.pending?.topic ?? (req.asked === "emergency" ? "crisis" : undefined),
      risk: rules.openingRisk(req.pending?.risk, req.asked),
      summary: req.pending?.summary ?? "",
      ...(await this.route(req.region)),
      now: req.now,
    });
    // Talking to someone now: a check-in asked for after an earlier case would come too late.
    if (req.previousCase !== undefined && req.previousCase !== opened.case.id) await this.store.cancelCheckIn(req.previousCase);
    if (opened.how !== "existing") {
      const via = opened.how === "reopened" ? "reopened" : req.pending || req.asked === "emergency" ? "crisis" : req.inFlow ? "flow" : "menu";
      this.count((f) => f.opened(opened.case, via, req.now));
    }
    const position = await this.store.position(opened.case.id);
    return { kind: "opened", ...opened, position, duty: this.duty(req.now) };
  }

  /**
   * The staff group a new case of `region` goes to (an existing or reopened case keeps its own):
   * the region's group, unless it overflows (rules.routeCase); else the national group.
   */
  private async route(region: string | undefined): Promise<rules.Route> {
    const group = rules.regionalGroup(region, this.policy);
    return rules.routeCase(group, group === undefined ? 0 : await this.store.waitingIn(group), this.policy);
  }

  /** Opens, finds or reopens; talking again cancels a check-in asked for after the last conversation. */
  private async open(req: OpenRequest): Promise<OpenResult> {
    const result = await this.store.open(req);
    if (result.how === "reopened") await this.store.cancelCheckIn(result.case.id);
    return result;
  }

  /**
   * The case a user's message goes to: theirs, while open; a resolved one is reopened within
   * the window (or while a check-in is answered), else the message is not for the operators.
   */
  async caseForMessage(m: UserMessage): Promise<UserMessageCase> {
    // Both asked at once (one round trip): the case, and whether this user is blocked.
    const [c, blocked] = await Promise.all([this.store.get(m.caseId), this.store.isBlocked(m.user)]);
    if (!c || c.user !== m.user || blocked) return { kind: "none" };
    if (c.status !== "resolved") return { kind: "open", case: c };
    if (!rules.canReopen(c, m.now, this.policy)) return { kind: "none" };
    // Reopened, it keeps its group; if the window closed in between, the new case goes where its region's would.
    const opened = await this.open({ user: c.user, chatId: m.chatId, lang: m.lang, region: c.region, risk: m.risk, summary: m.text ?? "", ...(await this.route(c.region)), now: m.now });
    // Reopened by an answer to a check-in (its window is open past the usual one), or by writing again.
    const byCheckIn = c.reopenUntil !== undefined && m.now <= c.reopenUntil;
    if (byCheckIn) this.count((f) => f.checkIn("answered", m.now));
    if (opened.how !== "existing") this.count((f) => f.opened(opened.case, byCheckIn ? "checkin" : "reopened", m.now));
    return { kind: "reopened", case: opened.case, opened };
  }

  /** Raises the case's risk when the message is graver; the raised case, or undefined. */
  async raiseRisk(c: Case, risk: Risk): Promise<Case | undefined> {
    if (!rules.raisesRisk(c.risk, risk) || !(await this.store.raiseRisk(c.id, risk))) return undefined;
    return (await this.store.get(c.id)) ?? c;
  }

  /**
   * A message of the conversation: written to the transcript and queued, in one step. The
   * transcript is the staff's history: if it fails, that is logged and the message still goes.
   */
  async record(entry: TranscriptEntry, job: RelayJob, options: { c?: Case; summary?: string } = {}): Promise<{ queued: QueuedJob; summarised: boolean }> {
    const { caseId, ...relay } = job;
    const { queued, logged, summarised } = await this.store.record(caseId, entry, relay, entry.at, options.summary);
    if (!logged) this.logger.warn({ case: caseId }, "transcript not written");
    if (entry.from === "operator" && options.c) this.countReply(options.c, entry.at);
    return { queued, summarised };
  }

  /** Queues a relay (delivered by the desk's flush; leased to this process when first in its line). */
  queueRelay(job: RelayJob): Promise<QueuedJob> {
    return this.outbox.enqueueLeased(job);
  }

  /** The user's rating of a resolved case of theirs; undefined for anyone else's or an open one. */
  async rate(m: { caseId: number; user: string; stars: number; now: number }): Promise<{ case: Case; offerCheckIn: boolean } | undefined> {
    const rated = await this.store.rateResolved(m.caseId, m.user, m.stars);
    if (!rated) return undefined;
    this.count((f) => f.rated(m.stars, m.now));
    // The offer of a check-in stays, unless it was accepted.
    const offerCheckIn = rules.checkInFits(rated.case, rules.checkInTime(m.now), this.policy) && !rated.hasCheckIn;
    return { case: rated.case, offerCheckIn };
  }

  /** The case `caseId` if it is this user's (a button of theirs naming it), else undefined. */
  async caseOfUser(caseId: number, user: string): Promise<Case | undefined> {
    const c = await this.store.get(caseId);
    return c?.user === user ? c : undefined;
  }

  /** "Check on me in 3 days": only the case's own user, once it is resolved, while it is kept that long. */
  async scheduleCheckIn(m: { caseId: number; user: string; now: number }): Promise<boolean> {
    const c = await this.store.get(m.caseId);
    const due = rules.checkInTime(m.now);
    if (!c || c.user !== m.user || !rules.checkInFits(c, due, this.policy)) return false;
    await this.store.scheduleCheckIn(c.id, due);
    this.count((f) => f.checkIn("accepted", m.now));
    return true;
  }

  /** "I'm okay" under a check-in: counted in the figures when it is the user's own check-in, still open. */
  async checkInAnswered(m: { caseId: number; user: string; now: number }): Promise<void> {
    const c = await this.store.get(m.caseId);
    if (c && c.user === m.user && c.reopenUntil !== undefined && m.now <= c.reopenUntil) this.count((f) => f.checkIn("answered", m.now));
  }

  /** Claims; the relays given (the notice in the topic) are queued only if this claim won. */
  async claim(id: number, operator: number, now: number, relays: RelayDraft[] = []): Promise<ClaimResult> {
    const result = await this.store.claim(id, operator, now, relays);
    if (result.ok) this.count((f) => f.claimed(result.case, now));
    return result;
  }

  /**
   * Hands the case to a colleague, with a note kept in the transcript: by the operator who
   * claimed it (or anyone, while nobody has), or a supervisor.
   */
  async transfer(c: Case, from: number, to: number, note: string, now: number): Promise<"transferred" | "not-yours" | "closed"> {
    const result = await this.store.transfer(c.id, this.isSupervisor(from) ? undefined : from, to, now);
    if (result === "transferred" && note) await this.store.appendLog(c.id, { from: "note", kind: "text", text: note, at: now });
    return result;
  }

  /** The open cases an operator has claimed, most urgent first (only those `shown`, e.g. of one staff group). */
  async mine(operator: number, shown: (c: Case) => boolean = () => true): Promise<Case[]> {
    return (await this.store.queue(200)).filter((c) => c.status === "claimed" && c.claimedBy === operator && shown(c));
  }

  /** Back to the queue: only by the operator who claimed it, or by a supervisor. */
  release(id: number, by: number): Promise<"released" | "not-claimed" | "not-yours"> {
    return this.store.release(id, this.isSupervisor(by) ? undefined : by);
  }

  /**
   * Resolves with an outcome and a category (required), and the note if any; a check-in is
   * offered only if the case is still kept when it comes (CASE_RETENTION_DAYS). The relays
   * `notices` draws up (knowing whether a check-in is offered) are queued in the same step, only
   * if this call resolved it. `seen`: the case as the resolver saw it (a case reopened since
   * is not resolved by what they chose for the earlier conversation).
   */
  async resolve(c: Case, resolution: Resolution, now: number, notices: (offerCheckIn: boolean) => RelayDraft[] = () => [], seen?: Pick<Case, "waitingSince">): Promise<ResolveResult> {
    const { outcome } = resolution;
    const offerCheckIn = rules.checkInFits({ ...c, status: "resolved", resolvedAt: now, outcome }, rules.checkInTime(now), this.policy);
    const done = await this.store.resolveAndQueue(c.id, resolution, now, notices(offerCheckIn), seen);
    if (!done.ok) return done;
    this.count((f) => {
      f.resolved(c, resolution, now);
      if (offerCheckIn && outcome !== "abusive") f.checkIn("offered", now);
    });
    return { ok: true, case: done.case, offerCheckIn, queued: done.queued };
  }

  /** Blocks the case's user (supervisors only); the case is then resolved as abusive by the caller. */
  async block(c: Case, by: number): Promise<boolean> {
    if (!this.isSupervisor(by)) return false;
    await this.store.block(c.user);
    return true;
  }

  /** Lifts the block of the case's user (supervisors only): "denied", or whether there was one. */
  async unblock(c: Case, by: number): Promise<"denied" | "unblocked" | "not-blocked"> {
    if (!this.isSupervisor(by)) return "denied";
    return (await this.store.unblock(c.user)) ? "unblocked" : "not-blocked";
  }

  /** An operator's message in a case topic: claims the case if nobody had, records and queues it. */
  async operatorMessage(m: {
    topic: TopicRef;
    operator: number;
    kind: string;
    text?: string;
    fromChat: number;
    messageId: number;
    /** The message it answers in the topic, if it is a reply. */
    replyTo?: number;
    now: number;
    /** The notice in the topic if this message claims the case. */
    claimNotice?: string;
  }): Promise<OperatorMessageResult> {
    // Found by its topic, claimed (if nobody had), written to the transcript and queued: one step.
    const r = await this.store.relayFromTopic(
      m.topic,
      m.operator,
      m.now,
      { from: "operator", kind: m.kind, text: m.text, at: m.now },
      { kind: "copy", dir: "to_user", fromChat: m.fromChat, messageId: m.messageId, ...(m.replyTo === undefined ? {} : { replyTo: m.replyTo }) },
      m.claimNotice === undefined ? undefined : { kind: "text", dir: "to_staff", text: m.claimNotice },
    );
    if (r.kind !== "relayed") return { kind: r.kind };
    if (!r.logged) this.logger.warn({ case: r.case.id }, "transcript not written");
    // The first operator message claims a case nobody had claimed.
    if (r.claimedNow) this.count((f) => f.claimed(r.case, m.now));
    this.countReply(r.case, m.now);
    const queued = r.notice ? [r.queued, r.notice] : [r.queued];
    return { kind: "relayed", case: r.case, queued, claimedNow: r.claimedNow, someoneElses: r.case.claimedBy !== m.operator };
  }

  /** /note in a case topic (of the staff group `chat`, as in byThread): kept in the transcript only. False outside a case topic. */
  async note(thread: number | undefined, text: string, now: number, chat?: number): Promise<boolean> {
    const c = thread ? await this.store.byThread(thread, chat) : undefined;
    if (!c) return false;
    await this.store.appendLog(c.id, { from: "note", kind: "text", text, at: now });
    return true;
  }

  queue(limit: number): Promise<Case[]> {
    return this.store.queue(limit);
  }

  /**
   * Unclaimed cases past their waiting limit, each marked raised once (several processes may
   * sweep; the store lets one of them win): the caller tells the staff and the user.
   */
  async raiseOverdue(now: number): Promise<Case[]> {
    const raised: Case[] = [];
    for (const c of await this.store.queue(200)) {
      const n = rules.dueRaise(c, now, this.policy);
      if (n !== undefined && (await this.store.markRaised(c.id, n))) raised.push(c);
    }
    return raised;
  }

  /**
   * Queues the check-ins that are due (the user asked to be asked how they are). A case that
   * was erased, or reopened since, gets none. Only in the daytime. Returns how many were queued.
   */
  async queueDueCheckIns(now: number, message: (c: Case) => { text: string; buttons: Array<Array<[string, string]>> }): Promise<number> {
    if (!rules.isCheckInHour(now)) return 0;
    let queued = 0;
    for (const id of await this.store.leaseDueCheckIns(now)) {
      const c = await this.store.get(id);
      if (c?.status === "resolved") {
        // An answer to it reaches an operator: the case reopens for two days, past the usual window.
        await this.store.allowReopenUntil(c.id, now + rules.CHECK_IN_ANSWER_MS);
        const { text, buttons } = message(c);
        await this.outbox.enqueue({ kind: "text", caseId: c.id, dir: "to_user", text, buttons });
        this.count((f) => f.checkIn("sent", now));
        queued++;
      }
      await this.store.cancelCheckIn(id);
    }
    return queued;
  }

  /** Relays stored and not yet delivered (for the metrics). */
  pendingRelays(): Promise<number> {
    return this.outbox.pending();
  }
}
