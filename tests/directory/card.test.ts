import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { LANGS, TOPICS } from "../../src/domain.js";
import { escapeHtml, renderCard, renderCards } from "../../src/directory/card.js";
import { loadDirectorySync } from "../../src/directory/load.js";
import { rankServices, type Ranked } from "../../src/directory/rank.js";
import type { Service } from "../../src/directory/schema.js";
import { SATURDAY_3AM_KZ, translator } from "./helpers.js";

const directory = loadDirectorySync();
const byId = (id: string) => directory.services.find((s) => s.id === id) as Service;
const KAZAKH_LETTERS = /[әіңғүұқөһ]/i;

function ftlKeys(lang: string): string[] {
  return readFileSync(`locales/${lang}/directory.ftl`, "utf8")
    .split("\n")
    .map((line) => /^([a-z][a-z0-9-]*)\s*=/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);
}

describe("locales/*/directory.ftl", () => {
  it("have the same dir- keys in all three languages", () => {
    const en = ftlKeys("en");
    expect(en.length).toBeGreaterThan(30);
    expect(en.every((k) => k.startsWith("dir-"))).toBe(true);
    expect(ftlKeys("kk").sort()).toEqual([...en].sort());
    expect(ftlKeys("ru").sort()).toEqual([...en].sort());
  });
});

describe("renderCard", () => {
  it("shows the honest route instead of unverified contacts", () => {
    const ranked: Ranked = { service: { ...byId("guardianship-karaganda"), phones: ["+77000000000"], url: "https://guess.example.kz" }, openNow: "unknown", regional: true };
    for (const lang of LANGS) {
      const card = renderCard(ranked, translator(lang), lang);
      expect(card).not.toMatch(/\+7|7000000000|guess\.example|Phone:|Телефон:|Сайт:/);
      expect(card).toContain(ranked.service.route?.[lang]);
      expect(card).toContain("111");
    }
    const en = renderCard(ranked, translator("en"), "en");
    expect(en).toContain("How to reach them: Contacts not verified yet.");
    expect(en).not.toContain("Phone:");
  });

  it("shows verified contacts, hours and the check date", () => {
    const card = renderCard({ service: byId("helpline-111"), openNow: true, regional: false }, translator("en"), "en");
    expect(card.split("\n")).toEqual([
      "<b>Unified contact centre 111</b>",
      expect.stringContaining("Information, psychological and legal help"),
      "Phone: 111",
      "Hours: around the clock",
      "Free · you can stay anonymous",
      expect.stringContaining("QR code"),
      "Checked on 2026-12-02",
    ]);
    expect(renderCard({ service: byId("helpline-111"), openNow: true, regional: false }, translator("ru"), "ru")).toContain("Проверено: 02.12.2026");
  });

  it("never says \"checked on\" for contacts nobody verified, nor for verified ones nobody dated", () => {
    const unverified: Ranked = { service: byId("guardianship-karaganda"), openNow: "unknown", regional: true };
    const undated: Ranked = { service: byId("helpline-150"), openNow: "unknown", regional: false };
    expect(unverified.service.contacts_verified).toBe(false);
    expect(undated.service.contacts_verified).toBe(true);
    expect(undated.service.verified_on).toBeUndefined();
    for (const lang of LANGS) {
      const checked = translator(lang)("dir-checked", { date: "" }).replace(/[\s\u2068\u2069]+$/, "");
      expect(checked.length).toBeGreaterThan(3);
      expect(renderCard(unverified, translator(lang), lang)).not.toContain(checked);
      expect(renderCard(undated, translator(lang), lang)).not.toContain(checked);
      expect(renderCard(undated, translator(lang), lang)).toContain("150");
    }
  });

  it("marks a closed service with when it opens, in Kazakhstan time, in every language", () => {
    const service: Service = {
      ...byId("egov-1414"),
      hours: { weekly: [{ days: ["mon", "tue", "wed", "thu", "fri"], open: "09:00", close: "18:00" }, { days: ["sat"], open: "10:00", close: "14:00" }] },
    };
    const ranked: Ranked = { service, openNow: false, opensAt: new Date("2026-11-23T04:00:00Z"), regional: false };
    expect(renderCard(ranked, translator("en"), "en")).toContain("Hours: Mon–Fri 09:00–18:00; Sat 10:00–14:00 · closed now, opens Monday at 09:00");
    expect(renderCard(ranked, translator("ru"), "ru")).toContain("Часы работы: Пн–Пт 09:00–18:00; Сб 10:00–14:00 · сейчас закрыто, откроется: понедельник, 09:00");
    expect(renderCard(ranked, translator("kk"), "kk")).toContain("қазір жабық, ашылатын уақыты: дүйсенбі, 09:00");
    expect(renderCard({ ...ranked, openNow: true }, translator("en"), "en")).toContain("· open now");
  });

  it("shows the distance, to the region's centre when the service has no place of its own", () => {
    const [first] = rankServices(directory, { topic: "feeling_bad", audience: "child", location: { lat: 42.3417, lon: 69.5901 }, now: SATURDAY_3AM_KZ });
    expect(renderCard(first!, translator("en"), "en")).toMatch(/About \d(\.\d)? km to the centre of the region \(Shymkent\)/);
    expect(renderCard(first!, translator("ru"), "ru")).toMatch(/Около \d(,\d)? км до центра региона \(Шымкент\)/);
    const own: Ranked = { service: byId("helpline-111"), openNow: true, regional: false, distanceKm: 12.6 };
    expect(renderCard(own, translator("en"), "en")).toContain("About 13 km from you");
  });

  it("escapes HTML in data and keeps <b> as the only tag", () => {
    const service: Service = { ...byId("helpline-111"), name: { kk: "<a>", ru: "<a>", en: "A & <i>B</i>" }, description: { kk: "x", ru: "x", en: 'say "hi" <script>' } };
    const card = renderCard({ service, openNow: true, regional: false }, translator("en"), "en");
    expect(card).toContain("<b>A &amp; &lt;i&gt;B&lt;/i&gt;</b>");
    expect(card).toContain("say &quot;hi&quot; &lt;script&gt;");
    expect(card.match(/<[^>]+>/g)).toEqual(["<b>", "</b>"]);
    expect(escapeHtml("<&>\"")).toBe("&lt;&amp;&gt;&quot;");
  });

  it("renders every topic for every audience in all three languages with no leftovers", () => {
    for (const lang of LANGS) {
      const t = translator(lang);
      for (const topic of TOPICS) {
        for (const audience of ["child", "parent", "professional"] as const) {
          for (const region of [undefined, "almaty_city"]) {
            const ranked = rankServices(directory, { topic, audience, region, now: SATURDAY_3AM_KZ, location: { lat: 43.24, lon: 76.9 } });
            const text = renderCards(ranked, t, lang, { regionalHint: region === undefined });
            expect(text, `${lang}/${topic}/${audience}`).not.toMatch(/[{}]|dir-/);
            if (lang === "kk") expect(text).toMatch(KAZAKH_LETTERS);
          }
        }
      }
    }
  });

  it("renderCards separates cards, adds the regional hint, and says something when nothing matches", () => {
    const t = translator("kk");
    const ranked = rankServices(directory, { topic: "family", audience: "parent", now: SATURDAY_3AM_KZ });
    const text = renderCards(ranked, t, "kk", { regionalHint: true });
    expect(text.split("\n\n")).toHaveLength(ranked.length + 1);
    expect(text).toContain(t("dir-regional-hint"));
    expect(renderCards([], translator("en"), "en")).toContain("Call 111");
  });
});
