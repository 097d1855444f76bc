/**
 * What the desk shows: case titles and cards, their buttons, the queue, and the bot's own
 * messages to a user about their case (the resolution, "still waiting", the check-in). Staff
 * texts are in the staff language, users' in theirs; every text comes from locales/.
 */
import { InlineKeyboard } from "grammy";
import type { Texts } from "../../i18n.js";
import { type Lang, readerRole, type Risk } from "../../domain.js";
import type { Duty } from "../../cases/rules.js";
import { kzClock } from "../../directory/hours.js";
import { escapeHtml } from "../../directory/card.js";
import { type Case, OUTCOMES, type Outcome } from "../../cases/types.js";
import type { SavedReply } from "../../cases/replies.js";
import { CATEGORIES, CATEGORY_TOPS, type CategoryCode, type CategoryTop, categoryCode, parseCategory } from "../../cases/categories.js";
import { CASE_CB, DESK_CB, MENU_CB } from "../callbacks.js";

export const RISK_ICON: Readonly<Record<Risk, string>> = { emergency: "🔴", high: "🟠", moderate: "🟡", none: "⚪" };
/** Before the risk in a topic's title, so the topic list tells waiting from taken from done. */
const STATUS_MARK: Readonly<Record<Case["status"], string>> = { open: "", claimed: "✋ ", resolved: "✅ " };

type CaseRef = Pick<Case, "id" | "threadId">;

/** Where the resolve dialogue stands (bot/desk/resolve.ts): what it asks next, with what was chosen so far. */
export type ResolveView =
  | { step: "outcome" }
  | { step: "top"; outcome: Outcome }
  | { step: "sub"; outcome: Outcome; top: CategoryTop }
  | { step: "note"; outcome: Outcome; category: CategoryCode };

/** How a resolve dialogue ended: resolved, cancelled, or not resolved because the case changed meanwhile. */
export type ResolveEnd =
  | { kind: "done"; outcome: Outcome; category: CategoryCode; noted: boolean }
  | { kind: "cancelled" | "already" | "reopened" | "gone" };

/** Inline buttons of a relayed text, as [label, callback data] rows (they wait in the outbox as plain data). */
export type Buttons = Array<Array<[string, string]>>;

export function keyboardOf(buttons: Buttons): InlineKeyboard {
  return InlineKeyboard.from(buttons.map((row) => row.map(([text, data]) => InlineKeyboard.text(text, data))));
}

/** The staff side's texts and buttons. */
export class StaffText {
  constructor(
    private readonly i18n: Texts,
    readonly lang: Lang,
    private readonly regionName: (code: string, lang: Lang) => string | undefined,
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return this.i18n.t(this.lang, key, vars);
  }

  /** A region's name in the staff language (its code when unknown; "—" for none). */
  region(code: string | undefined): string {
    if (code === undefined || code === "-") return "—";
    return this.regionName(code, this.lang) ?? code;
  }

  /** "🔴 #42 · kk · bullying · Shymkent", after ✋ once claimed and ✅ once resolved. */
  title(c: Case): string {
    const region = c.region ? this.regionName(c.region, this.lang) : undefined;
    return [`${STATUS_MARK[c.status]}${RISK_ICON[c.risk]} #${c.id}`, c.lang, c.topic ?? "—", region ?? "—"].join(" · ").slice(0, 128);
  }

  /**
   * The case card. Its status carries the time it began (Kazakhstan time), not minutes that
   * would be stale the moment they are posted; the card is edited as the case changes.
   */
  card(c: Case, now: number): string {
    const since = c.status === "resolved" ? c.resolvedAt : c.status === "claimed" ? c.claimedAt : c.waitingSince;
    const clock = kzClock(new Date(since ?? now));
    return this.t("staff-card", {
      icon: RISK_ICON[c.risk],
      id: c.id,
      risk: this.t(`staff-risk-${c.risk}`),
      topic: c.topic ?? "—",
      region: (c.region && this.regionName(c.region, this.lang)) ?? "—",
      lang: c.lang,
      role: c.role ? this.t(`staff-role-${c.role}`) : "—",
      status: this.t(`staff-status-${c.status}`),
      since: `${clock.date.slice(8, 10)}.${clock.date.slice(5, 7)} ${clock.time}`,
      summary: escapeHtml(c.summary || "—"),
    }) + this.overflowLine(c) + this.resolution(c) + this.contactHistory(c);
  }

  /** Why a case of a region with its own group came to the national group (the overflow rule). */
  private overflowLine(c: Case): string {
    if (c.overflow === undefined) return "";
    return `\n${this.t("staff-card-overflow", { region: this.region(c.region), count: c.overflow })}`;
  }

  /** "Resolution: helped · Violence › Physical violence · 📝 internal note" under a card that was resolved (also once reopened). */
  private resolution(c: Case): string {
    if (!c.outcome || !c.category) return "";
    const note = c.noted ? this.t("staff-card-noted") : "";
    return `\n${this.t("staff-card-resolution", { outcome: this.t(`staff-outcome-${c.outcome}`), category: this.category(c.category), note })}`;
  }

