/**
 * Callback data of every button: what the bot builds parses back to the same thing and fits
 * Telegram's 64 bytes, data the bot never makes parses to nothing (or, for a button naming a
 * value the bot no longer has, to a press its handler answers as stale), the data of buttons
 * already in users' chats stays byte for byte the same, and no file of the bot but
 * callbacks.ts spells callback data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CASE_CB,
  DESK_CB,
  FLOW_CB,
  FORGET_CB,
  MENU_CB,
  NEAR_CB,
  parseCaseCallback,
  parseDeskCallback,
  parseFlowCallback,
  parseForgetCallback,
  parseSafeCallback,
  SAFE_CB,
  parseMenuCallback,
  parseNearCallback,
} from "../../src/bot/callbacks.js";
import { OUTCOMES } from "../../src/cases/types.js";
import { CATEGORIES, CATEGORY_TOPS, categoryCode } from "../../src/cases/categories.js";

/** The ids of the shipped saved replies (data/replies.csv). */
const REPLY_IDS = ["greeting", "safe", "referral", "closing"] as const;
import { LANGS, ROLES, TOPICS } from "../../src/domain.js";
import { FLOWS } from "../../src/flows/topics/index.js";

const caseId = fc.integer({ min: 1, max: 999_999_999 });
const REGION_CODES: string[] = JSON.parse(readFileSync("data/regions.json", "utf8")).regions.map((r: { code: string }) => r.code);

/** Telegram refuses a button whose callback data is longer than 64 bytes. */
function expectFits(data: string): void {
  expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
}

describe("staff buttons", () => {
  it("every button the bot builds parses back", () => {
    fc.assert(
      fc.property(caseId, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...OUTCOMES), fc.constantFrom(...REPLY_IDS), fc.nat({ max: 999_999 }), fc.nat({ max: 2 ** 24 - 1 }), (id, thread, outcome, template, version, chosen) => {
        const c = { id, threadId: thread === 0 ? undefined : thread };
        const at = { caseId: id, thread };
        expect(parseDeskCallback(DESK_CB.claim(c))).toEqual({ action: "claim", ...at });
        expect(parseDeskCallback(DESK_CB.resolveMenu(c))).toEqual({ action: "resolveMenu", ...at });
        expect(parseDeskCallback(DESK_CB.release(c))).toEqual({ action: "release", ...at });
        expect(parseDeskCallback(DESK_CB.block(c))).toEqual({ action: "block", ...at });
        expect(parseDeskCallback(DESK_CB.back(c))).toEqual({ action: "back", ...at });
        expect(parseDeskCallback(DESK_CB.outcome(c, outcome))).toEqual({ action: "outcome", ...at, outcome });
        expect(parseDeskCallback(DESK_CB.template(c, template))).toEqual({ action: "template", ...at, template });
        expect(parseDeskCallback(DESK_CB.replies(c))).toEqual({ action: "replies", ...at });
        expect(parseDeskCallback(DESK_CB.pick(c, version, chosen))).toEqual({ action: "pick", ...at, picked: { version, chosen } });
        expect(parseDeskCallback(DESK_CB.sendReplies(c, version, chosen))).toEqual({ action: "sendReplies", ...at, picked: { version, chosen } });
        // The resolve dialogue's buttons.
        for (const top of CATEGORY_TOPS) {
          expect(parseDeskCallback(DESK_CB.category(c, top))).toEqual({ action: "category", ...at, top });
          for (const sub of CATEGORIES[top]) {
            const code = categoryCode(top, sub)!;
            const data = DESK_CB.subcategory(c, code);
            expect(parseDeskCallback(data)).toEqual({ action: "subcategory", ...at, category: code });
            expect(data.length).toBeLessThanOrEqual(64);
          }
        }
        expect(parseDeskCallback(DESK_CB.stepBack(c))).toEqual({ action: "stepBack", ...at });
        expect(parseDeskCallback(DESK_CB.skipNote(c))).toEqual({ action: "skipNote", ...at });
        expect(parseDeskCallback(DESK_CB.cancel(c))).toEqual({ action: "cancel", ...at });
        // Buttons made before they named their topic still parse (without it).
        expect(parseDeskCallback(`c:claim:${id}`)).toEqual({ action: "claim", caseId: id });
        for (const data of [DESK_CB.claim(c), DESK_CB.outcome(c, outcome), DESK_CB.template(c, template), DESK_CB.sendReplies(c, version, chosen)]) {
          expect(data.length).toBeLessThanOrEqual(64); // Telegram's limit for callback data
        }
      }),
    );
  });

  it("an unknown outcome or saved reply is a press that does nothing; other data is not a staff button", () => {
    expect(parseDeskCallback("c:out:1:bribed")).toEqual({ action: "outcome", caseId: 1, outcome: undefined });
    expect(parseDeskCallback("c:tpl:1:9lives")).toEqual({ action: "template", caseId: 1, template: undefined });
    expect(parseDeskCallback("c:rps:1:x.1")).toEqual({ action: "sendReplies", caseId: 1, picked: undefined });
    // A category the service does not have, or a subcategory of another category: nothing to choose.
    expect(parseDeskCallback("c:cat:1:gossip")).toEqual({ action: "category", caseId: 1, top: undefined });
    expect(parseDeskCallback("c:sub:1:family:physical")).toEqual({ action: "subcategory", caseId: 1, category: undefined });
    expect(parseDeskCallback("c:out:1:helped:extra")).toBeUndefined();
    for (const data of ["c:claim:", "c:claim:x", "c:claim:1234567890", "c:eat:1", "c:out:1:Helped", "c:claim:1:", "rate:1:5", ""]) {
      expect(parseDeskCallback(data)).toBeUndefined();
    }
  });
});

