/**
 * A Lua script run by its SHA1 (EVALSHA): each call sends 40 bytes instead of the script, and
 * Redis does not hash the source again. After a Redis restart or SCRIPT FLUSH the first call
 * gets NOSCRIPT and is sent once more with the source (EVAL), which loads it again.
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(redis: Redis, numKeys: number, ...args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, numKeys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
      return await redis.eval(this.source, numKeys, ...args);
    }
  }
}
