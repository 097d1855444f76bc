/**
 * Every key about a user expires as /privacy says (issue #13, fault 14): the user's case index
 * lives while a case is open and as long as the closed case after; a note written after closing
 * expires with the case; campaign counts are per tag and bounded.
 */
import { describe, expect, it } from "vitest";
import { staffGroup } from "../../src/testing/updates.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const STAFF = -1001234500077;
const RETENTION_DAYS = 30;
const db = useTestRedis("expiry");
const staff = staffGroup(STAFF);
const operator = { id: 701, first_name: "Aigerim" };

/** A user with an open case (#1), and the TTL of a key. */
async function caseKeys(userId: number) {
  const h = createHarness({ redis: db.redis, prefix: db.prefix, operatorChatId: STAFF, desk: { retentionDays: RETENTION_DAYS } });
  const user = new TestUser(h, { id: userId, language_code: "en" });
  await onboard(user, "en", "child");
  const opened = await user.press("m:person");
  const thread = (opened.calls.find((c) => c.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
  const ttl = async (pattern: string) => {
    const [key] = await db.redis.keys(`${db.prefix}:${pattern}`);
    if (!key) throw new Error(`no key ${pattern}`);
    return db.redis.ttl(key);
  };
  return { h, thread, ttl };
}

describe("keys about a user expire", () => {
  it("the user's case index: no expiry while the case is open, the case's retention once it is closed", async () => {
    const { h, ttl } = await caseKeys(9301);
    expect(await ttl("ucase:*")).toBe(-1); // open: kept
    expect(await ttl("ucases:*")).toBe(-1);
    await resolveThrough(h, STAFF, operator, 1);
    const retention = RETENTION_DAYS * 86_400;
    for (const pattern of ["ucase:*", "ucases:*", "case:1"]) {
      const left = await ttl(pattern);
      expect(left, pattern).toBeGreaterThan(retention - 60);
      expect(left, pattern).toBeLessThanOrEqual(retention);
    }
  });

  it("a note written after the case closed expires with the case", async () => {
    const { h, thread, ttl } = await caseKeys(9302);
    await resolveThrough(h, STAFF, operator, 1);
    await h.send(staff.text(operator, "/note followed up by phone", { thread }));
    const left = await ttl("case:1:log");
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(RETENTION_DAYS * 86_400);
  });

  it("campaign counts: per tag, and bounded however many tags people type", async () => {
    const h = createHarness({ redis: db.redis, prefix: db.prefix });
    for (let i = 0; i < 1_010; i++) {
      const user = new TestUser(h, { id: 9_400_000 + i, language_code: "en" });
      await user.say(`/start src-tag${i}`);
    }
    const key = `${db.prefix}:stats:campaigns`;
    expect(await db.redis.hlen(key)).toBe(1_000);
    await new TestUser(h, { id: 9_500_000, language_code: "en" }).say("/start src-tag7");
    expect(await db.redis.hget(key, "tag7")).toBe("2"); // a known tag still counts
    expect(await db.redis.hget(key, "tag1005")).toBeNull();
  }, 60_000);
});
