/**
 * The directory editors' tool: `npm run directory -- <command>`.
 *
 *   check [--max-age-days N]          validate data/ (and data/replies.csv); warn about entries due for a check (N days, 365)
 *   stale [--max-age-days N]          the entries due for a check, by region: the editors' work list
 *   export --csv [FILE]               one row per service (stdout without FILE; FILE gets a BOM for spreadsheets)
 *   import FILE.csv [--out data/services/NAME.json | --replace]
 *                                     validate every row, then write; any bad row → nothing is written
 *   --data DIR                        the data directory (default: data)
 *
 * Exit codes: 0 done (warnings allowed), 1 the data or the file has problems, 2 wrong usage.
 * The functions below take their output streams and clock as arguments, so the tests run
 * them in-process against a temporary copy of data/.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CSV_COLUMNS, rowsToServices, serviceToRow, writeCsv } from "../directory/csv.js";
import { kzClock } from "../directory/hours.js";
import {
  formatIssue,
  parseDirectory,
  readDirectorySync,
  type DirectoryIssue,
  type ParsedDirectory,
  type SourceText,
} from "../directory/load.js";
import { dueReasons, staleByRegion } from "../directory/stale.js";
import { formatRowIssue, rowReferenceIssues } from "../directory/edit.js";
import { readRepliesCsv } from "../cases/replies.js";
import { coverageRegions, orderServiceFields, type Region, type Service } from "../directory/schema.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The clock for "not in the future" and the age of entries. */
  now: Date;
}

const USAGE = `Usage: npm run directory -- <command> [--data DIR]
  check [--max-age-days N]
  stale [--max-age-days N]
  export --csv [FILE]
  import FILE.csv [--out data/services/NAME.json | --replace]`;

