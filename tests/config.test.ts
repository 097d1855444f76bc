import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("config", () => {
  it("defaults to polling with local Redis", () => {
    const config = parseConfig({ BOT_TOKEN: "123:abc" });
    expect(config.BOT_MODE).toBe("polling");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.PORT).toBe(8080);
    expect(config.METRICS_TOKEN).toBeUndefined(); // /metrics open unless a token is set
  });

  it("a metrics token too short to be a secret is refused", () => {
    expect(() => parseConfig({ BOT_TOKEN: "123:abc", METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(parseConfig({ BOT_TOKEN: "123:abc", METRICS_TOKEN: "m".repeat(20) }).METRICS_TOKEN).toBe("m".repeat(20));
  });

  it("webhook mode cannot exist without its URL and a secret of 16+ characters", () => {
    expect(() => parseConfig({ BOT_TOKEN: "123:abc", BOT_MODE: "webhook" })).toThrow(/WEBHOOK_URL[\s\S]*WEBHOOK_SECRET/);
    expect(() =>
      parseConfig({ BOT_TOKEN: "123:abc", BOT_MODE: "webhook", WEBHOOK_URL: "https://x.kz/tg", WEBHOOK_SECRET: "short" }),
    ).toThrow(/WEBHOOK_SECRET/);
    const ok = parseConfig({
      BOT_TOKEN: "123:abc",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://x.kz/tg",
      WEBHOOK_SECRET: "a".repeat(16),
    });
    expect(ok.BOT_MODE === "webhook" && ok.WEBHOOK_URL).toBe("https://x.kz/tg");
  });

  it("names every bad variable at once", () => {
    try {
      parseConfig({ BOT_TOKEN: "nope", BOT_MODE: "carrier-pigeon", PORT: "eighty", LOG_LEVEL: "loud", OPERATOR_CHAT_ID: "42" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).problems.map((p) => p.split(" ")[0]);
      expect(names).toEqual(expect.arrayContaining(["BOT_TOKEN", "BOT_MODE", "PORT", "LOG_LEVEL", "OPERATOR_CHAT_ID"]));
    }
  });

  it("the process prints one clear message and exits with status 2, no stack trace", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, BOT_MODE: "webhook", PORT: "x" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("BOT_TOKEN");
    expect(result.stderr).toContain("WEBHOOK_URL");
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });
});

describe("config for several instances", () => {
  it("accepts Sentinel and Cluster; Cluster needs a {hash tag} in the prefix", () => {
    const sentinel = parseConfig({ BOT_TOKEN: "1:a", REDIS_SENTINELS: "s1:26379,s2:26379", REDIS_SENTINEL_NAME: "senim" });
    expect(sentinel.REDIS_SENTINELS).toBe("s1:26379,s2:26379");
    expect(() => parseConfig({ BOT_TOKEN: "1:a", REDIS_CLUSTER_NODES: "n1:6379" })).toThrow(/hash tag/);
    expect(parseConfig({ BOT_TOKEN: "1:a", REDIS_CLUSTER_NODES: "n1:6379,n2:6379", REDIS_PREFIX: "{senim}" }).REDIS_PREFIX).toBe("{senim}");
    expect(() => parseConfig({ BOT_TOKEN: "1:a", REDIS_SENTINELS: "nonsense" })).toThrow(/REDIS_SENTINELS/);
  });
});
