/**
 * The directory in use, replaceable while the bot runs: supervisors upload a new one in the
 * staff group, and every process swaps it in when it sees a newer version in Redis. A swap
 * replaces one reference, so a request sees either the old directory or the new one whole,
 * never a mix. The regions stay as loaded (the CSV carries services only).
 */
import { basename } from "node:path";
import type { Translator } from "../domain.js";
import type { DirectoryEntry } from "./edit.js";
import { DirectoryError, readDirectorySync } from "./load.js";
import { createReferrals, DATA_DIR, type Referrals } from "./referrals.js";
import type { Directory, Region } from "./schema.js";

interface Snapshot {
  version: number;
  entries: readonly DirectoryEntry[];
  directory: Directory;
  referrals: Referrals;
}

export class LiveDirectory {
  private snapshot: Snapshot;

  /** The directory through the current snapshot: handlers that keep it see every swap. */
  readonly view: Directory;
  /** Referrals over the current snapshot. */
  readonly referrals: Referrals;

  constructor(
    private readonly regions: readonly Region[],
    entries: readonly DirectoryEntry[],
    private readonly translate: Translator,
  ) {
    this.snapshot = this.build(0, entries);
    const live = () => this.snapshot;
    this.view = Object.freeze({
      regions,
      get services() {
        return live().directory.services;
      },
    });
    this.referrals = Object.freeze({
      referralCards: (query) => live().referrals.referralCards(query),
      regions: (lang) => live().referrals.regions(lang),
      regionAt: (location) => live().referrals.regionAt(location),
    } satisfies Referrals);
  }

  private build(version: number, entries: readonly DirectoryEntry[]): Snapshot {
    const directory: Directory = { regions: this.regions, services: entries.map((e) => e.service) };
    return { version, entries, directory, referrals: createReferrals(directory, this.translate) };
  }

  /** 0 for the files the process started with, then the version stored in Redis. */
  get version(): number {
    return this.snapshot.version;
  }

  get entries(): readonly DirectoryEntry[] {
    return this.snapshot.entries;
  }

  /** Swaps in a newer version; an older or equal one is ignored (processes may see them late). */
  replace(version: number, entries: readonly DirectoryEntry[]): boolean {
    if (version <= this.snapshot.version) return false;
    this.snapshot = this.build(version, entries);
    return true;
  }
}

/** Loads data/ (throws naming file and field when it is invalid) as version 0 of the live directory. */
export function loadLiveDirectory(translate: Translator, dir: string = DATA_DIR): LiveDirectory {
  const parsed = readDirectorySync(dir);
  if (parsed.issues.length > 0) throw new DirectoryError(parsed.issues);
  const entries = parsed.files.flatMap((f) => f.services.map((service) => ({ file: basename(f.file), service })));
  return new LiveDirectory(parsed.directory.regions, entries, translate);
}
