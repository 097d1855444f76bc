/**
 * Every Redis key is built in one place (storage/keys.ts): the strings stay as deployments
 * stored them, the scripts' stems agree with the builders, and a scripted session (onboarding,
 * a flow, a case with the desk, /forget) writes no key the keyspace does not list, and no key
 * that names a user by anything but their pseudonym.
 */
import { describe, expect, it } from "vitest";
import { KEY_DOCS, type KeyName, keyspace } from "../../src/storage/keys.js";
import { DESK_CB } from "../../src/bot/callbacks.js";
import { staffGroup } from "../../src/testing/updates.js";
import { buttonsOf } from "../../src/testing/fake-telegram.js";
import { entriesToCsv } from "../../src/directory/edit.js";
import { repliesToCsv } from "../../src/cases/replies.js";
import { createHarness, onboard, TestUser, useTestRedis } from "../kit/harness.js";
import { resolveThrough } from "../kit/resolve.js";

const db = useTestRedis("keys");
const redis = db.redis;

/** Builders of keys, by name: every function of the keyspace but the /forget pattern. */
function builders(prefix: string): Array<[KeyName, (...args: unknown[]) => string]> {
  return Object.entries(keyspace(prefix)).filter(
    (entry): entry is [KeyName, (...args: unknown[]) => string] => typeof entry[1] === "function" && entry[0] !== "userPattern",
  );
}

/** A builder's shape as a pattern: each argument is one segment without ":", captured. */
function shapeOf(build: (...args: unknown[]) => string): RegExp {
  const markers = Array.from({ length: build.length }, (_, i) => `\u0001${i}\u0002`);
  let source = build(...markers).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const m of markers) source = source.replace(m, "([^:]+)");
  return new RegExp(`^${source}$`);
}

describe("the keyspace", () => {
  it("documents every builder (what it holds, how long, what it names)", () => {
    expect(builders("p").map(([name]) => name).sort()).toEqual(Object.keys(KEY_DOCS).sort());
    for (const doc of Object.values(KEY_DOCS)) expect(doc.holds && doc.lifetime && doc.names).toBeTruthy();
  });

  it("builds the keys deployments already hold, byte for byte, under a {hash tag} prefix", () => {
    const k = keyspace("senim:{prod}");
    expect([
      k.prefs("PSEUDO"),
      k.flow("PSEUDO"),
      k.lock("PSEUDO"),
      k.seen("PSEUDO"),
      k.rate("PSEUDO"),
      k.waiting("PSEUDO"),
      k.update(123456789),
      k.campaigns(),
      k.caseSeq(),
      k.case(42),
      k.case("42"),
      k.caseLog(42),
      k.userCase("PSEUDO"),
      k.userCases("PSEUDO"),
      k.thread(501),
      k.queue(),
      k.checkins(),
      k.blocked("PSEUDO"),
      k.staff(701),
      k.outbox(),
      k.jobSeq(),
      k.job("000000000007"),
      k.outboxLine(42, "to_user"),
      k.userPattern("PSEUDO"),
    ]).toEqual([
      "senim:{prod}:prefs:PSEUDO",
      "senim:{prod}:flow:PSEUDO",
      "senim:{prod}:lock:PSEUDO",
      "senim:{prod}:seen:PSEUDO",
      "senim:{prod}:rl:PSEUDO",
      "senim:{prod}:wait:PSEUDO",
      "senim:{prod}:upd:123456789",
      "senim:{prod}:stats:campaigns",
      "senim:{prod}:case:seq",
      "senim:{prod}:case:42",
      "senim:{prod}:case:42",
      "senim:{prod}:case:42:log",
      "senim:{prod}:ucase:PSEUDO",
      "senim:{prod}:ucases:PSEUDO",
      "senim:{prod}:thread:501",
      "senim:{prod}:queue",
      "senim:{prod}:checkins",
      "senim:{prod}:blocked:PSEUDO",
      "senim:{prod}:staff:701",
      "senim:{prod}:outbox",
      "senim:{prod}:job:seq",
      "senim:{prod}:job:000000000007",
      "senim:{prod}:outbox:line:42:to_user",
      "senim:{prod}:*PSEUDO*",
    ]);
  });

  it("gives the Lua scripts stems that agree with the builders", () => {
    const k = keyspace("senim:{prod}");
    expect(k.stems.case + "42").toBe(k.case(42));
    expect(k.stems.case + "42" + k.stems.caseLogSuffix).toBe(k.caseLog(42));
    expect(k.stems.job + "000000000007").toBe(k.job("000000000007"));
    expect(k.stems.outboxLine + "42:to_user").toBe(k.outboxLine(42, "to_user"));
  });
});

