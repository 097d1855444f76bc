/**
 * Reads and validates the directory: data/regions.json and every data/services/*.json.
 * Nothing is cached; the bot loads once at start-up and keeps the result, the CLI loads per
 * command. Every problem is reported with its file and field, so an editor can fix it
 * without reading code.
 */
import { readFileSync, readdirSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import {
  type Area,
  BoundariesFileSchema,
  RegionsFileSchema,
  ServiceFileSchema,
  ServiceSchema,
  type Directory,
  type Region,
  type Service,
} from "./schema.js";

/** One problem in the data: which file, which field, what is wrong. */
export interface DirectoryIssue {
  file: string;
  /** Path inside the file, e.g. services[3].phones[0]. */
  field: string;
  message: string;
  /** The service id, when the problem is inside a service that has one. */
  id?: string;
}

/** One line per problem, as the CLI prints it and DirectoryError's message lists it. */
export function formatIssue(issue: DirectoryIssue): string {
  const where = issue.id ? `${issue.field} (id "${issue.id}")` : issue.field;
  return `${issue.file}: ${where}: ${issue.message}`;
}

/** Thrown by loadDirectory: the bot refuses to start on a directory that does not validate. */
export class DirectoryError extends Error {
  constructor(readonly issues: readonly DirectoryIssue[]) {
    super(`The help directory has ${issues.length} problem(s):\n${issues.map(formatIssue).join("\n")}`);
    this.name = "DirectoryError";
  }
}

/** The services of one file, in file order, as the CLI needs them to write files back. */
export interface ServiceFileContent {
  /** The path as read, e.g. data/services/national.json. */
  file: string;
  about?: string;
  services: Service[];
}

export interface ParsedDirectory {
  /** Only the valid entries: complete when `issues` is empty. */
  directory: Directory;
  files: ServiceFileContent[];
  issues: DirectoryIssue[];
}

/** A file's path and its text, so parsing needs no file system. */
export interface SourceText {
  file: string;
  text: string;
}

/** "services", 3, "phones", 0 → services[3].phones[0] */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(file)";
}

function zodIssues(file: string, prefix: PropertyKey[], error: z.ZodError, id?: string): DirectoryIssue[] {
  return error.issues.map((issue) => ({
    file,
    field: fieldPath([...prefix, ...issue.path]),
    message: issue.message,
    ...(id ? { id } : {}),
  }));
}

function parseJson(source: SourceText, issues: DirectoryIssue[]): unknown {
  try {
    return JSON.parse(source.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    issues.push({ file: source.file, field: "(file)", message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** Validates the texts of regions.json and the service files; pure, so tests and the CLI share it. */
export function parseDirectory(regionsSource: SourceText, serviceSources: readonly SourceText[]): ParsedDirectory {
  const issues: DirectoryIssue[] = [];
  const regions: Region[] = [];
  const regionsJson = parseJson(regionsSource, issues);
  if (regionsJson !== undefined) {
    const parsed = RegionsFileSchema.safeParse(regionsJson);
    if (parsed.success) regions.push(...parsed.data.regions);
    else issues.push(...zodIssues(regionsSource.file, [], parsed.error));
  }
  const regionByCode = new Map<string, Region>();
  regions.forEach((region, i) => {
    if (regionByCode.has(region.code)) {
      issues.push({ file: regionsSource.file, field: `regions[${i}].code`, message: `repeats the region code "${region.code}"` });
    }
    regionByCode.set(region.code, region);
  });

  const files: ServiceFileContent[] = [];
  const services: Service[] = [];
  const seenIds = new Map<string, string>();
  for (const source of serviceSources) {
    const json = parseJson(source, issues);
    if (json === undefined) continue;
    const fileParsed = ServiceFileSchema.safeParse(json);
    if (!fileParsed.success) {
      issues.push(...zodIssues(source.file, [], fileParsed.error));
      continue;
    }
    const content: ServiceFileContent = { file: source.file, services: [] };
    if (fileParsed.data.about !== undefined) content.about = fileParsed.data.about;
    fileParsed.data.services.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === "string" ? rawId : undefined;
      const parsed = ServiceSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...zodIssues(source.file, ["services", index], parsed.error, id));
        return;
      }
      const service = parsed.data;
      const problems = serviceReferenceIssues(service, regionByCode, seenIds);
      for (const { field, message } of problems) {
        issues.push({ file: source.file, field: `services[${index}].${field}`, message, id: service.id });
      }
      seenIds.set(service.id, source.file);
      if (problems.length === 0) {
        content.services.push(service);
        services.push(service);
      }
    });
    files.push(content);
  }
  return { directory: { regions, services }, files, issues };
}

/** Checks that reach beyond one entry: region codes exist, ids are unique. */
export function serviceReferenceIssues(
  service: Service,
  regionByCode: ReadonlyMap<string, Region>,
  seenIds: ReadonlyMap<string, string>,
): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const other = seenIds.get(service.id);
  if (other !== undefined) out.push({ field: "id", message: `repeats the id "${service.id}" (already used in ${other})` });
  if (service.coverage.city !== undefined) {
    const region = regionByCode.get(service.coverage.city);
    if (!region) out.push({ field: "coverage.city", message: `"${service.coverage.city}" is not a region code in regions.json` });
    else if (region.type !== "city") {
      out.push({ field: "coverage.city", message: `"${service.coverage.city}" is a region, not a city: use "regions"` });
    }
  }
  service.coverage.regions?.forEach((code, i) => {
    if (!regionByCode.has(code)) out.push({ field: `coverage.regions[${i}]`, message: `"${code}" is not a region code in regions.json` });
  });
  return out;
}

