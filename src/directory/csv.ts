/**
 * The spreadsheet round trip for directory editors: a small RFC 4180 CSV reader and writer
 * (quotes, commas and newlines inside quoted fields, CRLF or LF, a UTF-8 BOM), and the
 * mapping between a service and one CSV row.
 *
 * Columns (CSV_COLUMNS, in this order; import matches them by header name):
 *   id, file, kind, name_kk, name_ru, name_en, description_kk, description_ru, description_en,
 *   coverage, audience, topics, phones, url, email, address_kk, address_ru, address_en, lat, lon,
 *   hours, free, anonymous, contacts_verified, route_kk, route_ru, route_en,
 *   notes_kk, notes_ru, notes_en, priority, sources, verified_on
 * Lists (audience, topics, phones, sources) are joined with "|"; a source is its full address,
 * then its date if known, then its title: "https://… 2025-11-06 Title of the page". coverage is "national",
 * "regions:abai|akmola" or "city:astana". hours is "24/7", "unknown" or
 * "mon-fri 09:00-18:00; sat 10:00-14:00" (Kazakhstan time). free and anonymous are
 * true/false/unknown. verified_on stays empty unless someone checked the contacts. An empty
 * cell is an absent optional field. `file` names the file under
 * data/services the row lives in: `import --replace` writes each row back there (empty:
 * imported.json), `import --out` puts every row in one file.
 */
import { LANGS } from "../domain.js";
import { formatHoursSpec, parseHoursSpec } from "./hours.js";
import { fieldPath } from "./load.js";
import { ServiceSchema, SOURCE_DATE_PATTERN, type Coverage, type Service, type Source } from "./schema.js";

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/** One record and the line of the file it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Parses CSV text; blank lines are skipped. Throws CsvSyntaxError naming the line. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    atFieldStart = true;
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && atFieldStart) {
      // A quoted field runs to the next lone quote, commas and line breaks included.
      const startLine = line;
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvSyntaxError(startLine, "a quoted field is not closed");
        const c = src[i] as string;
        i++;
        if (c === '"') {
          if (src[i] !== '"') break;
          i++;
        } else if (c === "\n" || (c === "\r" && src[i] !== "\n")) {
          line++;
        }
        field += c;
      }
      const next = src[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        throw new CsvSyntaxError(line, 'unexpected text after a closing quote (write a quote inside quotes as "")');
      }
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (ch === "\n" || ch === "\r") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else if (ch === '"') {
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and write "" for a quote)');
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || fields.length > 0) endRecord();
  return records;
}

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows as CSV with CRLF line ends; `bom` helps spreadsheets read UTF-8 (Kazakh, Russian). */
export function writeCsv(rows: ReadonlyArray<readonly string[]>, options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(quote).join(",")).join("\r\n");
  return (options.bom ? "\uFEFF" : "") + body + (rows.length > 0 ? "\r\n" : "");
}

// ---------------------------------------------------------------------------------------
// Services as rows

const LOCALIZED = ["name", "description", "address", "route", "notes"] as const;
type LocalizedField = (typeof LOCALIZED)[number];
const langColumns = (field: LocalizedField) => LANGS.map((lang) => `${field}_${lang}`);

export const CSV_COLUMNS = [
  "id",
  "file",
  "kind",
  ...langColumns("name"),
  ...langColumns("description"),
  "coverage",
  "audience",
  "topics",
  "phones",
  "url",
  "email",
  ...langColumns("address"),
  "lat",
  "lon",
  "hours",
  "free",
  "anonymous",
  "contacts_verified",
  ...langColumns("route"),
  ...langColumns("notes"),
  "priority",
  "sources",
  "verified_on",
] as const;

/** Columns that may be empty: every other one must be filled in. */
const OPTIONAL_COLUMNS = new Set<string>([
  "file",
  "phones",
  "url",
  "email",
  "lat",
  "lon",
  "priority",
  "verified_on",
  ...langColumns("address"),
  ...langColumns("route"),
  ...langColumns("notes"),
]);
const REQUIRED_COLUMNS = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