describe("a scripted session", () => {
  const STAFF = -1001234500077;
  const OPERATOR = 7_700_001; // a member of the staff group (asked once, then cached)
  const SUPERVISOR = 7_700_002;
  const USER = 8_642_097_531; // the user's Telegram id, and their private chat's
  const REGIONAL = -1001234500078; // a regional staff group (STAFF_GROUPS), for the Almaty user below
  const ALMATY_USER = 8_642_097_532;

  it("writes only keys the keyspace lists; a key that names a user names them by pseudonym", async () => {
    const prefix = db.prefix;
    const h = createHarness({ redis, prefix, operatorChatId: STAFF, desk: { supervisors: [SUPERVISOR], groups: { almaty_city: REGIONAL } } });
    const pseudonym = h.deps.pseudonym(USER);
    const almatyPseudonym = h.deps.pseudonym(ALMATY_USER);
    const staff = staffGroup(STAFF);
    const operator = { id: OPERATOR, first_name: "Aigerim", username: "aigerim_desk" }; // remembered for /transfer
    const supervisor = { id: SUPERVISOR, first_name: "Dana" };
    const user = new TestUser(h, { id: USER, language_code: "ru" });

    const written = new Set<string>();
    const snapshot = async () => {
      for (const key of await redis.keys(`${prefix}:*`)) written.add(key);
    };

    await onboard(user, "ru", "parent", "src-poster7");
    await snapshot();
    await user.press("t:care"); // a flow, left halfway
    await user.press("f:care:what:guardian");
    await snapshot();
    await user.send(user.updates.callback("m:person")); // a case, with its forum topic
    h.telegram.failNext("copyMessage", { error_code: 502, description: "Bad Gateway" });
    await user.say("мне нужна помощь"); // relayed; the first attempt fails, the job waits
    await snapshot();
    const thread = (h.telegram.calls.find((c) => c.method === "createForumTopic")!.result as { message_thread_id: number }).message_thread_id;
    await h.send(staff.text(operator, "Здравствуйте, я рядом", { thread })); // claims the case
    // Resolved through the dialogue, its state looked at halfway.
    const c = { id: 1, threadId: thread };
    await h.send(staff.callback(operator, DESK_CB.resolveMenu(c), { thread }));
    await h.send(staff.callback(operator, DESK_CB.outcome(c, "helped"), { thread }));
    await snapshot();
    await h.send(staff.callback(operator, DESK_CB.category(c, "family"), { thread }));
    await h.send(staff.callback(operator, DESK_CB.subcategory(c, "family.parents"), { thread }));
    await h.send(staff.callback(operator, DESK_CB.skipNote(c), { thread }));
    await user.send(user.updates.callback("ci:1")); // a check-in later
    await h.deps.desk!.writeFigures(); // the anonymous figures, as the outbox timer writes them
    await snapshot();
    await h.send(staff.callback(supervisor, "c:block:1"));
    await snapshot();
    // A user of a region with its own staff group: the case's topic and its operators are there.
    const almaty = new TestUser(h, { id: ALMATY_USER, language_code: "ru" });
    await onboard(almaty, "ru", "child", "r-almaty_city");
    const opened = await almaty.send(almaty.updates.callback("m:person"));
    const regionalThread = (opened.calls.find((c) => c.method === "createForumTopic" && c.payload.chat_id === REGIONAL)!.result as { message_thread_id: number }).message_thread_id;
    await h.send(staffGroup(REGIONAL).text(operator, "Привет, я здесь", { thread: regionalThread }));
    await resolveThrough(h, REGIONAL, operator, 2);
    await snapshot();
    // The supervisor replaces the help directory: the upload waits for Apply, then is the version in use.
    const entries = h.deps.editor!.directory.live.entries;
    const preview = await h.send(staff.document(supervisor, h.telegram.addFile(entriesToCsv(entries.slice(1))), "directory.csv"));
    await snapshot();
    const apply = buttonsOf(preview.find((c) => c.method === "sendMessage")!)[0]!;
    await h.send(staff.callback(supervisor, apply.callback_data!));
    await snapshot();
    // And the saved replies, the same way.
    const replies = h.deps.editor!.replies.live.entries;
    const repliesPreview = await h.send(staff.document(supervisor, h.telegram.addFile(repliesToCsv(replies.slice(1))), "replies.csv"));
    await snapshot();
    await h.send(staff.callback(supervisor, buttonsOf(repliesPreview.find((c) => c.method === "sendMessage")!)[0]!.callback_data!));
    await snapshot();

    const ofUser = [...written].filter((k) => k.includes(pseudonym));
    expect(ofUser.length).toBeGreaterThan(0);
    await user.say("/forget");
    await user.pressNth(1); // "Yes, erase everything"
    const left = await redis.keys(`${prefix}:*`);
    expect(left.filter((k) => k.includes(pseudonym))).toEqual([]);
    for (const key of left) written.add(key);

    const shapes = builders(prefix).map(([name, build]) => ({ name, shape: shapeOf(build) }));
    const used = new Set<KeyName>();
    for (const key of written) {
      const matches = shapes.flatMap(({ name, shape }) => {
        const m = shape.exec(key);
        return m ? [{ name, args: m.slice(1) }] : [];
      });
      expect(matches.map((m) => m.name), `a key the keyspace does not list: ${key}`).not.toEqual([]);
      for (const { name, args } of matches) {
        used.add(name);
        if (KEY_DOCS[name].names === "user") expect([[pseudonym], [almatyPseudonym]], key).toContainEqual(args);
        // A block outlives /forget under a one-way hash of the pseudonym, never the pseudonym.
        if (KEY_DOCS[name].names === "block mark") expect(args[0], key).toMatch(/^[0-9a-f]{32}$/);
      }
      // As a whole number: the user's Telegram id is in no key.
      expect(key).not.toMatch(new RegExp(`(?<!\\d)${USER}(?!\\d)`));
      expect(key).not.toMatch(new RegExp(`(?<!\\d)${ALMATY_USER}(?!\\d)`));
    }
    // The session reached every kind of key but the session lock and its waiting line (held only
    // during updates), and the outbox's pace (the harness's clock stands still, so it goes
    // without one: tests/cases/throttle.test.ts checks those keys expire).
    expect([...used].sort()).toEqual(
      Object.keys(KEY_DOCS)
        .filter((name) => name !== "lock" && name !== "waiting" && name !== "throttle")
        .sort(),
    );
  });
});
