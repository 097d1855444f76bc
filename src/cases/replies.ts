/**
 * Saved replies: the texts an operator sends with a few taps, kept as data (data/replies.csv)
 * that supervisors edit in the staff group, not as code. Each reply has an id, a short label
 * for the staff in each staff language, and its text in kk, ru and en, worded for its reader:
 * a child informally (сен / ты), an adult formally (сіз / вы). Pure: the desk, the editor and
 * the tests share it; nothing here stores or sends anything.
 *
 * Columns (REPLY_COLUMNS; matched by header name): id, label_kk, label_ru, label_en,
 * kk_child, kk_adult, ru_child, ru_adult, en_child, en_adult. A language needs at least one
 * of its two forms; a form left empty uses the other one of its language (for a text that
 * addresses nobody, like the numbers to call).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LANGS, type Lang, type Role } from "../domain.js";
import { CsvSyntaxError, parseCsv, writeCsv, type RowIssue } from "../directory/csv.js";
import { diffRecords, formatRowIssue, type UploadPlan } from "../directory/edit.js";

export const REPLIES_FILE = fileURLToPath(new URL("../../data/replies.csv", import.meta.url));

/** How a reply speaks: to a child (informally) or to an adult (formally). */
export type ReplyForm = "child" | "adult";
const FORMS = ["child", "adult"] as const;

export const REPLY_COLUMNS = ["id", "label_kk", "label_ru", "label_en", "kk_child", "kk_adult", "ru_child", "ru_adult", "en_child", "en_adult"] as const;
type Column = (typeof REPLY_COLUMNS)[number];

/** At most this many replies: they are buttons under a case card (Telegram takes 100 at most). */
export const MAX_REPLIES = 24;
/** One reply's text: several of them still fit in one Telegram message (4096 characters). */
export const MAX_REPLY_TEXT = 1000;

const text = z.string().trim().max(MAX_REPLY_TEXT, `is longer than ${MAX_REPLY_TEXT} characters`);
const forms = z
  .object({ child: text.optional(), adult: text.optional() })
  .refine((f) => Boolean(f.child || f.adult), { message: "has no text: fill the child form, the adult form or both" });

export const SavedReplySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, "must be 1-24 small Latin letters, digits or _, starting with a letter"),
  label: z.object(Object.fromEntries(LANGS.map((l) => [l, z.string().trim().min(1, "is empty").max(40, "is longer than 40 characters")])) as Record<Lang, z.ZodString>),
  text: z.object(Object.fromEntries(LANGS.map((l) => [l, forms])) as Record<Lang, typeof forms>),
});
export type SavedReply = z.infer<typeof SavedReplySchema>;

/**
 * The text of a reply for its reader: their language and form, else the other form of their
 * language, else the same in Russian, Kazakh, English (a stored reply always has every
 * language; this only keeps an old or damaged one from sending nothing).
 */
export function replyText(reply: SavedReply, lang: Lang, role: Role): string {
  const form: ReplyForm = role === "child" ? "child" : "adult";
  const other: ReplyForm = form === "child" ? "adult" : "child";
  for (const l of [lang, "ru", "kk", "en"] as const) {
    const found = reply.text[l]?.[form] || reply.text[l]?.[other];
    if (found) return found;
  }
  return "";
}

/** Several replies as one message, in the order given. */
export function joinReplies(replies: readonly SavedReply[], lang: Lang, role: Role): string {
  return replies.map((r) => replyText(r, lang, role)).join("\n\n");
}

/** The replies in use, replaceable while the bot runs (as the directory is: live.ts). */
export class LiveReplies {
  private snapshot: { version: number; entries: readonly SavedReply[] };

  constructor(entries: readonly SavedReply[]) {
    this.snapshot = { version: 0, entries };
  }

  /** 0 for the file the process started with, then the version stored in Redis. */
  get version(): number {
    return this.snapshot.version;
  }

  get entries(): readonly SavedReply[] {
    return this.snapshot.entries;
  }

  byId(id: string): SavedReply | undefined {
    return this.snapshot.entries.find((r) => r.id === id);
  }

  /** Swaps in a newer version; an older or equal one is ignored. */
  replace(version: number, entries: readonly SavedReply[]): boolean {
    if (version <= this.snapshot.version) return false;
    this.snapshot = { version, entries };
    return true;
  }
}

