/**
 * Figures for the people who run the service: anonymous daily counts of what happened to
 * cases (opened by region, topic, risk, language, role and how; minutes to claim, to the
 * first operator reply and to resolution, by risk; outcomes, ratings, check-ins) and of
 * poster campaigns. A day's figures are one set of named counters, kept long after the cases
 * expire: a counter's name is built from a fixed vocabulary (a risk, a region code, a number
 * of minutes), never from an id or from what anyone wrote. Pure: the storage adds to the
 * counters (storage/stats.ts), the desk shows the summary (/report, /export).
 */
import { type Risk, RISKS } from "../domain.js";
import { kzClock } from "../directory/hours.js";
import type { Case, Resolution } from "./types.js";
import { parseCategory } from "./categories.js";
import { type Metrics, noMetrics } from "../metrics.js";

/** How a case began: a crisis reply's "now" or a graded message, during a flow, the menu (or the buttons under an answer), a reopening, an answered check-in. */
export const OPENED_VIA = ["crisis", "flow", "menu", "reopened", "checkin"] as const;
export type OpenedVia = (typeof OPENED_VIA)[number];

export const CHECKIN_EVENTS = ["offered", "accepted", "sent", "answered"] as const;
export type CheckInEvent = (typeof CHECKIN_EVENTS)[number];

/** The waits measured, each from when the case began waiting (opened or reopened). */
export const WAITS = ["claim", "reply", "resolve"] as const;
export type Wait = (typeof WAITS)[number];

/** A campaign's count is shown only from this many users, so that no school can single out a child. */
export const CAMPAIGN_MIN = 10;

/** One day's counters: counter name → count. */
export type DayCounts = Readonly<Record<string, number>>;

/** Where the counters live (storage/stats.ts keeps them in Redis, one hash per Kazakhstan day). */
export interface FigureStore {
  /** Adds to the day's counters. */
  count(day: string, counters: Readonly<Record<string, number>>): Promise<void>;
  /** Adds 1 to each counter of the day, only the first time it is asked for this case (the first operator reply). */
  countFirst(day: string, caseId: number, counters: readonly string[]): Promise<void>;
  /** The counters of each day asked for (an empty object for a day with none). */
  days(days: readonly string[]): Promise<DayCounts[]>;
}

/** The Kazakhstan date of a moment, "2026-03-02": a day's figures are the Kazakhstan day's. */
export function kzDay(at: number): string {
  return kzClock(new Date(at)).date;
}

const minutes = (from: number, to: number) => Math.max(0, Math.floor((to - from) / 60_000));

/**
 * The case events, as counters. They are gathered in this process and written together by
 * `flush` (the desk's outbox timer, every 2 s, in the same Redis round trip as its own work;
 * and before a report), so counting adds no Redis round trip to an operator's or a user's
 * update. A process that dies loses the counts of its last seconds, never a case.
 */
export class CaseFigures {
  private pending = new Map<string, Map<string, number>>();
  private firsts: Array<{ day: string; caseId: number; counters: string[] }> = [];

  constructor(
    private readonly store: FigureStore,
    /** The waits also go to Prometheus (per process, at once). */
    private readonly metrics: Metrics = noMetrics,
  ) {}

  private add(at: number, counters: readonly string[]): void {
    for (const c of counters) this.gather(kzDay(at), c, 1);
  }

  private gather(day: string, counter: string, n: number): void {
    const counts = this.pending.get(day) ?? new Map<string, number>();
    counts.set(counter, (counts.get(counter) ?? 0) + n);
    this.pending.set(day, counts);
  }