const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const FLAGS_WITH_VALUE = new Set(["--max-age-days", "--data", "--out"]);
const FLAGS_WITHOUT_VALUE = new Set(["--csv", "--replace"]);

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (FLAGS_WITH_VALUE.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
    } else if (FLAGS_WITHOUT_VALUE.has(arg)) {
      flags.set(arg, true);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function flagValue(args: Args, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

function allowOnly(args: Args, allowed: readonly string[], maxPositional: number): void {
  for (const name of args.flags.keys()) {
    if (name !== "--data" && !allowed.includes(name)) throw new UsageError(`${name} does not apply to ${args.positional[0]}`);
  }
  if (args.positional.length > maxPositional) throw new UsageError(`unexpected argument ${args.positional[maxPositional]}`);
}

/** Runs one command; returns the exit code instead of exiting. */
export async function runDirectoryCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const out: CliIo = {
    stdout: io.stdout ?? ((text) => process.stdout.write(text)),
    stderr: io.stderr ?? ((text) => process.stderr.write(text)),
    now: io.now ?? new Date(),
  };
  try {
    const args = parseArgs(argv);
    const dataDir = flagValue(args, "--data") ?? "data";
    const [command] = args.positional;
    switch (command) {
      case "check":
      case "stale": {
        allowOnly(args, ["--max-age-days"], 1);
        const raw = flagValue(args, "--max-age-days");
        const maxAgeDays = raw === undefined ? 365 : Number(raw);
        if (!Number.isInteger(maxAgeDays) || maxAgeDays < 0) throw new UsageError("--max-age-days must be a whole number of days");
        return command === "check" ? checkCommand(dataDir, maxAgeDays, out) : staleCommand(dataDir, maxAgeDays, out);
      }
      case "export":
        allowOnly(args, ["--csv"], 2);
        if (args.flags.get("--csv") !== true) throw new UsageError("export needs --csv (the only format)");
        return exportCommand(dataDir, args.positional[1], out);
      case "import": {
        allowOnly(args, ["--out", "--replace"], 2);
        const file = args.positional[1];
        if (!file) throw new UsageError("import needs a CSV file");
        const target = flagValue(args, "--out");
        if (target !== undefined && args.flags.has("--replace")) throw new UsageError("use either --out or --replace");
        return importCommand(dataDir, file, args.flags.has("--replace") ? "replace" : { out: target }, out);
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : "no command given");
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`${error.message}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
      out.stderr(`${(error as Error).message}\n`);
      return EXIT_DATA;
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// check

export interface CheckReport {
  errors: DirectoryIssue[];
  warnings: DirectoryIssue[];
  parsed: ParsedDirectory;
}

/** Everything `check` finds, without printing: schema, references, dates, staleness, coverage. */
export function checkDirectory(dataDir: string, options: { maxAgeDays: number; now: Date }): CheckReport {
  const parsed = readDirectorySync(dataDir);
  const errors = [...parsed.issues];
  const warnings: DirectoryIssue[] = [];
  const today = kzClock(options.now).date;
  for (const { file, services } of parsed.files) {
    for (const service of services) {
      const at = (field: string, message: string): DirectoryIssue => ({ file, field, message, id: service.id });
      if (service.verified_on !== undefined && service.verified_on > today) {
        errors.push(at("verified_on", `${service.verified_on} is in the future (today is ${today} in Kazakhstan)`));
      }
      for (const reason of dueReasons(service, today, options.maxAgeDays)) warnings.push(at(reason.field, reason.message));
      if (!service.contacts_verified && (service.phones || service.url || service.email || service.address)) {
        warnings.push(at("contacts_verified", "is false, so the contacts in this entry are not shown until an editor verifies them"));
      }
    }
  }
  warnings.push(...missingRegionalEntries(parsed.directory.services, parsed.directory.regions));
  // The saved replies live in data/ too (a bad file would stop the bot's start).
  const replies = join(dataDir, "replies.csv");
  if (existsSync(replies)) {
    for (const issue of readRepliesCsv(readFileSync(replies, "utf8")).issues) {
      errors.push({ file: replies, field: `line ${issue.line}: ${issue.column}`, message: issue.message, id: issue.id });
    }
  }
  return { errors, warnings, parsed };
}

/** Kinds kept one entry per region (two or more single-region entries) that miss a region. */
function missingRegionalEntries(services: readonly Service[], regions: readonly Region[]): DirectoryIssue[] {
  const byKind = new Map<string, Set<string>>();
  for (const service of services) {
    const covered = coverageRegions(service.coverage);
    if (covered === "national" || covered.length !== 1) continue;
    const set = byKind.get(service.kind) ?? new Set<string>();
    covered.forEach((code) => set.add(code));
    byKind.set(service.kind, set);
  }
  const warnings: DirectoryIssue[] = [];
  for (const [kind, covered] of byKind) {
    if (covered.size < 2) continue;
    const missing = regions.filter((r) => !covered.has(r.code)).map((r) => r.code);
    if (missing.length > 0) {
      warnings.push({ file: "data/services", field: `kind ${kind}`, message: `no entry for ${missing.join(", ")}` });
    }
  }
  return warnings;
}

function checkCommand(dataDir: string, maxAgeDays: number, io: CliIo): number {
  const { errors, warnings, parsed } = checkDirectory(dataDir, { maxAgeDays, now: io.now });
  for (const issue of errors) io.stderr(`error: ${formatIssue(issue)}\n`);
  for (const issue of warnings) io.stderr(`warning: ${formatIssue(issue)}\n`);
  const { regions, services } = parsed.directory;
  if (errors.length > 0) {
    io.stderr(`${errors.length} error(s), ${warnings.length} warning(s)\n`);
    return EXIT_DATA;
  }
  io.stdout(
    `OK: ${regions.length} regions, ${services.length} services in ${parsed.files.length} files` +
      (warnings.length ? `, ${warnings.length} warning(s)` : "") +
      "\n",
  );
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------
// stale

function staleCommand(dataDir: string, maxAgeDays: number, io: CliIo): number {
  const parsed = readValid(dataDir, io);
  if (!parsed) return EXIT_DATA;
  const { regions, services } = parsed.directory;
  const groups = staleByRegion(services, regions, kzClock(io.now).date, maxAgeDays);
  const due = new Set(groups.flatMap((g) => g.entries.map((e) => e.service.id)));
  for (const group of groups) {
    io.stdout(`${group.region} (${group.entries.length})\n`);
    for (const { service, reasons } of group.entries) {
      io.stdout(`  ${service.id}: ${reasons.map((r) => `${r.field}: ${r.message}`).join("; ")}\n`);
    }
  }
  io.stdout(`${due.size} of ${services.length} entries are due for a check (older than ${maxAgeDays} days or never dated)\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------
// export

/** Refuses to go on from data that does not validate: a partial export would lose entries. */
function readValid(dataDir: string, io: CliIo): ParsedDirectory | undefined {
  const parsed = readDirectorySync(dataDir);
  if (parsed.issues.length === 0) return parsed;
  for (const issue of parsed.issues) io.stderr(`error: ${formatIssue(issue)}\n`);
  io.stderr("The data has errors; fix them first (npm run directory -- check).\n");
  return undefined;
}

/** The whole directory as CSV rows, header first. */
export function directoryToCsvRows(parsed: ParsedDirectory): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { file, services } of parsed.files) {
    for (const service of services) rows.push(serviceToRow(service, basename(file)));
  }
  return rows;
}

function exportCommand(dataDir: string, file: string | undefined, io: CliIo): number {
  const parsed = readValid(dataDir, io);
  if (!parsed) return EXIT_DATA;
  const rows = directoryToCsvRows(parsed);
  if (file === undefined) {
    io.stdout(writeCsv(rows));
  } else {
    writeFileSync(file, writeCsv(rows, { bom: true }));
    io.stderr(`Wrote ${rows.length - 1} services to ${file}\n`);
  }
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------
// import

function serviceFileText(about: string | undefined, services: readonly Service[]): string {
  const content = about === undefined ? { services: services.map(orderServiceFields) } : { about, services: services.map(orderServiceFields) };
  return `${JSON.stringify(content, null, 2)}\n`;
}

function importCommand(dataDir: string, csvFile: string, mode: "replace" | { out: string | undefined }, io: CliIo): number {
  const servicesDir = join(dataDir, "services");
  let target: string | undefined;
  if (mode !== "replace") {
    target = mode.out ?? join(servicesDir, "imported.json");
    if (!target.endsWith(".json") || dirname(resolve(target)) !== resolve(servicesDir)) {
      throw new UsageError(`--out must be a .json file directly in ${servicesDir}`);
    }
  }
  const text = readFileSync(csvFile, "utf8");
  const current = readValid(dataDir, io);
  if (!current) return EXIT_DATA;

  const { rows, issues } = rowsToServices(text);
  // Ids and region codes across rows, and against the files an --out import keeps.
  const seen = new Map<string, string>();
  if (target !== undefined) {
    for (const { file, services } of current.files) {
      if (resolve(file) === resolve(target)) continue;
      for (const service of services) seen.set(service.id, file);
    }
  }
  rowReferenceIssues(rows, current.directory.regions, issues, seen);
  if (rows.length === 0 && issues.length === 0) {
    issues.push({ line: 1, column: "(file)", message: "has a header but no services" });
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.line - b.line);
    for (const issue of issues) io.stderr(`error: ${csvFile}: ${formatRowIssue(issue)}\n`);
    io.stderr(`${issues.length} problem(s) in ${csvFile}; nothing was written.\n`);
    return EXIT_DATA;
  }

  // The files after the import, checked as a whole before anything touches the disk.
  const aboutOf = new Map(current.files.map((f) => [resolve(f.file), f.about]));
  const planned = new Map<string, Service[]>();
  if (target !== undefined) {
    for (const { file, services } of current.files) if (resolve(file) !== resolve(target)) planned.set(file, services);
    planned.set(target, rows.map((r) => r.service));
  } else {
    for (const row of rows) {
      const file = join(servicesDir, row.file || "imported.json");
      planned.set(file, [...(planned.get(file) ?? []), row.service]);
    }
  }
  const texts = new Map([...planned].map(([file, services]) => [file, serviceFileText(aboutOf.get(resolve(file)), services)]));
  const regionsFile = join(dataDir, "regions.json");
  const check = parseDirectory(
    { file: regionsFile, text: readFileSync(regionsFile, "utf8") },
    [...texts].map(([file, text]): SourceText => ({ file, text })).sort((a, b) => a.file.localeCompare(b.file)),
  );
  if (check.issues.length > 0) {
    for (const issue of check.issues) io.stderr(`error: ${formatIssue(issue)}\n`);
    io.stderr("The directory would not validate after this import; nothing was written.\n");
    return EXIT_DATA;
  }

  // Write next to the targets first, then swap in, then drop files the import replaced.
  for (const [file, text] of texts) writeFileSync(`${file}.tmp`, text);
  for (const file of texts.keys()) renameSync(`${file}.tmp`, file);
  if (mode === "replace") {
    for (const { file } of current.files) if (!texts.has(file) && existsSync(file)) rmSync(file);
  }
  const written = [...texts.keys()].map((f) => relative(process.cwd(), f) || f);
  io.stdout(`Imported ${rows.length} services into ${written.join(", ")}\n`);
  return EXIT_OK;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await runDirectoryCli(process.argv.slice(2));
}
