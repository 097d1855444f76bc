/**
 * Opening hours in Kazakhstan time. The whole country has been on one zone, UTC+5, since
 * 1 March 2024 and has no daylight saving, so a fixed offset is exact: no time-zone database.
 */
import { KZ_UTC_OFFSET_MINUTES } from "../domain.js";
import { DAYS, HoursSchema, type Day, type Hours, type WeeklyInterval } from "./schema.js";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEK_MS = 7 * DAY_MS;
const OFFSET_MS = KZ_UTC_OFFSET_MINUTES * MINUTE_MS;

export interface KzClock {
  day: Day;
  time: string;
  /** Calendar date in Kazakhstan, YYYY-MM-DD. */
  date: string;
}

/** Kazakhstan wall clock at an instant (for "opens Monday at 09:00"). */
export function kzClock(at: Date): KzClock {
  const local = new Date(at.getTime() + OFFSET_MS);
  const iso = local.toISOString();
  return { day: DAYS[(local.getUTCDay() + 6) % 7] as Day, time: iso.slice(11, 16), date: iso.slice(0, 10) };
}

/** Milliseconds since Monday 00:00 Kazakhstan time. */
function weekOffset(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  const dayIndex = (new Date(local).getUTCDay() + 6) % 7;
  return dayIndex * DAY_MS + (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Each opening as [start, end) in ms since Monday 00:00; `end` may pass the end of the week. */
function openings(weekly: readonly WeeklyInterval[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const interval of weekly) {
    const open = minutesOf(interval.open) * MINUTE_MS;
    let close = minutesOf(interval.close) * MINUTE_MS;
    if (close <= open) close += DAY_MS; // closes after midnight
    for (const day of interval.days) {
      const base = DAYS.indexOf(day) * DAY_MS;
      out.push([base + open, base + close]);
    }
  }
  return out;
}

export interface OpenStatus {
  /** Whether someone answers at this moment; "unknown" when the hours are not known. */
  openNow: boolean | "unknown";
  /** When closed: the next opening. */
  opensAt?: Date;
}

/** Is the service open at `now`, and if it is closed, when does it open next? */
export function openStatus(hours: Hours, now: Date): OpenStatus {
  if (hours === "24/7") return { openNow: true };
  if (hours === "unknown") return { openNow: "unknown" };
  const at = weekOffset(now);
  let soonest = Infinity;
  for (const [start, end] of openings(hours.weekly)) {
    // `at + WEEK_MS` catches a Sunday-night opening that runs into Monday.
    if ((at >= start && at < end) || (at + WEEK_MS >= start && at + WEEK_MS < end)) return { openNow: true };
    soonest = Math.min(soonest, (((start - at) % WEEK_MS) + WEEK_MS) % WEEK_MS);
  }
  return { openNow: false, opensAt: new Date(now.getTime() + soonest) };
}

/**
 * The compact text form of hours used in the CSV: "24/7", "unknown", or intervals separated
 * by ";" such as "mon-fri 09:00-18:00; sat 10:00-14:00". Days are ranges ("mon-fri") or
 * lists ("mon,wed").
 */
export function formatHoursSpec(hours: Hours): string {
  if (typeof hours === "string") return hours;
  return hours.weekly.map((i) => `${formatDays(i.days)} ${i.open}-${i.close}`).join("; ");
}

/** Runs of consecutive days (shared by the CSV form and the card): ["mon","tue","wed","fri"] → [["mon","wed"],["fri","fri"]]. */
export function dayRuns(days: readonly Day[]): Array<[Day, Day]> {
  const runs: Array<[Day, Day]> = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && DAYS.indexOf(day) === DAYS.indexOf(last[1]) + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function formatDays(days: readonly Day[]): string {
  return dayRuns(days)
    .map(([from, to]) => (from === to ? from : `${from}-${to}`))
    .join(",");
}

/** Parses the compact form written by formatHoursSpec; throws an Error saying what is wrong. */
export function parseHoursSpec(text: string): Hours {
  const trimmed = text.trim();
  if (trimmed === "24/7" || trimmed === "unknown") return trimmed;
  const weekly = trimmed.split(";").map((part) => {
    const match = /^([a-z,-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part.trim().toLowerCase());
    if (!match) throw new Error(`"${part.trim()}" is not like "mon-fri 09:00-18:00"`);
    const [, daySpec = "", open = "", close = ""] = match;
    return { days: parseDays(daySpec), open, close };
  });
  const parsed = HoursSchema.safeParse({ weekly });
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid hours");
  return parsed.data;
}

function parseDays(spec: string): Day[] {
  const days: Day[] = [];
  for (const piece of spec.split(",")) {
    const [from, to = from] = piece.split("-");
    const start = DAYS.indexOf(from as Day);
    const end = DAYS.indexOf(to as Day);
    if (start < 0 || end < 0 || end < start) throw new Error(`"${piece}" is not a day or a range of days (mon … sun)`);
    for (let i = start; i <= end; i++) days.push(DAYS[i] as Day);
  }
  return days;
}