function regionsPath(dir: string): string {
  return join(dir, "regions.json");
}
function servicesDir(dir: string): string {
  return join(dir, "services");
}
const isJson = (name: string) => name.endsWith(".json");

/** Reads and validates everything, returning the problems instead of throwing (for the CLI). */
export function readDirectorySync(dir = "data"): ParsedDirectory {
  const regions = { file: regionsPath(dir), text: readFileSync(regionsPath(dir), "utf8") };
  const names = readdirSync(servicesDir(dir)).filter(isJson).sort();
  const services = names.map((name) => {
    const file = join(servicesDir(dir), name);
    return { file, text: readFileSync(file, "utf8") };
  });
  return parseDirectory(regions, services);
}

/** The region codes of regions.json (STAFF_GROUPS names its regions by them); empty if the file is not valid. */
export function regionCodesSync(dir = "data"): string[] {
  const parsed = RegionsFileSchema.safeParse(JSON.parse(readFileSync(regionsPath(dir), "utf8")));
  return parsed.success ? parsed.data.regions.map((r) => r.code) : [];
}

/** The asynchronous twin of readDirectorySync. */
export async function readDirectory(dir = "data"): Promise<ParsedDirectory> {
  const regions = { file: regionsPath(dir), text: await readFile(regionsPath(dir), "utf8") };
  const names = (await readdir(servicesDir(dir))).filter(isJson).sort();
  const services = await Promise.all(
    names.map(async (name) => {
      const file = join(servicesDir(dir), name);
      return { file, text: await readFile(file, "utf8") };
    }),
  );
  return parseDirectory(regions, services);
}

function orThrow(parsed: ParsedDirectory): Directory {
  if (parsed.issues.length > 0) throw new DirectoryError(parsed.issues);
  return parsed.directory;
}

/** The regions' areas (data/region-boundaries.json), or undefined when the file is absent; throws when it is invalid. */
export function readAreasSync(dir: string): readonly Area[] | undefined {
  const file = join(dir, "region-boundaries.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const parsed = BoundariesFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.areas;
}

function withAreas(directory: Directory, dir: string): Directory {
  const areas = readAreasSync(dir);
  const known = new Set(directory.regions.map((r) => r.code));
  const unknown = areas?.flatMap((a) => a.regions).find((code) => !known.has(code));
  if (unknown !== undefined) throw new Error(`${join(dir, "region-boundaries.json")}: unknown region ${unknown}`);
  return areas ? { ...directory, areas } : directory;
}

/** The validated directory (with the regions' areas); throws a DirectoryError naming every bad file and field. */
export async function loadDirectory(dir = "data"): Promise<Directory> {
  return withAreas(orThrow(await readDirectory(dir)), dir);
}

/** The synchronous twin of loadDirectory, for start-up code that cannot await. */
export function loadDirectorySync(dir = "data"): Directory {
  return withAreas(orThrow(readDirectorySync(dir)), dir);
}
