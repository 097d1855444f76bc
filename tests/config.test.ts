import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_OPERATOR_HOURS, DEFAULT_WAIT_LIMITS, parseConfig, secretFromToken } from "../src/config.js";

/** The problems of the ConfigError that parseConfig must throw for `env`. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return expect.unreachable();
}

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
    const names = problemsOf({ BOT_TOKEN: "nope", BOT_MODE: "carrier-pigeon", PORT: "eighty", LOG_LEVEL: "loud", OPERATOR_CHAT_ID: "42" }).map(
      (p) => p.split(" ")[0],
    );
    expect(names).toEqual(expect.arrayContaining(["BOT_TOKEN", "BOT_MODE", "PORT", "LOG_LEVEL", "OPERATOR_CHAT_ID"]));
  });

  it("several bad variables, parsed ones among them, are listed in one error", () => {
    const problems = problemsOf({ BOT_TOKEN: "1:a", OPERATOR_HOURS: "weekdays", WAIT_LIMITS: "urgent=5", PSEUDONYM_SECRET: "", PORT: "x" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["OPERATOR_HOURS", "PORT", "PSEUDONYM_SECRET", "WAIT_LIMITS"]);
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

/** The one problem parseConfig reports for `env` (on top of a valid token). */
function problemOf(env: Record<string, string>): string {
  const problems = problemsOf({ BOT_TOKEN: "1:a", ...env });
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe("config parses into values", () => {
  it("operator hours and wait limits (ms) come out parsed, with their defaults", () => {
    const defaults = parseConfig({ BOT_TOKEN: "1:a" });
    expect(defaults.OPERATOR_HOURS).toEqual(DEFAULT_OPERATOR_HOURS);
    expect(DEFAULT_OPERATOR_HOURS).toEqual({ weekly: [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "09:00", close: "18:00" }] });
    expect(defaults.WAIT_LIMITS).toEqual(DEFAULT_WAIT_LIMITS);
    expect(DEFAULT_WAIT_LIMITS).toEqual({ emergency: 2 * 60_000, high: 10 * 60_000, other: 60 * 60_000 });

    const set = parseConfig({ BOT_TOKEN: "1:a", OPERATOR_HOURS: "mon-sat 08:00-20:00; sun 10:00-14:00", WAIT_LIMITS: "emergency=1,other=30" });
    expect(set.OPERATOR_HOURS).toEqual({
      weekly: [
        { days: ["mon", "tue", "wed", "thu", "fri", "sat"], open: "08:00", close: "20:00" },
        { days: ["sun"], open: "10:00", close: "14:00" },
      ],
    });
    expect(parseConfig({ BOT_TOKEN: "1:a", OPERATOR_HOURS: "24/7" }).OPERATOR_HOURS).toBe("24/7");
    // A name left out keeps its default.
    expect(set.WAIT_LIMITS).toEqual({ emergency: 60_000, high: 10 * 60_000, other: 30 * 60_000 });
    expect(parseConfig({ BOT_TOKEN: "1:a", WAIT_LIMITS: " high = 5 , emergency=3" }).WAIT_LIMITS).toEqual({
      emergency: 3 * 60_000,
      high: 5 * 60_000,
      other: 60 * 60_000,
    });
  });

  it("bad operator hours are refused, naming the variable and the part", () => {
    expect(problemOf({ OPERATOR_HOURS: "weekdays 9-18" })).toMatch(/^OPERATOR_HOURS .*"weekdays 9-18" is not like/);
    expect(problemOf({ OPERATOR_HOURS: "fri-mon 09:00-18:00" })).toMatch(/^OPERATOR_HOURS .*range of days/);
  });

  it("wait limits: an unknown name, a zero, a duplicate or a malformed part is refused", () => {
    expect(problemOf({ WAIT_LIMITS: "urgent=5" })).toMatch(/^WAIT_LIMITS .*"urgent" is not one of emergency, high, other/);
    expect(problemOf({ WAIT_LIMITS: "high=0" })).toMatch(/^WAIT_LIMITS .*"high" must be at least 1 minute/);
    expect(problemOf({ WAIT_LIMITS: "emergency=00,high=3" })).toMatch(/^WAIT_LIMITS .*at least 1 minute/);
    expect(problemOf({ WAIT_LIMITS: "high=5,high=6" })).toMatch(/^WAIT_LIMITS .*"high" is given twice/);
    for (const bad of ["high", "high=", "high=-1", "high=1.5", "high=10000", "high=5,", "high=5;other=6"]) {
      expect(problemOf({ WAIT_LIMITS: bad })).toMatch(/^WAIT_LIMITS must look like emergency=/);
    }
  });

  it("an unset pseudonym secret is derived from the bot token; a set one is used as given", () => {
    const derived = parseConfig({ BOT_TOKEN: "123:abc" });
    expect(derived.pseudonymSecret).toBe(secretFromToken("123:abc"));
    expect(derived.pseudonymSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(parseConfig({ BOT_TOKEN: "123:other" }).pseudonymSecret).not.toBe(derived.pseudonymSecret);
    const secret = "s".repeat(32);
    expect(parseConfig({ BOT_TOKEN: "123:abc", PSEUDONYM_SECRET: secret }).pseudonymSecret).toBe(secret);
    // Only the final secret is in the config, not the variable.
    expect(Object.keys(derived)).not.toContain("PSEUDONYM_SECRET");
  });

  it("a pseudonym secret that is empty, blank or shorter than 32 characters is refused without echoing it", () => {
    expect(problemOf({ PSEUDONYM_SECRET: "" })).toMatch(/^PSEUDONYM_SECRET is set but empty/);
    expect(problemOf({ PSEUDONYM_SECRET: "   \t" })).toMatch(/^PSEUDONYM_SECRET is set but empty/);
    const short = "tooShortSecret-31chars-xxxxxxxx";
    expect(short).toHaveLength(31);
    const problem = problemOf({ PSEUDONYM_SECRET: short });
    expect(problem).toMatch(/^PSEUDONYM_SECRET must be at least 32 characters/);
    expect(problem).not.toContain(short);
    expect(problemOf({ PSEUDONYM_SECRET: `  ${"p".repeat(30)}  ` })).toMatch(/at least 32 characters/);
  });
});

describe("STAFF_GROUPS", () => {
  const base = { BOT_TOKEN: "123:abc", OPERATOR_CHAT_ID: "-1001000000001" };
  it("maps regions to regional groups; several regions may share one; the overflow defaults to 5", () => {
    const config = parseConfig({ ...base, STAFF_GROUPS: "almaty_city:-1001112223334, almaty_region:-1001112223334,shymkent:-1002223334445" });
    expect(config.STAFF_GROUPS).toEqual({ almaty_city: -1001112223334, almaty_region: -1001112223334, shymkent: -1002223334445 });
    expect(config.STAFF_GROUP_OVERFLOW).toBe(5);
    expect(parseConfig(base).STAFF_GROUPS).toBeUndefined();
  });

  it.each([
    ["an unknown region", "almaty:-1001112223334", /^STAFF_GROUPS .*"almaty" is not a region code/],
    ["a bad chat id", "almaty_city:12345", /^STAFF_GROUPS .*"12345" is not a supergroup id/],
    ["a region twice", "almaty_city:-1001112223334,almaty_city:-1002223334445", /^STAFF_GROUPS .*"almaty_city" is given twice/],
    ["no pair", "almaty_city", /^STAFF_GROUPS .*"almaty_city" is not region:chat_id/],
    ["the national group listed", "almaty_city:-1001000000001", /^STAFF_GROUPS lists -1001000000001 \(for "almaty_city"\), the national group of OPERATOR_CHAT_ID/],
  ])("refuses %s with one line naming the variable", (_, value, expected) => {
    const problems = problemsOf({ ...base, STAFF_GROUPS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("needs the national group, and an overflow of at least 1", () => {
    expect(problemsOf({ BOT_TOKEN: "123:abc", STAFF_GROUPS: "almaty_city:-1001112223334" })).toEqual([
      "STAFF_GROUPS needs OPERATOR_CHAT_ID: the national group takes the regions without a group and the overflow",
    ]);
    expect(problemsOf({ ...base, STAFF_GROUP_OVERFLOW: "0" })[0]).toMatch(/^STAFF_GROUP_OVERFLOW/);
  });
});
