/**
 * The directory supervisors upload in the staff group, shared by every process through Redis:
 * one hash holds the version in use and its entries; an upload waits in a hash of its own for
 * a supervisor's confirmation. Applying is one script: the upload becomes the next version only
 * if nobody applied another since it was checked, so two supervisors cannot overwrite each
 * other unseen, and every process reads a version whole. Entries read back are validated again:
 * a stored version this code cannot read changes nothing.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { DirectoryDiff, DirectoryEntry } from "../directory/edit.js";
import { ServiceSchema } from "../directory/schema.js";
import type { Keyspace } from "./keys.js";
import { LuaScript } from "./lua.js";

/** How long an upload waits for its confirmation. */
export const UPLOAD_TTL_SECONDS = 3600;

// KEYS: directory, upload. Returns the new version, -1 when another version was applied since
// the upload was checked, -2 when the upload is gone (applied, cancelled or expired).
const APPLY = new LuaScript(`
local base = redis.call('HGET', KEYS[2], 'base')
if not base then return -2 end
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(base) then return -1 end
redis.call('HSET', KEYS[1], 'version', current + 1, 'entries', redis.call('HGET', KEYS[2], 'entries'))
redis.call('DEL', KEYS[2])
return current + 1
`);

export interface StagedUpload {
  /** The version the upload was compared with. */
  base: number;
  diff: DirectoryDiff;
}

export type ApplyResult = { kind: "applied"; version: number; diff: DirectoryDiff } | { kind: "conflict" } | { kind: "gone" };

export class RedisDirectoryStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keyspace,
  ) {}

  /** The version in use (0: nobody uploaded one; the processes use their files). */
  async version(): Promise<number> {
    return Number((await this.redis.hget(this.keys.directory(), "version")) ?? 0);
  }

  /** The version in use and its entries, or undefined when there is none or it does not validate. */
  async current(): Promise<{ version: number; entries: DirectoryEntry[] } | undefined> {
    const [version, json] = await this.redis.hmget(this.keys.directory(), "version", "entries");
    if (version == null || json == null) return undefined;
    const entries = parseEntries(json);
    return entries ? { version: Number(version), entries } : undefined;
  }

  /** Keeps a checked upload until it is confirmed (or an hour passes); returns its token. */
  async stage(base: number, entries: readonly DirectoryEntry[], diff: DirectoryDiff): Promise<string> {
    const token = randomBytes(9).toString("base64url");
    const key = this.keys.directoryUpload(token);
    await this.redis
      .multi()
      .hset(key, "base", base, "entries", JSON.stringify(entries), "diff", JSON.stringify(diff))
      .expire(key, UPLOAD_TTL_SECONDS)
      .exec();
    return token;
  }

  async staged(token: string): Promise<StagedUpload | undefined> {
    const [base, diff] = await this.redis.hmget(this.keys.directoryUpload(token), "base", "diff");
    if (base == null || diff == null) return undefined;
    return { base: Number(base), diff: JSON.parse(diff) as DirectoryDiff };
  }

  /** Applies a staged upload atomically (see APPLY). */
  async apply(token: string): Promise<ApplyResult> {
    const staged = await this.staged(token);
    if (!staged) return { kind: "gone" };
    const result = Number(await APPLY.run(this.redis, 2, this.keys.directory(), this.keys.directoryUpload(token)));
    if (result === -1) return { kind: "conflict" };
    if (result < 0) return { kind: "gone" };
    return { kind: "applied", version: result, diff: staged.diff };
  }

  /** Drops a staged upload; false when it was already gone. */
  async cancel(token: string): Promise<boolean> {
    return (await this.redis.del(this.keys.directoryUpload(token))) > 0;
  }
}

function parseEntries(json: string): DirectoryEntry[] | undefined {
  try {
    const raw = JSON.parse(json) as Array<{ file?: unknown; service?: unknown }>;
    const entries: DirectoryEntry[] = [];
    for (const item of raw) {
      const parsed = ServiceSchema.safeParse(item.service);
      if (!parsed.success || typeof item.file !== "string") return undefined;
      entries.push({ file: item.file, service: parsed.data });
    }
    return entries;
  } catch {
    return undefined;
  }
}