/** Full numbers are written grouped (+7 717 212 34 56) so spreadsheets keep them as text. */
function formatPhone(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** "https://… 2025-11-06 Title": the address, the date if known, the title if known. */
export function formatSource(source: Source): string {
  return [source.url, source.date, source.title].filter((part) => part !== undefined).join(" ");
}

/** The inverse of formatSource: the first word is the address, a date may follow, the rest is the title. */
export function parseSource(cell: string): Record<string, string> {
  const [url = "", ...rest] = cell.trim().split(/\s+/);
  const out: Record<string, string> = { url };
  if (rest[0] !== undefined && SOURCE_DATE_PATTERN.test(rest[0])) out.date = rest.shift() as string;
  if (rest.length > 0) out.title = rest.join(" ");
  return out;
}

function formatCoverage(coverage: Coverage): string {
  if (coverage.national) return "national";
  if (coverage.city !== undefined) return `city:${coverage.city}`;
  return `regions:${(coverage.regions ?? []).join("|")}`;
}

/** One service as a row in CSV_COLUMNS order. */
export function serviceToRow(service: Service, file = ""): string[] {
  const cells: Record<string, string> = {
    id: service.id,
    file,
    kind: service.kind,
    coverage: formatCoverage(service.coverage),
    audience: service.audience.join("|"),
    topics: service.topics.join("|"),
    phones: (service.phones ?? []).map(formatPhone).join("|"),
    url: service.url ?? "",
    email: service.email ?? "",
    lat: service.coordinates ? String(service.coordinates.lat) : "",
    lon: service.coordinates ? String(service.coordinates.lon) : "",
    hours: formatHoursSpec(service.hours),
    free: String(service.free),
    anonymous: String(service.anonymous),
    contacts_verified: String(service.contacts_verified),
    priority: service.priority === undefined ? "" : String(service.priority),
    sources: service.sources.map(formatSource).join("|"),
    verified_on: service.verified_on ?? "",
  };
  for (const field of LOCALIZED) {
    for (const lang of LANGS) cells[`${field}_${lang}`] = service[field]?.[lang] ?? "";
  }
  return CSV_COLUMNS.map((column) => cells[column] ?? "");
}

/** A problem in one CSV row, named by its line in the file and its column. */
export interface RowIssue {
  line: number;
  column: string;
  message: string;
  id?: string;
}

export interface ImportedRow {
  line: number;
  /** The `file` cell: the services file it goes to (empty when not given). */
  file: string;
  service: Service;
}

const FILE_CELL = /^[a-z0-9][a-z0-9._-]*\.json$/;

/**
 * Reads rows of services from CSV text. Every row is checked against the schema; problems
 * come back per row and column, the rows that passed come back too (the caller writes nothing
 * unless there are no problems at all).
 */
export function rowsToServices(text: string): { rows: ImportedRow[]; issues: RowIssue[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], issues: [{ line: error.line, column: "(row)", message: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ line: 1, column: "(header)", message: "the file is empty" }] };
  const names = header.fields.map((f) => f.trim());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (missing.length || unknown.length || repeated.length) {
    const parts = [
      missing.length ? `missing columns: ${missing.join(", ")}` : "",
      unknown.length ? `unknown columns: ${unknown.join(", ")}` : "",
      repeated.length ? `repeated columns: ${repeated.join(", ")}` : "",
    ].filter(Boolean);
    return { rows: [], issues: [{ line: header.line, column: "(header)", message: parts.join("; ") }] };
  }

  const rows: ImportedRow[] = [];
  const issues: RowIssue[] = [];
  for (const record of body) {
    const cells: Record<string, string> = {};
    names.forEach((name, i) => (cells[name] = (record.fields[i] ?? "").trim()));
    const id = cells.id || undefined;
    const rowIssues: RowIssue[] = [];
    const add = (column: string, message: string) =>
      rowIssues.push({ line: record.line, column, message, ...(id ? { id } : {}) });
    if (record.fields.length !== names.length) {
      add("(row)", `has ${record.fields.length} cells, the header has ${names.length}`);
    }
    for (const column of REQUIRED_COLUMNS) if (!cells[column]) add(column, "must not be empty");
    if (cells.file && !FILE_CELL.test(cells.file)) add("file", 'must be a file name such as "national.json"');

    const raw = rowToRawService(cells, add);
    if (rowIssues.length === 0) {
      const parsed = ServiceSchema.safeParse(raw);
      if (parsed.success) rows.push({ line: record.line, file: cells.file ?? "", service: parsed.data });
      else for (const issue of parsed.error.issues) add(columnOf(issue.path), issue.message);
    }
    issues.push(...rowIssues);
  }
  return { rows, issues };
}

