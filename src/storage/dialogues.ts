/**
 * Where the resolve dialogues live (bot/desk/resolve.ts): one value per operator and topic,
 * shared by every process, with a time to live, so that a dialogue survives a restart and one
 * left unanswered ends by itself. The value is opaque here (the conversations plugin's state).
 */
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

/** The operator's dialogue in a topic (thread 0: the General topic). */
export interface DialogueKey {
  /** The staff group (each group numbers its own topics). */
  chat: number;
  thread: number;
  operator: number;
}

export interface DialogueStore {
  /** How long a dialogue lives after its last step. */
  readonly ttlMs: number;
  read(key: DialogueKey): Promise<string | undefined>;
  /** Stores the state, for `ttlMs` from now. */
  write(key: DialogueKey, value: string): Promise<void>;
  delete(key: DialogueKey): Promise<void>;
}

export function redisDialogues(redis: Redis, keys: Keyspace, ttlMs: number): DialogueStore {
  const key = (k: DialogueKey) => keys.resolveDialogue(k.chat, k.thread, k.operator);
  return {
    ttlMs,
    read: async (k) => (await redis.get(key(k))) ?? undefined,
    write: async (k, value) => void (await redis.set(key(k), value, "PX", ttlMs)),
    delete: async (k) => void (await redis.del(key(k))),
  };
}