  /** Writes what was gathered; what fails to be written is gathered again for the next flush. */
  async flush(): Promise<void> {
    const pending = this.pending;
    const firsts = this.firsts;
    if (pending.size === 0 && firsts.length === 0) return;
    this.pending = new Map();
    this.firsts = [];
    const writes = [
      ...[...pending].map(([day, counts]) =>
        this.store.count(day, Object.fromEntries(counts)).catch((err: unknown) => {
          for (const [c, n] of counts) this.gather(day, c, n);
          throw err;
        }),
      ),
      ...firsts.map((f) =>
        this.store.countFirst(f.day, f.caseId, f.counters).catch((err: unknown) => {
          this.firsts.push(f);
          throw err;
        }),
      ),
    ];
    const failed = (await Promise.allSettled(writes)).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** The figures of these days, with this process's latest counts written first. */
  async report(days: readonly string[]): Promise<Figures> {
    await this.flush();
    return summarize(days, await this.store.days(days));
  }

  opened(c: Pick<Case, "region" | "topic" | "risk" | "lang" | "role">, via: OpenedVia, at: number): void {
    this.add(at, [
      "opened",
      `opened.risk.${c.risk}`,
      `opened.region.${c.region ?? "-"}`,
      `opened.topic.${c.topic ?? "-"}`,
      `opened.lang.${c.lang}`,
      `opened.role.${c.role ?? "-"}`,
      `opened.via.${via}`,
    ]);
  }

  claimed(c: Pick<Case, "risk" | "waitingSince">, at: number): void {
    this.metrics.caseWaited("claim", c.risk, Math.max(0, (at - c.waitingSince) / 1000));
    this.add(at, [waitCounter("claim", c.risk, minutes(c.waitingSince, at))]);
  }

  /** Counted once per case (whichever process sees it first): its first operator reply. */
  replied(c: Pick<Case, "id" | "risk" | "waitingSince">, at: number): void {
    this.metrics.caseWaited("first_reply", c.risk, Math.max(0, (at - c.waitingSince) / 1000));
    this.firsts.push({ day: kzDay(at), caseId: c.id, counters: [waitCounter("reply", c.risk, minutes(c.waitingSince, at))] });
  }

  /** A resolved case: its wait, outcome and topic, and its category at both levels (`reason.<top>`, `subreason.<top>.<sub>`). */
  resolved(c: Pick<Case, "risk" | "waitingSince" | "topic">, resolution: Pick<Resolution, "outcome" | "category">, at: number): void {
    const category = parseCategory(resolution.category);
    this.add(at, [
      waitCounter("resolve", c.risk, minutes(c.waitingSince, at)),
      `outcome.${resolution.outcome}`,
      `category.${c.topic ?? "-"}`,
      ...(category ? [`reason.${category.top}`, `subreason.${category.code}`] : []),
    ]);
  }

  rated(stars: number, at: number): void {
    this.add(at, [`rating.${Math.min(5, Math.max(1, Math.round(stars)))}`]);
  }

  checkIn(event: CheckInEvent, at: number): void {
    this.add(at, [`checkin.${event}`]);
  }
}

function waitCounter(wait: Wait, risk: Risk, min: number): string {
  return `wait.${wait}.${risk}.${min}`;
}

/** Counted items by name, largest first. */
export type Tally = Array<[name: string, count: number]>;

/** Median and 90th percentile in minutes (the smallest m with at least that share at or below it). */
export interface WaitFigures {
  count: number;
  median: number;
  p90: number;
}

export interface Figures {
  from: string;
  to: string;
  opened: number;
  byRisk: Tally;
  byVia: Tally;
  byRegion: Tally;
  byTopic: Tally;
  byLang: Tally;
  byRole: Tally;
  /** Waits by risk (only risks with at least one). */
  waits: Partial<Record<Risk, Partial<Record<Wait, WaitFigures>>>>;
  outcomes: Tally;
  /** The flow topics of resolved cases (the counters are named `category.` for the data already stored). */
  categories: Tally;
  /** What resolved cases were about, as the operator categorised them (cases/categories.ts): the top level, and both levels ("violence.physical"). */
  reasons: Tally;
  reasonDetails: Tally;
  ratings: Tally;
  ratingAverage?: number;
  checkIns: Record<CheckInEvent, number>;
  /** Campaign tags with at least CAMPAIGN_MIN users; the rest only as how many tags were hidden. */
  campaigns: Tally;
  campaignsHidden: number;
}

/** The period a /report asks for: today, the last 7 or the last 30 Kazakhstan days. */
export const PERIODS = { today: 1, week: 7, month: 30 } as const;
export type Period = keyof typeof PERIODS;

/** The Kazakhstan days of the last `n` days up to `now`, oldest first. */
export function lastDays(n: number, now: number): string[] {
  return Array.from({ length: n }, (_, i) => kzDay(now - (n - 1 - i) * 86_400_000));
}

/** The days of a calendar month "2026-03" (up to `now` if it is this month); undefined for a bad month. */
export function monthDays(month: string, now: number): string[] | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return undefined;
  const today = kzDay(now);
  const count = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  const days = Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
  return days.filter((d) => d <= today);
}