describe("the user's case buttons", () => {
  it("every button the bot builds parses back", () => {
    fc.assert(
      fc.property(caseId, fc.integer({ min: 1, max: 5 }), (id, stars) => {
        expect(parseCaseCallback(CASE_CB.rate(id, stars))).toEqual({ kind: "rate", caseId: id, stars });
        expect(parseCaseCallback(CASE_CB.checkIn(id))).toEqual({ kind: "checkIn", caseId: id });
        expect(parseCaseCallback(CASE_CB.checkInOk(id))).toEqual({ kind: "checkInOk", caseId: id });
      }),
    );
  });

  it("ratings outside 1–5 and malformed data are not case buttons", () => {
    for (const data of ["rate:1:0", "rate:1:6", "rate:1:", "rate::3", "ci:", "ci:ok:", "ci:ok", "ci:1:ok", "c:claim:1", "m:person"]) {
      expect(parseCaseCallback(data)).toBeUndefined();
    }
  });
});

describe("menu and settings buttons", () => {
  it("every button the bot builds parses back and fits", () => {
    const built: Array<[string, unknown]> = [
      ...LANGS.flatMap((lang) => (["role", "menu"] as const).map((then): [string, unknown] => [MENU_CB.lang(lang, then), { kind: "lang", lang, then }])),
      ...ROLES.map((role): [string, unknown] => [MENU_CB.role(role), { kind: "role", role }]),
      ...TOPICS.map((topic): [string, unknown] => [MENU_CB.topic(topic), { kind: "topic", topic }]),
      ...(["menu", "person", "personNow", "near", "language", "privacy"] as const).map((kind): [string, unknown] => [MENU_CB[kind], { kind }]),
    ];
    for (const [data, parsed] of built) {
      expect(parseMenuCallback(data)).toEqual(parsed);
      expectFits(data);
    }
  });

  it("the data of buttons already in users' chats is unchanged", () => {
    expect([MENU_CB.lang("ru", "role"), MENU_CB.lang("kk", "menu"), MENU_CB.role("parent"), MENU_CB.topic("feeling_bad")]).toEqual(["lang:ru:role", "lang:kk:menu", "role:parent", "t:feeling_bad"]);
    expect([MENU_CB.menu, MENU_CB.person, MENU_CB.personNow, MENU_CB.near, MENU_CB.language, MENU_CB.privacy]).toEqual(["m:menu", "m:person", "m:person:now", "m:near", "m:lang", "m:privacy"]);
  });

  it("a language, role or topic the bot does not have is a stale button; malformed data is none", () => {
    expect(parseMenuCallback("lang:de:menu")).toEqual({ kind: "lang", lang: undefined, then: "menu" });
    expect(parseMenuCallback("role:admin")).toEqual({ kind: "role", role: undefined });
    expect(parseMenuCallback("t:weather")).toEqual({ kind: "topic", topic: undefined });
    for (const data of ["lang:ru:start", "lang:rus:role", "lang:ru", "role:", "role:Parent", "t:", "t:Danger", "m:", "m:menu:x", "m:person:later", "M:menu", "f:menu", ""]) {
      expect(parseMenuCallback(data)).toBeUndefined();
    }
  });
});

