/**
 * Editing the whole directory from one spreadsheet, as supervisors do in the staff group: the
 * CSV (as `export` writes it) is read and checked row by row, then as a whole against the
 * regions, and compared with the directory in use: added, removed and changed entries. Pure:
 * the bot and the CLI share it; nothing here stores or sends anything.
 */
import { CSV_COLUMNS, rowsToServices, serviceToRow, writeCsv, type ImportedRow, type RowIssue } from "./csv.js";
import { serviceReferenceIssues } from "./load.js";
import { z } from "zod";
import { SERVICE_FIELD_ORDER, ServiceSchema, type Region, type Service } from "./schema.js";

/** A service and the data file it is kept in (the CSV's `file` column), so a round trip keeps files. */
export interface DirectoryEntry {
  file: string;
  service: Service;
}

/** A stored entry, read back from Redis. */
export const DirectoryEntrySchema: z.ZodType<DirectoryEntry> = z.object({ file: z.string(), service: ServiceSchema });

/** Adds to `issues` what reaches beyond one row: region codes exist, an id is used once. */
export function rowReferenceIssues(
  rows: readonly ImportedRow[],
  regions: readonly Region[],
  issues: RowIssue[],
  seen: Map<string, string> = new Map(),
): void {
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  for (const row of rows) {
    for (const problem of serviceReferenceIssues(row.service, regionByCode, seen)) {
      issues.push({ line: row.line, id: row.service.id, column: problem.field.split(/[.[]/)[0] ?? problem.field, message: problem.message });
    }
    seen.set(row.service.id, `line ${row.line}`);
  }
}

/** One line per problem, naming the line of the file, the entry and the column. */
export function formatRowIssue(issue: RowIssue): string {
  return `line ${issue.line}${issue.id ? ` (id "${issue.id}")` : ""}: ${issue.column}: ${issue.message}`;
}

/** What an upload changes in data kept by id (the directory's entries, the saved replies). */
export interface RecordDiff {
  added: string[];
  removed: string[];
  /** Changed records and which of their fields changed. */
  changed: Array<{ id: string; fields: string[] }>;
}

export function diffSize(diff: RecordDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length;
}

/** What replacing `before` with `after` changes, record by record; `fields` names what differs in one. */
export function diffRecords<T>(before: readonly T[], after: readonly T[], idOf: (record: T) => string, fields: (was: T, now: T) => string[]): RecordDiff {
  const old = new Map(before.map((e) => [idOf(e), e]));
  const next = new Map(after.map((e) => [idOf(e), e]));
  const diff: RecordDiff = { added: [], removed: [], changed: [] };
  for (const [id, entry] of next) {
    const was = old.get(id);
    if (!was) {
      diff.added.push(id);
      continue;
    }
    const changed = fields(was, entry);
    if (changed.length > 0) diff.changed.push({ id, fields: changed });
  }
  for (const id of old.keys()) if (!next.has(id)) diff.removed.push(id);
  return diff;
}

/** What replacing `before` with `after` changes, entry by entry (a moved file counts as a change). */
export function diffEntries(before: readonly DirectoryEntry[], after: readonly DirectoryEntry[]): RecordDiff {
  return diffRecords(before, after, (e) => e.service.id, (was, entry) => {
    const fields: string[] = SERVICE_FIELD_ORDER.filter((f) => JSON.stringify(was.service[f]) !== JSON.stringify(entry.service[f]));
    if (was.file !== entry.file) fields.push("file");
    return fields;
  });
}

/** A checked upload: every problem by line and column, or the new records and what they change. */
export type UploadPlan<T> = { ok: false; issues: RowIssue[] } | { ok: true; entries: T[]; diff: RecordDiff };

/**
 * Checks a whole directory sent as CSV: every row against the schema, ids and regions across
 * rows, no check dated after `today` (YYYY-MM-DD in Kazakhstan). Any problem refuses the whole file (a bad file changes nothing), with every problem
 * named by line and column; otherwise the new entries and what they change.
 */
export function planUpload(csv: string, current: readonly DirectoryEntry[], regions: readonly Region[], today: string): UploadPlan<DirectoryEntry> {
  const { rows, issues } = rowsToServices(csv);
  rowReferenceIssues(rows, regions, issues);
  for (const { line, service } of rows) {
    if (service.verified_on !== undefined && service.verified_on > today) {
      issues.push({ line, id: service.id, column: "verified_on", message: `${service.verified_on} is in the future (today is ${today} in Kazakhstan)` });
    }
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ line: 1, column: "(file)", message: "has a header but no services" });
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
  const entries = rows.map((row) => ({ file: row.file || "imported.json", service: row.service }));
  return { ok: true, entries, diff: diffEntries(current, entries) };
}

/** The directory as the CSV `export` writes (with a BOM, so spreadsheets read Kazakh and Russian). */
export function entriesToCsv(entries: readonly DirectoryEntry[]): string {
  return writeCsv([[...CSV_COLUMNS], ...entries.map((e) => serviceToRow(e.service, e.file))], { bom: true });
}