/** The CSV column a schema path comes from: name.kk → name_kk, phones[1] → phones. */
export function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if ((LOCALIZED as readonly unknown[]).includes(first) && typeof second === "string") return `${String(first)}_${second}`;
  if (first === "coordinates" && (second === "lat" || second === "lon")) return second;
  return typeof first === "string" ? first : fieldPath(path);
}

function rowToRawService(cells: Record<string, string>, add: (column: string, message: string) => void): unknown {
  const list = (column: string) => (cells[column] ? (cells[column] as string).split("|").map((s) => s.trim()) : undefined);
  const out: Record<string, unknown> = { id: cells.id, kind: cells.kind };
  for (const field of LOCALIZED) {
    const texts = LANGS.map((lang) => cells[`${field}_${lang}`] ?? "");
    if (texts.some((t) => t !== "")) out[field] = Object.fromEntries(LANGS.map((lang, i) => [lang, texts[i]]));
  }

  const coverage = cells.coverage ?? "";
  if (coverage === "national") out.coverage = { national: true };
  else if (coverage.startsWith("regions:")) out.coverage = { regions: coverage.slice(8).split("|").map((s) => s.trim()) };
  else if (coverage.startsWith("city:")) out.coverage = { city: coverage.slice(5).trim() };
  else if (coverage) add("coverage", 'must be "national", "regions:code|code" or "city:code"');

  out.audience = list("audience");
  out.topics = list("topics");
  // Editors may type +7 (717) 212-34-56; the data keeps +77172123456.
  out.phones = list("phones")?.map((p) => p.replace(/[\s()-]/g, ""));
  if (cells.url) out.url = cells.url;
  if (cells.email) out.email = cells.email;

  if (cells.lat || cells.lon) {
    const lat = Number(cells.lat);
    const lon = Number(cells.lon);
    if (!cells.lat || !Number.isFinite(lat)) add("lat", "must be a number (with lon)");
    else if (!cells.lon || !Number.isFinite(lon)) add("lon", "must be a number (with lat)");
    else out.coordinates = { lat, lon };
  }

  if (cells.hours) {
    try {
      out.hours = parseHoursSpec(cells.hours);
    } catch (error) {
      add("hours", `${(error as Error).message} (use "24/7", "unknown" or e.g. "mon-fri 09:00-18:00; sat 10:00-14:00")`);
    }
  }
  for (const column of ["free", "anonymous"] as const) {
    const value = cells[column]?.toLowerCase();
    if (value === "true" || value === "false") out[column] = value === "true";
    else if (value === "unknown") out[column] = "unknown";
    else if (value) add(column, "must be true, false or unknown");
  }
  const verified = cells.contacts_verified?.toLowerCase();
  if (verified === "true" || verified === "false") out.contacts_verified = verified === "true";
  else if (verified) add("contacts_verified", "must be true or false");

  if (cells.priority) out.priority = Number(cells.priority);
  out.sources = list("sources")?.map(parseSource);
  if (cells.verified_on) out.verified_on = cells.verified_on;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}