  /** A category in the staff language: "Violence › Physical violence" ("—" for none). */
  category(code: string | undefined): string {
    const category = parseCategory(code);
    if (!category) return "—";
    return `${this.t(`staff-cat-${category.top}`)} › ${this.t(`staff-cat-${category.top}-${category.sub}`)}`;
  }

  /** A step of the resolve dialogue: its text and buttons, in the staff language. */
  resolveStep(c: CaseRef, name: string, view: ResolveView): { text: string; keyboard: InlineKeyboard } {
    const vars = { id: c.id, name: escapeHtml(name), outcome: view.step === "outcome" ? "" : this.t(`staff-outcome-${view.outcome}`) };
    const kb = new InlineKeyboard();
    const grid = (buttons: Array<[string, string]>) =>
      buttons.forEach(([label, data], i) => {
        kb.text(label, data);
        if (i % 2 === 1) kb.row();
      });
    let text: string;
    switch (view.step) {
      case "outcome":
        text = this.t("staff-resolve-step-outcome", vars);
        grid(OUTCOMES.map((o) => [this.t(`staff-outcome-${o}`), DESK_CB.outcome(c, o)]));
        break;
      case "top":
        text = this.t("staff-resolve-step-category", vars);
        grid(CATEGORY_TOPS.map((top) => [this.t(`staff-cat-${top}`), DESK_CB.category(c, top)]));
        break;
      case "sub":
        text = this.t("staff-resolve-step-subcategory", { ...vars, top: this.t(`staff-cat-${view.top}`) });
        grid(CATEGORIES[view.top].map((sub) => [this.t(`staff-cat-${view.top}-${sub}`), DESK_CB.subcategory(c, categoryCode(view.top, sub)!)]));
        break;
      case "note":
        text = this.t("staff-resolve-step-note", { ...vars, category: this.category(view.category) });
        kb.text(this.t("staff-btn-resolve-now"), DESK_CB.skipNote(c));
        break;
    }
    kb.row();
    if (view.step !== "outcome") kb.text(this.t("staff-btn-back"), DESK_CB.stepBack(c));
    kb.text(this.t("staff-btn-cancel"), DESK_CB.cancel(c));
    return { text, keyboard: kb };
  }

  /** "Earlier cases: 2 · the last: referred, high risk" under the card; nothing for a first contact. */
  private contactHistory(c: Case): string {
    if (!c.earlier) return "";
    const outcome = c.lastOutcome ? this.t(`staff-outcome-${c.lastOutcome}`) : "—";
    const risk = c.lastRisk ? this.t(`staff-risk-${c.lastRisk}`) : "—";
    return `\n${this.t("staff-card-history", { count: c.earlier, outcome, risk })}`;
  }

  /** The card's buttons as the case stands: none once it is resolved. */
  buttonsFor(c: Case): InlineKeyboard | undefined {
    return c.status === "resolved" ? undefined : this.cardKeyboard(c);
  }

  /** The conversation so far, for a topic made again after it was deleted (newest entries that fit). */
  history(c: Case, entries: readonly { from: string; kind: string; text?: string }[]): string | undefined {
    if (entries.length === 0) return undefined;
    const mark: Record<string, string> = { user: "👤", operator: "💬", note: "📝", system: "ℹ️" };
    const lines: string[] = [];
    let size = 0;
    for (const e of [...entries].reverse()) {
      const line = `${mark[e.from] ?? "•"} ${escapeHtml((e.text ?? `[${e.kind}]`).slice(0, 500))}`;
      if (size + line.length > 3_500) break;
      lines.unshift(line);
      size += line.length + 1;
    }
    return `${this.t("staff-history", { id: c.id })}\n${lines.join("\n")}`;
  }

  /** A flow's chosen answers for the card's summary: their labels in the staff language. */
  answers(labels: readonly string[], role: string): string {
    return this.t("staff-summary-flow", { answers: labels.map((key) => this.t(key, { role })).join(" · ") });
  }

  cardKeyboard(c: Case): InlineKeyboard {
    return new InlineKeyboard()
      .text(this.t("staff-btn-claim"), DESK_CB.claim(c))
      .text(this.t("staff-btn-resolve"), DESK_CB.resolveMenu(c))
      .row()
      .text(this.t("staff-btn-replies"), DESK_CB.replies(c))
      .row()
      .text(this.t("staff-btn-release"), DESK_CB.release(c))
      .text(this.t("staff-btn-block"), DESK_CB.block(c));
  }