/** Adds days' counters together and reads them as figures. */
export function summarize(days: readonly string[], counts: readonly DayCounts[]): Figures {
  const total = new Map<string, number>();
  for (const day of counts) for (const [name, n] of Object.entries(day)) total.set(name, (total.get(name) ?? 0) + n);
  const group = (prefix: string): Tally =>
    [...total]
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, n]): [string, number] => [name.slice(prefix.length), n])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const waits: Figures["waits"] = {};
  for (const risk of RISKS) {
    for (const wait of WAITS) {
      const histogram = group(`wait.${wait}.${risk}.`).map(([m, n]): [number, number] => [Number(m), n]);
      if (histogram.length === 0) continue;
      (waits[risk] ??= {})[wait] = quantiles(histogram);
    }
  }
  const ratings = group("rating.");
  const rated = ratings.reduce((s, [, n]) => s + n, 0);
  const campaigns = group("campaign.");
  return {
    from: days[0] ?? "",
    to: days.at(-1) ?? "",
    opened: total.get("opened") ?? 0,
    byRisk: group("opened.risk."),
    byVia: group("opened.via."),
    byRegion: group("opened.region."),
    byTopic: group("opened.topic."),
    byLang: group("opened.lang."),
    byRole: group("opened.role."),
    waits,
    outcomes: group("outcome."),
    categories: group("category."),
    reasons: group("reason."),
    reasonDetails: group("subreason."),
    ratings: ratings.sort((a, b) => Number(b[0]) - Number(a[0])),
    ratingAverage: rated > 0 ? Math.round((ratings.reduce((s, [stars, n]) => s + Number(stars) * n, 0) / rated) * 10) / 10 : undefined,
    checkIns: Object.fromEntries(CHECKIN_EVENTS.map((e) => [e, total.get(`checkin.${e}`) ?? 0])) as Record<CheckInEvent, number>,
    campaigns: campaigns.filter(([, n]) => n >= CAMPAIGN_MIN),
    campaignsHidden: campaigns.filter(([, n]) => n < CAMPAIGN_MIN).length,
  };
}

/** Median and 90th percentile of a histogram of whole minutes. */
export function quantiles(histogram: ReadonlyArray<[minutes: number, count: number]>): WaitFigures {
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((s, [, n]) => s + n, 0);
  const at = (share: number) => {
    const rank = Math.ceil(share * count);
    let seen = 0;
    for (const [m, n] of sorted) {
      seen += n;
      if (seen >= rank) return m;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  return { count, median: at(0.5), p90: at(0.9) };
}

/** The figures as CSV rows (section, name, value): the same as /report, for a spreadsheet. */
export function figuresCsv(f: Figures): string {
  const rows: Array<[string, string, string | number]> = [
    ["period", "from", f.from],
    ["period", "to", f.to],
    ["opened", "total", f.opened],
  ];
  const tally = (section: string, t: Tally) => t.forEach(([name, n]) => rows.push([section, name, n]));
  tally("opened_by_risk", f.byRisk);
  tally("opened_by_how", f.byVia);
  tally("opened_by_region", f.byRegion);
  tally("opened_by_topic", f.byTopic);
  tally("opened_by_language", f.byLang);
  tally("opened_by_role", f.byRole);
  for (const risk of [...RISKS].reverse()) {
    for (const wait of WAITS) {
      const w = f.waits[risk]?.[wait];
      if (!w) continue;
      rows.push([`minutes_to_${wait}`, `${risk}_count`, w.count], [`minutes_to_${wait}`, `${risk}_median`, w.median], [`minutes_to_${wait}`, `${risk}_p90`, w.p90]);
    }
  }
  tally("outcome", f.outcomes);
  tally("category", f.categories);
  tally("reason", f.reasons);
  tally("reason_detail", f.reasonDetails);
  tally("rating", f.ratings);
  if (f.ratingAverage !== undefined) rows.push(["rating", "average", f.ratingAverage]);
  for (const e of CHECKIN_EVENTS) rows.push(["checkin", e, f.checkIns[e]]);
  tally("campaign", f.campaigns);
  rows.push(["campaign", `hidden_under_${CAMPAIGN_MIN}`, f.campaignsHidden]);
  return ["section,name,value", ...rows.map((r) => r.map(csvCell).join(","))].join("\n") + "\n";
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
