/**
 * The deployment a helpline does in an afternoon: .env.example names every variable the bot
 * reads and parses as it stands (with a token); docker compose's Redis never evicts and keeps
 * an append-only file behind a password; the monitoring profile mounts what deploy/ ships.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

/** KEY=value lines (comments and blank lines skipped), as docker compose reads an env file. */
function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}

describe("deployment files", () => {
  it(".env.example names every variable of the config, each with a comment, and parses once a token is set", () => {
    const text = readFileSync(".env.example", "utf8");
    const read = [...readFileSync("src/config.ts", "utf8").matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(15);
    for (const name of new Set(read)) expect(text, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
    const lines = text.split("\n");
    const isVariable = (line: string) => /^#? ?[A-Z][A-Z0-9_]*=/.test(line);
    lines.forEach((line, i) => {
      if (!isVariable(line)) return;
      // A variable, or a group of them, comes right under the comment that explains it.
      let j = i - 1;
      while (j >= 0 && isVariable(lines[j]!)) j--;
      expect(lines[j], line).toMatch(/^# /);
    });
    const config = parseConfig({ ...readEnvFile(".env.example"), BOT_TOKEN: "123:abc" });
    expect(config.BOT_MODE).toBe("polling");
    expect(config.STAFF_LANG).toBe("ru");
  });

  it("compose: Redis with a password, the append-only file and noeviction; the monitoring profile finds its files", () => {
    const compose = readFileSync("docker-compose.yml", "utf8");
    expect(compose).toContain("--requirepass");
    expect(compose).toMatch(/--appendonly\n\s+- "yes"/);
    expect(compose).toMatch(/--maxmemory-policy\n\s+- noeviction/);
    expect(compose).toContain("REDIS_URL: redis://:${REDIS_PASSWORD}@redis:6379");
    expect(compose.match(/profiles: \[monitoring\]/g)).toHaveLength(2);
    for (const [, file] of compose.matchAll(/- \.\/(deploy\/[^:]+):/g)) expect(existsSync(file!), file).toBe(true);
    expect(readFileSync("deploy/prometheus/prometheus.yml", "utf8")).toContain("/etc/prometheus/alerts.json");
  });

  it("the image runs on a maintained Node LTS", () => {
    const froms = [...readFileSync("Dockerfile", "utf8").matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(froms.length).toBe(2);
    // Node 20 reached its end of life on 2026-04-30; 24 is supported until 2028-04-30.
    for (const major of froms) expect(major).toBeGreaterThanOrEqual(24);
  });
});
