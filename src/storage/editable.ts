/**
 * Data supervisors upload in the staff group (the help directory, the saved replies), shared
 * by every process through Redis: one hash holds the version in use and its records; an upload
 * waits in a hash of its own for a supervisor's confirmation. Applying is one script: the upload
 * becomes the next version only if nobody applied another since it was checked, so two
 * supervisors cannot overwrite each other unseen, and every process reads a version whole.
 * Records read back are validated again: a stored version this code cannot read changes nothing.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { RecordDiff } from "../directory/edit.js";
import { LuaScript } from "./lua.js";

/** How long an upload waits for its confirmation. */
export const UPLOAD_TTL_SECONDS = 3600;

// KEYS: the data in use, the upload. Returns the new version, -1 when another version was
// applied since the upload was checked, -2 when the upload is gone (applied, cancelled or expired).
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
  diff: RecordDiff;
}

export type ApplyResult = { kind: "applied"; version: number; diff: RecordDiff } | { kind: "conflict" } | { kind: "gone" };

/** Where one kind of data lives in Redis, and the schema its records are read back with. */
export interface EditableKeys<T> {
  live: string;
  upload(token: string): string;
  record: z.ZodType<T>;
}

export class RedisEditableStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: EditableKeys<T>,
  ) {}

  /** The version in use (0: nobody uploaded one; the processes use their files). */
  async version(): Promise<number> {
    return Number((await this.redis.hget(this.keys.live, "version")) ?? 0);
  }

  /** The version in use and its records, or undefined when there is none or it does not validate. */
  async current(): Promise<{ version: number; entries: T[] } | undefined> {
    const [version, json] = await this.redis.hmget(this.keys.live, "version", "entries");
    if (version == null || json == null) return undefined;
    const entries = this.parse(json);
    return entries ? { version: Number(version), entries } : undefined;
  }

  /** Keeps a checked upload until it is confirmed (or an hour passes); returns its token. */
  async stage(base: number, entries: readonly T[], diff: RecordDiff): Promise<string> {
    const token = randomBytes(9).toString("base64url");
    const key = this.keys.upload(token);
    await this.redis
      .multi()
      .hset(key, "base", base, "entries", JSON.stringify(entries), "diff", JSON.stringify(diff))
      .expire(key, UPLOAD_TTL_SECONDS)
      .exec();
    return token;
  }

  async staged(token: string): Promise<StagedUpload | undefined> {
    const [base, diff] = await this.redis.hmget(this.keys.upload(token), "base", "diff");
    if (base == null || diff == null) return undefined;
    return { base: Number(base), diff: JSON.parse(diff) as RecordDiff };
  }

  /** Applies a staged upload atomically (see APPLY). */
  async apply(token: string): Promise<ApplyResult> {
    const staged = await this.staged(token);
    if (!staged) return { kind: "gone" };
    const result = Number(await APPLY.run(this.redis, 2, this.keys.live, this.keys.upload(token)));
    if (result === -1) return { kind: "conflict" };
    if (result < 0) return { kind: "gone" };
    return { kind: "applied", version: result, diff: staged.diff };
  }

  /** Drops a staged upload; false when it was already gone. */
  async cancel(token: string): Promise<boolean> {
    return (await this.redis.del(this.keys.upload(token))) > 0;
  }

  private parse(json: string): T[] | undefined {
    try {
      const raw = JSON.parse(json) as unknown[];
      const entries: T[] = [];
      for (const item of raw) {
        const parsed = this.keys.record.safeParse(item);
        if (!parsed.success) return undefined;
        entries.push(parsed.data);
      }
      return entries;
    } catch {
      return undefined;
    }
  }
}
