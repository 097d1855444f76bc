/**
 * Figures for the people who run the service: a scripted day of cases, then /report and
 * /export from a supervisor give its figures (and a non-supervisor gets none); what Redis
 * keeps for them names nobody and holds nothing anyone wrote; small campaigns stay hidden.
 */
import { describe, expect, it } from "vitest";
import { textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";
import { kzDay, lastDays, monthDays, quantiles } from "../../src/cases/figures.js";
import { startDeskTimers } from "../../src/bot/desk/timers.js";
import { checkInMessage } from "../../src/bot/desk/render.js";
import { createI18n } from "../../src/i18n.js";

const STAFF = -1001234500077;
const SUPERVISOR = 700;
const OPERATOR = 701;
const db = useTestRedis("figures");
const redis = db.redis;
const staff = staffGroup(STAFF);
const op = (id: number) => ({ id, first_name: "Aigerim" });
const MIN = 60_000;

/** A Monday morning in Almaty (10:00 Kazakhstan time), on a clock the test moves. */
function scriptedHarness() {
  let clock = new Date("2026-03-02T05:00:00Z").getTime();
  const h = createHarness({ redis, prefix: db.prefix, operatorChatId: STAFF, desk: { supervisors: [SUPERVISOR] }, now: () => new Date(clock) });
  return { h, advance: (ms: number) => (clock += ms) };
}

function threadOf(calls: Array<{ method: string; result?: unknown }>): number {
  return (calls.find((c) => c.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
}

async function scriptedDay() {
  const { h, advance } = scriptedHarness();
  // 1: a child from a Shymkent school poster asks for a person from the menu.
  const child = new TestUser(h, { id: 9101, language_code: "kk" });
  await onboard(child, "kk", "child", "r-shymkent_src-school-7");
  const first = await child.press("m:person");
  const thread1 = threadOf(first.calls);
  // 2: a teenager in crisis presses "talk to a person now" under the crisis reply.
  const teen = new TestUser(h, { id: 9102, language_code: "ru" });
  await onboard(teen, "ru", "child");
  await teen.say("я больше не хочу жить, сегодня всё закончу");
  const second = await teen.press("m:person:now");
  const thread2 = threadOf(second.calls);

  advance(3 * MIN);
  await h.send(staff.callback(op(OPERATOR), "c:claim:2")); // emergency claimed after 3 min
  advance(2 * MIN);
  await h.send(staff.text(op(OPERATOR), "Я здесь. Ты сейчас в безопасности?", { thread: thread2 })); // first reply: 5 min
  advance(1 * MIN);
  await h.send(staff.text(op(OPERATOR), "Я рядом.", { thread: thread2 })); // not a first reply
  await h.send(staff.text(op(OPERATOR), "Сәлем, мен осындамын.", { thread: thread1 })); // claims #1 and replies: 6 min
  advance(24 * MIN);
  await resolveThrough(h, STAFF, op(OPERATOR), 2, { category: "mental_health.suicidal" }); // #2 resolved after 30 min
  await teen.send(teen.updates.callback("rate:2:5"));
  await teen.send(teen.updates.callback("ci:2"));
  advance(10 * MIN);
  await resolveThrough(h, STAFF, op(OPERATOR), 1, { outcome: "referred", category: "bullying.school" }); // #1 resolved after 40 min
  return { h, advance };
}

describe("/report and /export", () => {
  it("a supervisor gets the figures of a scripted day in the staff language", async () => {
    const { h } = await scriptedDay();
    const calls = await h.send(staff.text(op(SUPERVISOR), "/report today"));
    const report = textOf(calls.find((c) => c.method === "sendMessage")!);
    if (process.env.SHOW_REPORT) console.log(report);
    expect(report).toContain("Figures for 2026-03-02 – 2026-03-02");
    expect(report).toContain("Cases opened: 2");
    expect(report).toMatch(/By risk: (emergency 1 · no risk signs 1|no risk signs 1 · emergency 1)/);
    expect(report).toMatch(/How they began: (crisis message 1 · menu or button 1|menu or button 1 · crisis message 1)/);
    expect(report).toContain("Shymkent");
    expect(report).toMatch(/Languages: (kk 1 · ru 1|ru 1 · kk 1)/);
    expect(report).toContain("Who wrote: child / teen 2");
    expect(report).toContain("🔴 emergency: claimed 3 / 3 (1) · first reply 5 / 5 (1) · resolved 30 / 30 (1)");
    expect(report).toContain("⚪ no risk signs: claimed 6 / 6 (1) · first reply 6 / 6 (1) · resolved 40 / 40 (1)");
    expect(report).toMatch(/Outcomes: (Helped 1 · Referred to a service 1|Referred to a service 1 · Helped 1)/);
    expect(report).toContain("Categories of resolved cases: Bullying 1 · Mental health 1");
    expect(report).toContain("In detail: Bullying › At school 1 · Mental health › Suicidal thoughts or attempt 1");
    expect(report).toContain("Ratings: 5⭐ 1 · average 5");
    expect(report).toContain("Check-ins: offered 2 · accepted 1 · sent 0 · answered 0");
    // One user from the poster: under the threshold, its tag is not shown.
    expect(report).not.toContain("school-7");
    expect(report).toContain("tags under 10: 1");

    const exported = await h.send(staff.text(op(SUPERVISOR), "/export 2026-03"));
    const doc = exported.find((c) => c.method === "sendDocument")!;
    expect(doc.payload.chat_id).toBe(STAFF);
    const file = Object.values(doc.payload).find((v): v is { filename: string; text: string } => typeof v === "object" && v !== null && "text" in v)!;
    expect(file.filename).toBe("senim-figures-2026-03.csv");
    const rows = file.text.trim().split("\n");
    expect(rows[0]).toBe("section,name,value");
    expect(rows).toEqual(
      expect.arrayContaining([
        "period,from,2026-03-01",
        "period,to,2026-03-02",
        "opened,total,2",
        "opened_by_region,shymkent,1",
        "minutes_to_claim,emergency_median,3",
        "minutes_to_reply,none_p90,6",
        "outcome,helped,1",
        "reason,bullying,1",
        "reason_detail,mental_health.suicidal,1",
        "rating,5,1",
        "checkin,accepted,1",
        "campaign,hidden_under_10,1",
      ]),
    );
    expect(file.text).not.toContain("school-7");
  });

  it("someone who is not a supervisor gets no figures", async () => {
    const { h } = await scriptedDay();
    for (const command of ["/report", "/report week", "/export"]) {
      const calls = await h.send(staff.text(op(OPERATOR), command));
      expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
      expect(textOf(calls[0]!)).toContain("for supervisors");
      expect(textOf(calls[0]!)).not.toContain("Cases opened");
    }
    // And outside the staff group nobody gets a figure either.
    const stranger = new TestUser(h, { id: SUPERVISOR, language_code: "en" });
    expect((await stranger.say("/report")).text).not.toContain("Cases opened");
  });

  it("the desk's timer writes the aggregates; they hold no id and no text, and outlive the cases", async () => {
    const { h } = await scriptedDay();
    const day = `${db.prefix}:stats:day:2026-03-02`;
    // Gathered in the process (no update waits for them) until the outbox timer writes them.
    const stop = startDeskTimers(h.deps.desk!, h.deps.i18n, h.deps.logger, { flushMs: 20, sweepMs: 60_000 });
    await expect.poll(async () => (await redis.hget(day, "opened")) ?? "0", { timeout: 5_000 }).toBe("2");
    stop();
    const keys = await redis.keys(`${db.prefix}:stats:*`);
    expect(keys).toContain(day);
    const fields = Object.keys(await redis.hgetall(day));
    expect(fields.length).toBeGreaterThan(10);
    const pseudonyms = [9101, 9102].map((id) => h.deps.pseudonym(id));
    for (const field of fields) {
      // A counter's name is words of a fixed vocabulary and a number of minutes.
      expect(field).toMatch(
        /^(opened|opened\.(risk|region|topic|lang|role|via)\.[a-z_-]+|wait\.(claim|reply|resolve)\.[a-z]+\.\d+|outcome\.[a-z_]+|category\.[a-z_-]+|reason\.[a-z_]+|subreason\.[a-z_]+\.[a-z_]+|rating\.[1-5]|checkin\.[a-z]+|campaign\.[a-z0-9-]+)$/,
      );
      for (const secret of ["9101", "9102", String(STAFF), String(OPERATOR), "жить", "здесь", ...pseudonyms]) expect(field).not.toContain(secret);
    }
    const ttl = await redis.ttl(day);
    expect(ttl).toBeGreaterThan(300 * 86_400); // kept far past the 30-day case retention
    // Every stats key expires except the bounded, anonymous campaign totals.
    for (const key of keys.filter((k) => !k.endsWith(":stats:campaigns"))) expect(await redis.ttl(key), key).toBeGreaterThan(0);
  });
});

describe("check-ins", () => {
  it("sent and answered ('I'm okay', or writing back) are counted on the day they happen", async () => {
    const { h, advance } = await scriptedDay(); // the teen accepted a check-in after case #2
    advance(3 * 86_400_000); // Thursday, 10:40 in Almaty: the check-in is due
    expect(await h.deps.desk!.sendCheckIns(checkInMessage(createI18n()))).toBe(1);
    const teen = new TestUser(h, { id: 9102, language_code: "ru" });
    await teen.send(teen.updates.callback("ci:ok:2"));
    // A forged "I'm okay" for someone else's case counts nothing.
    const stranger = new TestUser(h, { id: 9999, language_code: "ru" });
    await stranger.send(stranger.updates.callback("ci:ok:2"));
    const report = textOf((await h.send(staff.text(op(SUPERVISOR), "/report"))).find((c) => c.method === "sendMessage")!);
    expect(report).toContain("Figures for 2026-03-05 – 2026-03-05");
    expect(report).toContain("Check-ins: offered 0 · accepted 0 · sent 1 · answered 1");
  });
});

describe("campaigns", () => {
  it("a tag is shown only from 10 users; smaller ones are hidden", async () => {
    const { h } = scriptedHarness();
    for (let i = 0; i < 12; i++) await new TestUser(h, { id: 9200 + i, language_code: "ru" }).say("/start r-almaty_city_src-school-big");
    for (let i = 0; i < 9; i++) await new TestUser(h, { id: 9300 + i, language_code: "ru" }).say("/start src-school-small");
    const report = textOf((await h.send(staff.text(op(SUPERVISOR), "/report week"))).find((c) => c.method === "sendMessage")!);
    expect(report).toContain("Posters (shown from 10 people): school-big 12");
    expect(report).not.toContain("school-small");
    expect(report).toContain("tags under 10: 1");
  });
});

describe("the arithmetic", () => {
  it("median and 90th percentile of a histogram of minutes", () => {
    expect(quantiles([[1, 1]])).toEqual({ count: 1, median: 1, p90: 1 });
    // 10 cases: 1..10 minutes.
    expect(quantiles(Array.from({ length: 10 }, (_, i) => [i + 1, 1] as [number, number]))).toEqual({ count: 10, median: 5, p90: 9 });
    expect(quantiles([[30, 1], [2, 8], [5, 1]])).toEqual({ count: 10, median: 2, p90: 5 });
  });

  it("days are Kazakhstan days; a month is its days up to today", () => {
    expect(kzDay(Date.parse("2026-03-01T19:30:00Z"))).toBe("2026-03-02"); // 00:30 in Almaty
    expect(lastDays(3, Date.parse("2026-03-02T05:00:00Z"))).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(monthDays("2026-02", Date.parse("2026-03-02T05:00:00Z"))).toHaveLength(28);
    expect(monthDays("2026-03", Date.parse("2026-03-02T05:00:00Z"))).toEqual(["2026-03-01", "2026-03-02"]);
    expect(monthDays("2026-13", Date.now())).toBeUndefined();
  });
});
