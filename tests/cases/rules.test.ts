/**
 * The case rules on their own (src/cases/rules.ts): no Redis, no Telegram.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { higherRisk, isRisk, RISK_RANK, RISKS, riskAtLeast, type Risk } from "../../src/domain.js";
import {
  canReopen,
  CHECK_IN_ANSWER_MS,
  checkInFits,
  checkInTime,
  dueRaise,
  duty,
  isCheckInHour,
  limitFor,
  openingRisk,
  raisesRisk,
} from "../../src/cases/rules.js";
import type { Case } from "../../src/cases/types.js";
import { DEFAULT_WAIT_LIMITS } from "../../src/config.js";
import { parseHoursSpec } from "../../src/directory/hours.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse("2026-03-02T10:00:00Z"); // Monday 15:00 in Kazakhstan

function aCase(over: Partial<Case> = {}): Case {
  return { id: 1, user: "u", chatId: 1, lang: "en", risk: "none", summary: "", status: "open", openedAt: T0, waitingSince: T0, raised: 0, ...over };
}
const resolvedAt = (at: number, over: Partial<Case> = {}) => aCase({ status: "resolved", resolvedAt: at, ...over });
const risk = fc.constantFrom(...RISKS);

describe("the one risk scale", () => {
  it("orders none < moderate < high < emergency, and RISKS follows it", () => {
    expect(RISKS.map((r) => RISK_RANK[r])).toEqual([0, 1, 2, 3]);
    expect(riskAtLeast("emergency", "high")).toBe(true);
    expect(riskAtLeast("moderate", "high")).toBe(false);
    expect(isRisk("high")).toBe(true);
    expect(isRisk("urgent")).toBe(false);
    expect(isRisk(undefined)).toBe(false);
  });

  it("higherRisk is the graver of two, whatever the order", () => {
    fc.assert(
      fc.property(risk, risk, (a, b) => {
        const h = higherRisk(a, b);
        expect(h).toBe(higherRisk(b, a));
        expect(riskAtLeast(h, a) && riskAtLeast(h, b)).toBe(true);
      }),
    );
  });
});

describe("opening and raising the risk", () => {
  it("a case opens with what the user wrote or what they asked for, whichever is graver", () => {
    expect(openingRisk(undefined, "none")).toBe("none");
    expect(openingRisk(undefined, "emergency")).toBe("emergency");
    expect(openingRisk("high", "none")).toBe("high");
    expect(openingRisk("moderate", "emergency")).toBe("emergency");
  });

  it("only a graver message raises a case", () => {
    expect(raisesRisk("none", "moderate")).toBe(true);
    expect(raisesRisk("high", "emergency")).toBe(true);
    expect(raisesRisk("high", "high")).toBe(false);
    expect(raisesRisk("emergency", "none")).toBe(false);
    fc.assert(fc.property(risk, risk, (a, b) => raisesRisk(a, b) === RISK_RANK[b] > RISK_RANK[a]));
  });
});

describe("reopening", () => {
  const policy = { reopenWindowMs: 72 * HOUR };

  it("a resolved case reopens within the window, not after", () => {
    expect(canReopen(resolvedAt(T0), T0 + 72 * HOUR, policy)).toBe(true);
    expect(canReopen(resolvedAt(T0), T0 + 72 * HOUR + 1, policy)).toBe(false);
  });

  it("an answer to a check-in reopens it past the window, until reopenUntil", () => {
    const c = resolvedAt(T0, { reopenUntil: T0 + 5 * DAY });
    expect(canReopen(c, T0 + 4 * DAY, policy)).toBe(true);
    expect(canReopen(c, T0 + 5 * DAY + 1, policy)).toBe(false);
  });

  it("an open or claimed case is not 'reopened'", () => {
    expect(canReopen(aCase(), T0, policy)).toBe(false);
    expect(canReopen(aCase({ status: "claimed" }), T0, policy)).toBe(false);
  });
});

describe("check-ins", () => {
  const kz = (iso: string) => Date.parse(`${iso}+05:00`);

  it("come three days later, moved into the Kazakhstan daytime", () => {
    expect(checkInTime(kz("2026-03-02T15:00:00"))).toBe(kz("2026-03-05T15:00:00"));
    expect(checkInTime(kz("2026-03-02T23:30:00"))).toBe(kz("2026-03-06T10:00:00"));
    expect(isCheckInHour(kz("2026-03-05T10:00:00"))).toBe(true);
    expect(isCheckInHour(kz("2026-03-05T19:00:00"))).toBe(false);
    expect(isCheckInHour(kz("2026-03-05T03:00:00"))).toBe(false);
  });

  it("fit only while the resolved case is kept long enough to answer them", () => {
    const policy = { retentionMs: 30 * DAY };
    const due = checkInTime(T0);
    expect(checkInFits(resolvedAt(T0), due, policy)).toBe(true);
    expect(checkInFits(resolvedAt(T0), due, { retentionMs: 3 * DAY })).toBe(false);
    expect(checkInFits(resolvedAt(T0), T0 + 30 * DAY - CHECK_IN_ANSWER_MS, policy)).toBe(true);
    expect(checkInFits(resolvedAt(T0), T0 + 30 * DAY - CHECK_IN_ANSWER_MS + 1, policy)).toBe(false);
    expect(checkInFits(aCase(), due, policy)).toBe(false); // not resolved
  });
});

describe("waiting limits", () => {
  const limits = DEFAULT_WAIT_LIMITS; // emergency=2,high=10,other=60
  const policy = { limits, maxRaises: 3 };

  it("apply by risk: emergency and high their own, moderate and none the `other` limit", () => {
    const byRisk = (r: Risk) => limitFor(limits, r) / 60_000;
    expect([byRisk("emergency"), byRisk("high"), byRisk("moderate"), byRisk("none")]).toEqual([2, 10, 60, 60]);
  });

  it("an unclaimed case is raised once per limit passed, up to maxRaises", () => {
    const c = aCase({ risk: "emergency" });
    expect(dueRaise(c, T0 + 119_000, policy)).toBeUndefined();
    expect(dueRaise(c, T0 + 3 * 60_000, policy)).toBe(1);
    expect(dueRaise({ ...c, raised: 1 }, T0 + 3 * 60_000, policy)).toBeUndefined();
    expect(dueRaise({ ...c, raised: 1 }, T0 + 4 * 60_000, policy)).toBe(2);
    expect(dueRaise({ ...c, raised: 3 }, T0 + 60 * 60_000, policy)).toBeUndefined();
  });

  it("a claimed or resolved case is never raised", () => {
    expect(dueRaise(aCase({ status: "claimed" }), T0 + DAY, policy)).toBeUndefined();
    expect(dueRaise(aCase({ status: "resolved" }), T0 + DAY, policy)).toBeUndefined();
  });
});

describe("duty hours", () => {
  it("says when operators are back", () => {
    const hours = parseHoursSpec("mon-fri 09:00-18:00");
    expect(duty(hours, T0).onDuty).toBe(true);
    const sunday = duty(hours, Date.parse("2026-03-07T22:00:00Z"));
    expect(sunday.onDuty).toBe(false);
    expect(sunday.opensAt?.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(duty(parseHoursSpec("24/7"), T0).onDuty).toBe(true);
  });
});
