/**
 * "Find help near me" through the bot: a shared location in Shymkent lists Shymkent's
 * services first, with distances; the region picker pages through all 20; the region is
 * remembered and can be changed.
 */
import { describe, expect, it } from "vitest";
import { TestUser, createHarness, useTestRedis } from "../kit/harness.js";

const db = useTestRedis("near");
const redis = db.redis;

describe("find help near me", () => {
  it("a location shared in Shymkent lists Shymkent services before national ones", async () => {
    const h = createHarness({ redis, prefix: db.prefix, now: () => new Date("2026-03-04T06:00:00Z") });
    const user = new TestUser(h, { id: 4401, language_code: "en" });
    const ask = await user.send(user.updates.callback("m:near"));
    const share = ask.messages.find((m) => JSON.stringify(m.payload.reply_markup).includes("request_location"));
    expect(share).toBeDefined();
    expect(ask.buttonData.filter((d) => d.startsWith("near:r:"))).toHaveLength(10);

    const located = await user.send(user.updates.location(42.3417, 69.5901)); // Shymkent centre
    // The region found is confirmed by the user before it is kept.
    expect(located.text).toContain("The location you sent is in Shymkent (city). Is that right?");
    expect(located.buttonData).toEqual(["near:c:shymkent", "near:change"]);
    const confirmed = await user.send(user.updates.callback("near:c:shymkent"));
    expect(confirmed.text).toContain("Region: Shymkent");
    expect(confirmed.messages[0]!.payload.reply_markup).toEqual({ remove_keyboard: true });
    const cards = await user.send(user.updates.callback("near:t:family"));
    const text = cards.text;
    const shymkent = text.indexOf("Shymkent");
    const national = text.indexOf("111");
    expect(shymkent).toBeGreaterThan(-1);
    expect(national).toBeGreaterThan(shymkent);
    // Shymkent's centres have no address in the directory: no distance that would read as theirs.
    expect(text).not.toMatch(/\d+(\.\d)? km/);
    const prefs = JSON.parse((await redis.get(`${db.prefix}:prefs:${h.deps.pseudonym(4401)}`))!);
    expect(prefs.region).toBe("shymkent");
    // the location itself is kept rounded, with the short-lived flow state only
    const flow = (await redis.get(`${db.prefix}:flow:${h.deps.pseudonym(4401)}`))!;
    expect(flow).toContain("42.34");
    expect(flow).not.toContain("42.3417");
  });

  it("the region picker pages through all twenty and the choice can be changed", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4402, language_code: "ru" });
    await user.send(user.updates.callback("m:near"));
    const page2 = await user.send(user.updates.callback("near:p:1"));
    const regions = page2.calls.find((c) => c.method === "editMessageReplyMarkup")!;
    expect(JSON.stringify(regions.payload)).toContain("near:r:karaganda");
    const chosen = await user.send(user.updates.callback("near:r:karaganda"));
    expect(chosen.text).toContain("Карагандинская область");
    expect(chosen.buttonData).toContain("near:change");
    const change = await user.send(user.updates.callback("near:change"));
    expect(change.buttonData.filter((d) => d.startsWith("near:r:")).length).toBe(10);
  });

  it("a location outside Kazakhstan is said so, and the picker offered", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4403, language_code: "kk" });
    const reply = await user.send(user.updates.location(55.75, 37.62)); // Moscow
    expect(reply.text).toContain("Қазақстаннан тыс");
  });

  it.each([
    ["Kaskelen", 43.2, 76.62, "Almaty Region"],
    ["Talgar", 43.3, 77.24, "Almaty Region"],
    ["Saryagash", 41.45, 69.17, "Turkistan Region"],
  ] as const)("a location shared in %s is placed in %s, which the user confirms or changes", async (_place, lat, lon, name) => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4410 + Math.round(lat * 10), language_code: "en" });
    await user.send(user.updates.callback("m:near"));
    const located = await user.send(user.updates.location(lat, lon));
    expect(located.text).toContain(`The location you sent is in ${name}. Is that right?`);
    const other = await user.send(user.updates.callback("near:change"));
    expect(other.buttonData.filter((d) => d.startsWith("near:r:"))).toHaveLength(10);
  });

  it("a location shared in Tashkent is outside Kazakhstan: the user is asked to choose a region", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4499, language_code: "ru" });
    await user.send(user.updates.callback("m:near"));
    const located = await user.send(user.updates.location(41.31, 69.28));
    expect(located.text).toContain("за пределами Казахстана");
    expect(located.buttonData.filter((d) => d.startsWith("near:r:"))).toHaveLength(10);
  });
});