describe("flow buttons", () => {
  it("every answer of every flow, every region and page parses back and fits", () => {
    for (const def of Object.values(FLOWS)) {
      const topic = def.topic;
      for (const q of def.questions) {
        for (const o of q.options) {
          const data = FLOW_CB.answer(topic, q.id, o.id);
          expect(parseFlowCallback(data)).toEqual({ kind: "answer", topic, question: q.id, option: o.id });
          expectFits(data);
        }
      }
      for (const code of [...REGION_CODES, null]) {
        expect(parseFlowCallback(FLOW_CB.region(topic, code))).toEqual({ kind: "region", topic, code });
        expectFits(FLOW_CB.region(topic, code));
      }
      for (const page of [0, 1, 9]) expect(parseFlowCallback(FLOW_CB.regionPage(topic, page))).toEqual({ kind: "page", topic, page });
    }
    for (const kind of ["back", "resume", "menu", "cancel"] as const) expect(parseFlowCallback(FLOW_CB[kind])).toEqual({ kind });
  });

  it("any question and option ids within the flows' limits parse back and fit", () => {
    const id = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
    fc.assert(
      fc.property(fc.constantFrom(...TOPICS), id.filter((q) => q !== "region" && q !== "rpage"), id, (topic, question, option) => {
        const data = FLOW_CB.answer(topic, question, option);
        expect(parseFlowCallback(data)).toEqual({ kind: "answer", topic, question, option });
        expectFits(data);
      }),
    );
  });

  it("the data of buttons already in users' chats is unchanged", () => {
    expect([FLOW_CB.answer("bullying", "who", "me"), FLOW_CB.region("care", "almaty_city"), FLOW_CB.region("care", null), FLOW_CB.regionPage("care", 1)]).toEqual([
      "f:bullying:who:me",
      "f:care:region:almaty_city",
      "f:care:region:-",
      "f:care:rpage:1",
    ]);
    expect([FLOW_CB.back, FLOW_CB.resume, FLOW_CB.menu, FLOW_CB.cancel]).toEqual(["f:back", "f:resume", "f:menu", "f:cancel"]);
  });

  it("a page that is no number is the first page; unknown topics and malformed data are none", () => {
    expect(parseFlowCallback("f:care:rpage:x")).toEqual({ kind: "page", topic: "care", page: 0 });
    for (const data of ["f:weather:who:me", "f:bullying:who:", "f:bullying:who:ME", "f:bullying:who:me:x", "f:bullying", "f:", "f:stop", "f:back:x", "t:bullying", ""]) {
      expect(parseFlowCallback(data)).toBeUndefined();
    }
  });
});

describe("\"Find help near me\" buttons", () => {
  it("every button the bot builds parses back and fits", () => {
    for (const code of REGION_CODES) {
      expect(parseNearCallback(NEAR_CB.region(code))).toEqual({ kind: "region", code });
      expectFits(NEAR_CB.region(code));
    }
    for (const page of [0, 1, 99]) expect(parseNearCallback(NEAR_CB.page(page))).toEqual({ kind: "page", page });
    for (const topic of TOPICS) {
      expect(parseNearCallback(NEAR_CB.topic(topic))).toEqual({ kind: "topic", topic });
      expectFits(NEAR_CB.topic(topic));
    }
    expect(parseNearCallback(NEAR_CB.change)).toEqual({ kind: "change" });
  });

  it("the data of buttons already in users' chats is unchanged", () => {
    expect([NEAR_CB.region("astana"), NEAR_CB.page(1), NEAR_CB.topic("rights"), NEAR_CB.change]).toEqual(["near:r:astana", "near:p:1", "near:t:rights", "near:change"]);
  });

  it("an unknown topic is a stale button; malformed data is none", () => {
    expect(parseNearCallback("near:t:weather")).toEqual({ kind: "topic", topic: undefined });
    for (const data of ["near:r:a", "near:r:Astana", "near:p:100", "near:p:", "near:p:-1", "near:t:", "near:x", "near:change:1", "m:near", ""]) {
      expect(parseNearCallback(data)).toBeUndefined();
    }
  });
});

