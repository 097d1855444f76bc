/**
 * Callback data of the case buttons: what the bot builds parses back to the same thing, and
 * data the bot never makes parses to nothing (or, for a staff button naming an unknown
 * outcome or saved reply, to a press that does nothing).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_CB, DESK_CB, parseCaseCallback, parseDeskCallback } from "../../src/bot/callbacks.js";
import { OUTCOMES, TEMPLATES } from "../../src/cases/types.js";

const caseId = fc.integer({ min: 1, max: 999_999_999 });

describe("staff buttons", () => {
  it("every button the bot builds parses back", () => {
    fc.assert(
      fc.property(caseId, fc.constantFrom(...OUTCOMES), fc.constantFrom(...TEMPLATES), (id, outcome, template) => {
        expect(parseDeskCallback(DESK_CB.claim(id))).toEqual({ action: "claim", caseId: id });
        expect(parseDeskCallback(DESK_CB.resolveMenu(id))).toEqual({ action: "resolveMenu", caseId: id });
        expect(parseDeskCallback(DESK_CB.release(id))).toEqual({ action: "release", caseId: id });
        expect(parseDeskCallback(DESK_CB.block(id))).toEqual({ action: "block", caseId: id });
        expect(parseDeskCallback(DESK_CB.back(id))).toEqual({ action: "back", caseId: id });
        expect(parseDeskCallback(DESK_CB.outcome(id, outcome))).toEqual({ action: "outcome", caseId: id, outcome });
        expect(parseDeskCallback(DESK_CB.template(id, template))).toEqual({ action: "template", caseId: id, template });
        for (const data of [DESK_CB.claim(id), DESK_CB.outcome(id, outcome), DESK_CB.template(id, template)]) {
          expect(data.length).toBeLessThanOrEqual(64); // Telegram's limit for callback data
        }
      }),
    );
  });

  it("an unknown outcome or saved reply is a press that does nothing; other data is not a staff button", () => {
    expect(parseDeskCallback("c:out:1:bribed")).toEqual({ action: "outcome", caseId: 1, outcome: undefined });
    expect(parseDeskCallback("c:tpl:1:insult")).toEqual({ action: "template", caseId: 1, template: undefined });
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