const cell = (reply: SavedReply, column: Column): string => {
  if (column === "id") return reply.id;
  const [a, b] = column.split("_") as [string, string];
  if (a === "label") return reply.label[b as Lang];
  return reply.text[a as Lang][b as ReplyForm] ?? "";
};

/** The replies as the CSV `/replies export` sends (with a BOM, so spreadsheets read Kazakh and Russian). */
export function repliesToCsv(replies: readonly SavedReply[]): string {
  return writeCsv([[...REPLY_COLUMNS], ...replies.map((r) => REPLY_COLUMNS.map((c) => cell(r, c)))], { bom: true });
}

/** Whether a CSV is saved replies (by its header), not the directory. */
export function looksLikeReplies(csv: string): boolean {
  const header = csv.slice(0, 300).split(/\r?\n/, 1)[0] ?? "";
  return /(^|,)"?(kk_child|kk_adult|label_kk)"?(,|$)/.test(header.replace(/^\uFEFF/, ""));
}

/** The column a zod issue's path names (label.kk → label_kk; text.ru → ru_child and ru_adult). */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, lang, form] = path.map(String);
  if (head === "label") return `label_${lang}`;
  if (head === "text") return form ? `${lang}_${form}` : `${lang}_child/${lang}_adult`;
  return head ?? "(file)";
}

/** Reads and checks the replies CSV: every problem named by line and column. */
export function readRepliesCsv(csv: string): { replies: SavedReply[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  let records;
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { replies: [], issues: [{ line: err.line, column: "(file)", message: err.message.replace(/^line \d+: /, "") }] };
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) return { replies: [], issues: [{ line: 1, column: "(file)", message: "is empty" }] };
  const at = new Map(header.fields.map((name, i) => [name.trim(), i]));
  const missing = REPLY_COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) return { replies: [], issues: [{ line: header.line, column: missing.join(", "), message: "column missing from the header" }] };
  const replies: SavedReply[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const get = (c: Column) => (row.fields[at.get(c)!] ?? "").trim();
    const id = get("id");
    const raw = {
      id,
      label: Object.fromEntries(LANGS.map((l) => [l, get(`label_${l}`)])),
      text: Object.fromEntries(LANGS.map((l) => [l, Object.fromEntries(FORMS.map((f) => [f, get(`${l}_${f}`) || undefined]))])),
    };
    const before = seen.get(id);
    if (before !== undefined) issues.push({ line: row.line, id, column: "id", message: `repeats the id of line ${before}` });
    if (id && before === undefined) seen.set(id, row.line);
    const parsed = SavedReplySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ line: row.line, id: id || undefined, column: columnOf(issue.path), message: issue.message });
      continue;
    }
    replies.push(parsed.data);
  }
  if (replies.length === 0 && issues.length === 0) issues.push({ line: header.line, column: "(file)", message: "has a header but no replies" });
  if (rows.length > MAX_REPLIES) issues.push({ line: header.line, column: "(file)", message: `has ${rows.length} replies; at most ${MAX_REPLIES} fit under a case card` });
  return { replies, issues: issues.sort((a, b) => a.line - b.line) };
}

/** Checks a whole replies file sent as CSV: any problem refuses it; otherwise what it changes. */
export function planRepliesUpload(csv: string, current: readonly SavedReply[]): UploadPlan<SavedReply> {
  const { replies, issues } = readRepliesCsv(csv);
  if (issues.length > 0) return { ok: false, issues };
  const diff = diffRecords(current, replies, (r) => r.id, (a, b) =>
    REPLY_COLUMNS.filter((c) => c !== "id" && cell(a, c) !== cell(b, c)),
  );
  return { ok: true, entries: replies, diff };
}

export class RepliesError extends Error {
  constructor(file: string, issues: readonly RowIssue[]) {
    super(`${file} is not valid:\n${issues.map(formatRowIssue).join("\n")}`);
    this.name = "RepliesError";
  }
}

/** Reads data/replies.csv as version 0 of the replies in use (throws naming line and column). */
export function loadLiveReplies(file: string = REPLIES_FILE): LiveReplies {
  const { replies, issues } = readRepliesCsv(readFileSync(file, "utf8"));
  if (issues.length > 0) throw new RepliesError(file, issues);
  return new LiveReplies(replies);
}
