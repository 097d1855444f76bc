/**
 * Referral cards are kept for the minute they were asked in (src/directory/referrals.ts): what
 * a user reads is always what a fresh rendering would say, also across the minute a service
 * opens ("closed, opens at 09:30" becomes "open now"), for another region, role or language,
 * and for a shared location (never kept).
 */
import { describe, expect, it } from "vitest";
import { createReferrals, type ReferralQuery } from "../../src/directory/referrals.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import { parseHoursSpec } from "../../src/directory/hours.js";
import type { Directory } from "../../src/directory/schema.js";
import { createI18n } from "../../src/i18n.js";

const i18n = createI18n();
const translate = (lang: Parameters<typeof i18n.t>[0], key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars);

/** The shipped directory, with the danger topic's 24/7 lines open on weekdays 09:30-18:00 only. */
function weekdayDirectory(): Directory {
  const directory = loadDirectorySync("data");
  const services = directory.services.map((s) => (s.hours === "24/7" ? { ...s, hours: parseHoursSpec("mon-fri 09:30-18:00") } : s));
  return { ...directory, services };
}

describe("referral cards kept for a minute", () => {
  it("say what a fresh rendering says, also across the minute services open", () => {
    const directory = weekdayDirectory();
    const kept = createReferrals(directory, translate);
    // Monday 30 November 2026 in Kazakhstan (UTC+5): 09:29:10, 09:29:50, 09:30:05, 09:31:00.
    const times = ["2026-11-30T04:29:10Z", "2026-11-30T04:29:50Z", "2026-11-30T04:30:05Z", "2026-11-30T04:31:00Z"].map((t) => new Date(t));
    const queries: Omit<ReferralQuery, "now">[] = [
      { topic: "danger", role: "child", lang: "ru" },
      { topic: "danger", role: "parent", lang: "kk", region: "almaty_city" },
      { topic: "danger", role: "child", lang: "ru", limit: 2 },
      { topic: "bullying", role: "professional", lang: "en", regionalHint: false },
      { topic: "danger", role: "child", lang: "ru", location: { lat: 43.24, lon: 76.89 } },
    ];
    const texts = new Set<string>();
    for (const now of times) {
      for (const q of queries) {
        const query = { ...q, now };
        const fresh = createReferrals(directory, translate).referralCards(query);
        expect(kept.referralCards(query)).toBe(fresh);
        expect(kept.referralCards(query)).toBe(fresh);
        texts.add(fresh);
      }
    }
    const before = kept.referralCards({ topic: "danger", role: "child", lang: "ru", now: times[1]! });
    const after = kept.referralCards({ topic: "danger", role: "child", lang: "ru", now: times[2]! });
    // The cards do change at 09:30, so keeping them is tested where it could go wrong.
    expect(before).not.toBe(after);
    expect(texts.size).toBeGreaterThan(queries.length);
  });
});
