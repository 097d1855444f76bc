/**
 * A private redis-server for tests that stop and restart Redis (the shared one on 6379 must
 * stay up for the other tests). Append-only file on, like production, so data survives.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { freePort } from "./bot-process.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class PrivateRedis {
  private portTaken?: number;
  readonly dir = mkdtempSync(join(tmpdir(), "senim-redis-"));
  private child?: ChildProcess;

  /** `extraArgs`: more redis-server options, e.g. ["--maxmemory", "4mb"]. */
  constructor(private readonly extraArgs: readonly string[] = []) {}

  /** A free port, chosen by the system at the first start (the same on a restart, so the data is found again). */
  get port(): number {
    if (this.portTaken === undefined) throw new Error("start() the redis-server first");
    return this.portTaken;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.portTaken ??= await freePort();
    this.child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", this.dir, ...this.extraArgs],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 100; i++) {
      if (await this.answers()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("private redis-server did not start");
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection(this.port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  }
}

