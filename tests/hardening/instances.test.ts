/**
 * Several bot instances on one Redis behave as one bot: no lost session write when the same
 * user's updates arrive at two instances at once, a duplicate delivery is handled once, and
 * the flood limit is shared.
 */
import { describe, expect, it } from "vitest";
import { TestUser, createHarness, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("instances");
const redis = db.redis;

describe("two instances, one Redis", () => {
  it("concurrent updates of one user on two instances lose no session write", async () => {
    const a = createHarness({ redis, prefix: db.prefix });
    const b = createHarness({ redis, prefix: db.prefix });
    const users = Array.from({ length: 20 }, (_, i) => new TestUser(a, { id: 70_000 + i, language_code: "ru" }));
    // The language goes through instance A while the role goes through instance B, at the same time.
    await Promise.all(
      users.map((u) =>
        Promise.all([
          a.send(u.updates.callback("lang:en:role")),
          b.send(u.updates.callback("role:professional")),
          b.send(u.updates.text("/start r-pavlodar")),
        ]),
      ),
    );
    for (const u of users) {
      const key = `${db.prefix}:prefs:${a.deps.pseudonym(u.updates.user.id)}`;
      const prefs = JSON.parse((await redis.get(key)) ?? "{}");
      expect(prefs).toMatchObject({ lang: "en", role: "professional", region: "pavlodar" });
    }
    expect(await redis.keys(`${db.prefix}:lock:*`)).toEqual([]); // every lock given back
  });

  it("the same update delivered to both instances (a webhook retry) is handled once", async () => {
    const a = createHarness({ redis, prefix: db.prefix });
    const b = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(a, { id: 71_000, language_code: "en" });
    const update = user.updates.text("/help");
    const [first, second] = await Promise.all([a.send(update), b.send(update)]);
    expect([...first, ...second].filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("a flooding user is slowed down politely, once, across instances", async () => {
    const a = createHarness({ redis, prefix: db.prefix });
    const b = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(a, { id: 72_000, language_code: "en" });
    const replies = [];
    for (let i = 0; i < 26; i++) replies.push(await (i % 2 ? b : a).send(user.updates.text(`hello ${i}`)));
    const texts = replies.map((calls) => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)));
    expect(texts.slice(0, 20).every((t) => t.length === 1)).toBe(true);
    expect(texts[20]![0]).toContain("writing very fast");
    expect(texts[20]![0]).toContain("112");
    expect(texts.slice(21).every((t) => t.length === 0)).toBe(true);
  });

  it("a webhook retry that comes after the user's next messages is still dropped", async () => {
    const a = createHarness({ redis, prefix: db.prefix });
    const b = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(a, { id: 73_000, language_code: "en" });
    const first = user.updates.text("/help");
    expect((await a.send(first)).filter((c) => c.method === "sendMessage")).toHaveLength(1);
    await a.send(user.updates.text("/privacy"));
    await b.send(user.updates.text("/menu"));
    expect(await b.send(first)).toEqual([]); // redelivered to the other instance: nothing sent twice
  });

  it("Redis forgetting its scripts (a restart, SCRIPT FLUSH) costs nothing but one resend", async () => {
    const a = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(a, { id: 74_000, language_code: "en" });
    await user.say("/start");
    await redis.script("FLUSH");
    const reply = await user.press("English");
    expect(reply.text).toContain("Who is writing");
    const prefs = JSON.parse((await redis.get(`${db.prefix}:prefs:${a.deps.pseudonym(74_000)}`)) ?? "{}");
    expect(prefs.lang).toBe("en");
  });
});
