/**
 * Counts what a bot asks of Redis by wrapping the ioredis client's sendCommand: every command
 * (MULTI and EXEC included, as Redis counts them), and round trips, where a pipeline or a
 * MULTI/EXEC transaction (one write, replies read together) is one round trip.
 */
import type { Redis } from "ioredis";

export interface MeterReading {
  commands: number;
  roundTrips: number;
  byName: Record<string, number>;
}

type SendCommand = (command: { name: string }, stream?: unknown) => unknown;

export class RedisMeter {
  commands = 0;
  roundTrips = 0;
  private readonly byName = new Map<string, number>();
  private readonly pipelines = new WeakSet<object>();

  constructor(redis: Redis) {
    const target = redis as unknown as { sendCommand: SendCommand };
    const original = target.sendCommand.bind(redis) as SendCommand;
    target.sendCommand = (command, stream) => {
      this.commands++;
      this.byName.set(command.name, (this.byName.get(command.name) ?? 0) + 1);
      const pipeline = typeof stream === "object" && stream !== null && (stream as { isPipeline?: boolean }).isPipeline === true;
      if (!pipeline) this.roundTrips++;
      else if (!this.pipelines.has(stream)) {
        this.pipelines.add(stream);
        this.roundTrips++;
      }
      return original(command, stream);
    };
  }

  read(): MeterReading {
    return { commands: this.commands, roundTrips: this.roundTrips, byName: Object.fromEntries(this.byName) };
  }
}

/** What happened between two readings. */
export function delta(after: MeterReading, before: MeterReading): MeterReading {
  const byName: Record<string, number> = {};
  for (const [name, n] of Object.entries(after.byName)) {
    const d = n - (before.byName[name] ?? 0);
    if (d > 0) byName[name] = d;
  }
  return { commands: after.commands - before.commands, roundTrips: after.roundTrips - before.roundTrips, byName };
}

/** Total calls per command from `INFO commandstats` (server-wide: other clients count too). */
export async function serverCommandCalls(redis: Redis): Promise<Record<string, number>> {
  const info = await redis.info("commandstats");
  const out: Record<string, number> = {};
  for (const line of info.split("\n")) {
    const m = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

export function sumCalls(after: Record<string, number>, before: Record<string, number>): number {
  let total = 0;
  for (const [name, n] of Object.entries(after)) total += n - (before[name] ?? 0);
  return total;
}

/** CPU seconds the Redis server has used (user + system), from `INFO cpu`: server-wide. */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const get = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return get("used_cpu_user") + get("used_cpu_sys");
}