describe("/forget buttons", () => {
  it("parse back, stay the same, and nothing else is one", () => {
    expect([FORGET_CB.yes(29_000_000), FORGET_CB.no]).toEqual(["forget:yes:29000000", "forget:no"]);
    expect(parseForgetCallback(FORGET_CB.yes(29_000_000))).toEqual({ kind: "yes", minute: 29_000_000 });
    // A "Yes" from before the stamp still parses, as never fresh.
    expect(parseForgetCallback("forget:yes")).toEqual({ kind: "yes", minute: 0 });
    expect(parseForgetCallback(FORGET_CB.no)).toEqual({ kind: "no" });
    for (const data of ["forget:", "forget:maybe", "forget:yes:x", "forget:yes:12345678901", "yes", ""]) expect(parseForgetCallback(data)).toBeUndefined();
  });
});

describe("'Are you safe?' buttons", () => {
  it("parse back and nothing else is one", () => {
    expect(Object.values(SAFE_CB).map(parseSafeCallback)).toEqual([{ kind: "yes" }, { kind: "no" }, { kind: "person" }]);
    for (const data of ["safe:", "safe:maybe", "yes", ""]) expect(parseSafeCallback(data)).toBeUndefined();
  });
});

/** One button of each shape the bot builds, by section. */
const SAMPLES: Record<string, string[]> = {
  desk: [{ id: 7, threadId: 42 }, { id: 7 }].flatMap((c) => [DESK_CB.claim(c), DESK_CB.resolveMenu(c), DESK_CB.outcome(c, OUTCOMES[0]), DESK_CB.release(c), DESK_CB.block(c), DESK_CB.template(c, REPLY_IDS[0]), DESK_CB.replies(c), DESK_CB.pick(c, 3, 5), DESK_CB.sendReplies(c, 3, 5), DESK_CB.back(c)]),
  case: [CASE_CB.rate(7, 5), CASE_CB.checkIn(7), CASE_CB.checkInOk(7)],
  menu: [MENU_CB.lang("kk", "role"), MENU_CB.role("child"), MENU_CB.topic("danger"), MENU_CB.menu, MENU_CB.person, MENU_CB.personNow, MENU_CB.near, MENU_CB.language, MENU_CB.privacy, MENU_CB.hide],
  flow: [FLOW_CB.answer("danger", "now", "yes"), FLOW_CB.region("danger", "astana"), FLOW_CB.region("danger", null), FLOW_CB.regionPage("danger", 1), FLOW_CB.back, FLOW_CB.resume, FLOW_CB.menu, FLOW_CB.cancel],
  near: [NEAR_CB.region("astana"), NEAR_CB.page(1), NEAR_CB.topic("danger"), NEAR_CB.change],
  forget: [FORGET_CB.yes(29_000_000), FORGET_CB.no],
  safe: [SAFE_CB.yes, SAFE_CB.no, SAFE_CB.person],
};
const PARSERS: Record<string, (data: string) => unknown> = {
  desk: parseDeskCallback,
  case: parseCaseCallback,
  menu: parseMenuCallback,
  flow: parseFlowCallback,
  near: parseNearCallback,
  forget: parseForgetCallback,
  safe: parseSafeCallback,
};

describe("one place for callback data", () => {
  it("each section's parser takes its own buttons and no other section's", () => {
    for (const [section, parse] of Object.entries(PARSERS)) {
      for (const [other, samples] of Object.entries(SAMPLES)) {
        for (const data of samples) {
          if (other === section) expect(parse(data), data).toBeDefined();
          else expect(parse(data), `${section} parser on ${data}`).toBeUndefined();
        }
      }
    }
  });

  it("no file of the bot but callbacks.ts spells callback data or matches it with a regex or literal", () => {
    const prefixes = [...new Set(Object.values(SAMPLES).flatMap((samples) => samples.map((data) => data.split(":")[0]!)))];
    // A quoted string or a regex that starts with one of the prefixes and a colon: "m:…", `f:${…}`, /^near:…/.
    const spelled = new RegExp(`(["'\`]|/\\^?)(${prefixes.join("|")}):`);
    // A handler matched on a literal or a regex instead of data from callbacks.ts.
    const literalTrigger = /callbackQuery\(\s*\[?\s*["'`/]/;
    const files = (readdirSync("src/bot", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => join("src/bot", f));
    const callbacks = join("src/bot", "callbacks.ts");
    expect(files).toContain(callbacks);
    expect(readFileSync(callbacks, "utf8")).toMatch(spelled); // the scan would see data if it were there
    const offenders = files
      .filter((f) => f !== callbacks)
      .filter((f) => {
        // Comments may name a command ("/forget: …"); code may not name data.
        const source = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "");
        return spelled.test(source) || literalTrigger.test(source);
      });
    expect(offenders).toEqual([]);
  });
});