  /**
   * The saved-replies picker under the card: a reply per button (✓ once chosen, two a row),
   * then Send (how many) and Cancel. `chosen` has a bit per reply, in their order.
   */
  pickerKeyboard(c: Case, replies: readonly SavedReply[], version: number, chosen: number): InlineKeyboard {
    const kb = new InlineKeyboard();
    replies.forEach((reply, i) => {
      const on = (chosen & (1 << i)) !== 0;
      kb.text(`${on ? "✓ " : ""}${reply.label[this.lang]}`, DESK_CB.pick(c, version, chosen ^ (1 << i)));
      if (i % 2 === 1) kb.row();
    });
    const count = replies.filter((_, i) => (chosen & (1 << i)) !== 0).length;
    return kb
      .row()
      .text(this.t("staff-btn-replies-send", { count }), DESK_CB.sendReplies(c, version, chosen))
      .text(this.t("staff-btn-cancel"), DESK_CB.back(c));
  }

  /** /queue: the waiting cases, most urgent first; `where` names the group of a case held in another. */
  queue(cases: readonly Case[], now: number, where?: (c: Case) => string | undefined): string {
    if (cases.length === 0) return this.t("staff-queue-empty");
    return `${this.t("staff-queue-title")}\n${this.queueLines(cases, now, where)}`;
  }

  /** One line per case: its title, how long it waits, its status (and the group it is in, if `where` says). */
  queueLines(cases: readonly Case[], now: number, where?: (c: Case) => string | undefined): string {
    const lines = cases.map((c) => {
      const line = this.t("staff-queue-line", {
        minutes: Math.round((now - c.waitingSince) / 60_000),
        status: this.t(`staff-status-${c.status}`),
        title: escapeHtml(this.title(c)),
      });
      const group = where?.(c);
      return group === undefined ? line : `${line} · 📍 ${escapeHtml(group)}`;
    });
    return lines.join("\n");
  }

  /** "#42 has waited 3 min" in the General topic. */
  raised(c: Case, now: number): string {
    return this.t("staff-raised", { icon: RISK_ICON[c.risk], id: c.id, minutes: Math.round((now - c.waitingSince) / 60_000) });
  }

  riskRaised(c: Case, risk: Risk): string {
    return this.t("staff-risk-raised", { id: c.id, risk: this.t(`staff-risk-${risk}`) });
  }

  resolved(c: Case, outcome: Outcome): string {
    return this.t("staff-resolved", { id: c.id, outcome: this.t(`staff-outcome-${outcome}`) });
  }

  /** The dialogue's last word, in place of its buttons: resolved (with what was chosen), or why not. */
  resolveEnded(c: CaseRef, name: string, ended: ResolveEnd): string {
    if (ended.kind !== "done") return this.t(`staff-resolve-${ended.kind}`, { id: c.id });
    const note = ended.noted ? this.t("staff-resolve-noted") : "";
    return this.t("staff-resolve-done", { id: c.id, name: escapeHtml(name), outcome: this.t(`staff-outcome-${ended.outcome}`), category: this.category(ended.category), note });
  }
}

/**
 * A text to the user of a case, in their language and worded for their role (a child
 * informally), since it reaches them outside their own update.
 */
export function userText(i18n: Texts, c: Pick<Case, "lang" | "role">): (key: string) => string {
  const vars = { role: readerRole(c.role) };
  return (key) => i18n.t(c.lang, key, vars);
}

/** To the user when their case is resolved: the rating, and the offer of a check-in if it fits. */
export function resolutionMessage(i18n: Texts, c: Case, offerCheckIn: boolean): { text: string; buttons: Buttons } {
  const t = userText(i18n, c);
  const buttons: Buttons = [[1, 2, 3, 4, 5].map((n) => [`${n} ⭐`, CASE_CB.rate(c.id, n)] as [string, string])];
  if (offerCheckIn) buttons.push([[t("case-checkin-button"), CASE_CB.checkIn(c.id)]]);
  return { text: t("case-resolved-user"), buttons };
}

/**
 * To a user whose case waits past its limit, true for the hour: on duty all operators are
 * busy; off duty nobody is there until they are back. With the numbers that answer now.
 */
export function stillWaitingMessage(i18n: Texts) {
  return (c: Pick<Case, "lang" | "role">, duty: Duty): string => {
    const role = readerRole(c.role);
    const lead = duty.onDuty
      ? i18n.t(c.lang, "case-still-waiting", { role })
      : i18n.t(c.lang, "case-still-waiting-off-duty", { role, opens: duty.opensAt ? openingTime((key) => i18n.t(c.lang, key), duty.opensAt) : "—" });
    return `${lead}\n\n${i18n.t(c.lang, "emergency-numbers", { role })}`;
  };
}

/** "Monday 09:00" in the user's language (Kazakhstan time). */
export function openingTime(t: (key: string) => string, at: Date): string {
  const clock = kzClock(at);
  return `${t(`dir-day-${clock.day}`)} ${clock.time}`;
}

/** The check-in a user asked for: how are you, with "I'm okay" and "Talk to a person". */
export function checkInMessage(i18n: Texts) {
  return (c: Pick<Case, "id" | "lang" | "role">): { text: string; buttons: Buttons } => {
    const t = userText(i18n, c);
    return {
      text: t("case-checkin-message"),
      buttons: [[[t("case-checkin-ok"), CASE_CB.checkInOk(c.id)]], [[t("menu-person"), MENU_CB.person]]],
    };
  };
}
