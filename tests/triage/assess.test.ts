/**
 * Focused tests of assessRisk: one sentence in every script grades the same, idioms stay
 * calm, third-person reports count, emoji never make an emergency alone, negation, typos,
 * glued words, huge and empty input, and the small helpers (RISK_RANK, topicForCategories).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessRisk, assessWith, topicForCategories, type RiskLevel } from "../../src/triage/index.js";
import { RISK_RANK, riskAtLeast } from "../../src/domain.js";
import { skeleton } from "../../src/triage/normalize.js";
import { readSplit } from "../../src/triage/corpus-files.js";

const level = (text: string): RiskLevel => assessRisk(text).level;

describe("normaliser", () => {
  it("folds every script of a Kazakh word to one skeleton", () => {
    const forms = ["өлгім", "олгим", "olgim", "ólgim", "ölgim", "ӨЛГІМ", "өлгiм", "олгииим"];
    expect(new Set(forms.map(skeleton))).toEqual(new Set(["olgim"]));
  });
  it("folds Russian Cyrillic and its Latin transliterations together", () => {
    expect(skeleton("хочу умереть")).toBe(skeleton("hochu umeret'"));
    expect(skeleton("хочу умереть")).toBe(skeleton("xochu umeretttь"));
    expect(skeleton("хочу")).toBe(skeleton("ho4u"));
    expect(skeleton("меня бьют")).toBe(skeleton("menya b'yut"));
    expect(skeleton("жить")).toBe(skeleton("zhit"));
  });
});

describe("text that hides its words", () => {
  const emergency = "хочу умереть";
  it.each([
    ["zero-width space", "хочу у\u200bмереть"],
    ["zero-width joiner and non-joiner", "хочу у\u200dме\u200cреть"],
    ["soft hyphen", "хочу уме\u00adреть"],
    ["word joiner", "хо\u2060чу умереть"],
    ["byte-order mark", "\ufeffхочу умереть"],
    ["Latin look-alikes inside Cyrillic", "хочу yмeрeть"],
    ["Greek look-alikes", "хοчу умереть"],
    ["letters spaced out", "х о ч у  у м е р е т ь"],
    ["letters dotted", "я х.о.ч.у у.м.е.р.е.т.ь"],
  ])("%s: still an emergency", (_name, text) => {
    expect(level(text)).toBe(level(emergency));
    expect(level(text)).toBe("emergency");
  });
  it("an ordinary short Russian phrase is not glued into one word", () => {
    expect(skeleton("а я в школу")).toBe("a ya v shkolu");
  });
  it("-ый typed as 'yi' is the same word as in Cyrillic", () => {
    expect(skeleton("vzroslyi")).toBe(skeleton("взрослый"));
    expect(skeleton("kakoi")).toBe(skeleton("какой"));
    expect(skeleton("sebia")).toBe(skeleton("себя"));
    expect(skeleton("dumaiu")).toBe(skeleton("думаю"));
  });
});

describe("a bare cry for help", () => {
  it.each(["помогите!!!", "HELP", "help me please", "көмектесіңдерші", "кто-нибудь помогите", "SOS", "😭 помогите"])("%s: high, and uncertain", (text) => {
    expect(assessRisk(text)).toMatchObject({ level: "high", uncertain: true });
  });
  it("a request for help with something is not a cry", () => {
    for (const text of ["помогите с домашкой", "help me with math", "көмектесіңізші, жәрдемақы туралы сұрақ"]) {
      expect(RISK_RANK[level(text)]).toBeLessThan(RISK_RANK.high);
    }
  });
});

describe("the same sentence in every script gets the same level", () => {
  const groups: Array<[RiskLevel, string[]]> = [
    [
      "emergency",
      ["өлгім келеді", "олгим келеди", "olgim keledi", "ólgim keledi", "ölgim keledi", "хочу умереть", "hochu umeret", "xochu umeret'", "I want to die", "i wanna die"],
    ],
    [
      "emergency",
      ["өзімді өлтіргім келеді", "озимди олтиргим келеди", "ozimdi oltirgim keledi", "ózimdi óltirgim keledi", "хочу убить себя", "hochu ubit sebya", "I want to kill myself"],
    ],
    ["high", ["әкем мені ұрады", "акем мени урады", "akem meni urady", "äkem meni ūrady", "папа меня бьёт", "papa menya b'yot", "my dad beats me"]],
    [
      "emergency",
      ["әкем мені қазір ұрып жатыр", "акем мени казир урып жатыр", "akem meni qazir uryp jatyr", "папа меня сейчас бьёт", "papa menya seichas b'et", "my dad is beating me right now"],
    ],
    [
      "emergency",
      ["көп таблетка іштім", "коп таблетка иштим", "kop tabletka ishtim", "выпила много таблеток", "vypila mnogo tabletok", "i took a lot of pills"],
    ],
    [
      "high",
      ["үйден қашып кеттім түнейтін жер жоқ", "уйден кашып кеттим тунейтин жер жок", "úıden qashyp kettim túneıtin jer joq", "сбежала из дома негде ночевать", "sbezhala iz doma negde nochevat", "i ran away from home and have nowhere to sleep"],
    ],
    [
      "moderate",
      ["мені ешкім түсінбейді", "мени ешким тусинбейди", "meni eshkim tusinbeidi", "никто меня не понимает", "nikto menya ne ponimaet", "nobody understands me"],
    ],
    ["moderate", ["ата-анам ажырасып жатыр", "ата анам ажырасып жатыр", "ata-anam ajyrasyp jatyr", "родители разводятся", "roditeli razvodyatsya", "my parents are getting divorced"]],
  ];
  for (const [want, texts] of groups) {
    it(`${want}: ${texts[0]}`, () => {
      expect(texts.map((t) => [t, level(t)])).toEqual(texts.map((t) => [t, want]));
    });
  }
});

describe("idioms and everyday words stay calm", () => {
  const calm = [
    "I'm dying of laughter",
    "this homework is killing me",
    "my phone is dead",
    "мой персонаж умер в игре",
    "умираю со смеху",
    "убить время",
    "killer app",
    "ол өліп қалды телефоным",
    "I could kill for a pizza",
    "dead tired",
    "the battery died",
    "убей меня, если я забуду",
    "күлкіден өліп қалдым",
    "kulkiden olip qaldym",
    "мама меня убьет за двойку",
    "she beat me at chess",
    "i cut myself shaving",
    "i forgot to take my pills",
    "хочу спать",
    "футболға барғым келеді",
    "әкем мені мектепке апарып жатыр",
    "не хочу жить с папой в одной комнате",
  ];
  for (const text of calm) it(text, () => expect(RISK_RANK[level(text)]).toBeLessThan(RISK_RANK.high));
  it("idioms are not even moderate", () => {
    for (const text of calm.slice(0, 14)) expect([text, level(text)]).toEqual([text, "none"]);
  });
});

describe("negation", () => {
  it("'I don't want to die' raises no alarm in any language; at most the bot asks whether they are safe", () => {
    for (const text of ["I don't want to die", "i dont really want to die", "не хочу умирать", "я не хочу умереть", "өлгім келмейді", "өзімді өлтірмеймін", "i would never kill myself"]) {
      const r = assessRisk(text);
      expect([text, RISK_RANK[r.level] < RISK_RANK.high]).toEqual([text, true]);
      if (r.level !== "none") expect([text, r.uncertain]).toEqual([text, true]);
      // The rules themselves see the negation.
      expect([text, assessWith(undefined, text).level]).toEqual([text, "none"]);
    }
  });
  it("'don't want to live' is itself a crisis", () => {
    expect(level("I don't want to live anymore")).toBe("emergency");
    expect(level("не хочу больше жить")).toBe("emergency");
    expect(level("өмір сүргім келмейді")).toBe("emergency");
  });
  it("'dad doesn't beat me' raises no alarm", () => {
    expect(RISK_RANK[level("папа меня не бьет")]).toBeLessThan(RISK_RANK.high);
    expect(assessWith(undefined, "папа меня не бьет").level).toBe("none");
  });
});

describe("third person counts", () => {
  it.each([
    ["my daughter says she wants to die", "emergency"],
    ["қызым өлгім келеді дейді", "emergency"],
    ["моя дочь говорит что хочет умереть", "emergency"],
    ["my friend says she's going to kill herself", "emergency"],
    ["мою подругу бьёт отчим", "high"],
    ["moyu sestru b'et otec", "high"],
    ["досым өзін өлтіргісі келеді", "emergency"],
  ] as const)("%s → %s", (text, want) => {
    expect(level(text)).toBe(want);
  });
});

describe("typos, repeated letters, glued words", () => {
  it.each([
    ["умеретььь хочу", "emergency"],
    ["хочу умерть", "emergency"],
    ["i wanna dieee", "emergency"],
    ["hellppp he is hitting me", "emergency"],
    ["gonna kil myself", "emergency"],
    ["хочуумереть", "emergency"],
    ["olgimkeledi", "emergency"],
    ["i want to kilmyself", "emergency"],
    ["ХОЧУ УМЕРЕТЬ!!!", "emergency"],
  ] as const)("%s → %s", (text, want) => {
    expect(level(text)).toBe(want);
  });
});

describe("emoji", () => {
  it("alone never make an emergency, and risk emoji alone are at most moderate", () => {
    for (const text of ["🔪", "💊💊💊", "🔪🩸😭", "😭😭😭", "☠️🪢", "😂💀"]) {
      expect(RISK_RANK[level(text)]).toBeLessThanOrEqual(RISK_RANK.moderate);
    }
    expect(level("😂💀")).toBe("none");
  });
  it("crying emoji alone are a silent cry: moderate, and the bot is told to ask if they are safe", () => {
    expect(assessRisk("😭😭😭")).toMatchObject({ level: "moderate", uncertain: true });
    expect(assessRisk("🙂")).toMatchObject({ level: "none", uncertain: false });
  });
  it("can raise a moderate message to high but not to emergency", () => {
    expect(level("мне очень одиноко")).toBe("moderate");
    expect(level("мне очень одиноко 🔪")).toBe("high");
    expect(level("nobody understands me 💊💊")).toBe("high");
  });
});

describe("edge cases", () => {
  it("empty string is none", () => {
    expect(assessRisk("")).toEqual({ level: "none", categories: [], language: "unknown", uncertain: false });
    expect(assessRisk("   \n\t ").level).toBe("none");
    expect(assessRisk("?!...").level).toBe("none");
  });
  it("a 100 000-character message is graded without throwing (speed: npm run bench:triage)", () => {
    const huge = "я сегодня был в школе и играл в футбол ".repeat(3000).slice(0, 100_000);
    expect(RISK_RANK[assessRisk(huge).level]).toBeLessThan(RISK_RANK.high);
    expect(assessRisk(`${huge} хочу умереть`).level).toBe("emergency");
    expect(assessRisk("ж".repeat(100_000)).level).toBe("none");
    expect(assessRisk("🔪".repeat(50_000)).level).toBe("moderate");
  });
  it("never throws and always returns a valid grade (property test)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const r = assessRisk(text);
        expect(Object.keys(RISK_RANK)).toContain(r.level);
        expect(["kk", "ru", "en", "mixed", "unknown"]).toContain(r.language);
        expect(r.categories.length === 0).toBe(r.level === "none");
      }),
      { numRuns: 500 },
    );
  });
  it("handles odd input types defensively", () => {
    expect(assessRisk(undefined as unknown as string).level).toBe("none");
  });
});

describe("categories, language and helpers", () => {
  it("names the categories", () => {
    expect(assessRisk("my husband beats me").categories).toEqual(["domestic_violence"]);
    expect(assessRisk("someone says he will post my nudes unless i pay").categories).toContain("threats_sextortion");
    expect(assessRisk("i took a whole bottle of pills").categories).toEqual(["overdose"]);
    expect(assessRisk("he is beating me now").categories[0]).toBe("violence_now");
    expect(assessRisk("kids at school keep bullying me").categories).toEqual(["bullying"]);
  });
  it("detects the language", () => {
    expect(assessRisk("мені ешкім түсінбейді").language).toBe("kk");
    expect(assessRisk("мени ешким тусинбейди").language).toBe("kk");
    expect(assessRisk("meni eshkim tusinbeidi").language).toBe("kk");
    expect(assessRisk("никто меня не понимает").language).toBe("ru");
    expect(assessRisk("nikto menya ne ponimaet").language).toBe("ru");
    expect(assessRisk("nobody understands me").language).toBe("en");
    expect(assessRisk("мен өлгім келеді правда устала").language).toBe("mixed");
    expect(assessRisk("🔪").language).toBe("unknown");
  });
  it("Russian and Kazakh in Latin letters are not taken for English (dev split of the corpus)", () => {
    const dev = readSplit("dev");
    for (const script of ["ru_lat", "kk_lat"] as const) {
      const items = dev.filter((i) => i.script === script);
      const english = items.filter((i) => assessRisk(i.text).language === "en").length;
      console.log(`${script}: ${english}/${items.length} detected as English`);
      expect(items.length).toBeGreaterThan(100);
      expect(english / items.length).toBeLessThanOrEqual(0.05);
    }
    expect(assessRisk("ya ne hochu bolshe zhit, nikto menya ne ponimaet").language).toBe("ru");
  });
  it("orders levels", () => {
    expect(RISK_RANK.emergency).toBeGreaterThan(RISK_RANK.high);
    expect(RISK_RANK.high).toBeGreaterThan(RISK_RANK.moderate);
    expect(RISK_RANK.moderate).toBeGreaterThan(RISK_RANK.none);
    expect(riskAtLeast("emergency", "high")).toBe(true);
    expect(riskAtLeast("moderate", "high")).toBe(false);
  });
  it("maps categories to menu topics", () => {
    expect(topicForCategories([])).toBeUndefined();
    expect(topicForCategories(["bullying"])).toBe("bullying");
    expect(topicForCategories(["distress", "bullying"])).toBe("bullying");
    expect(topicForCategories(["suicide_self_harm"])).toBe("feeling_bad");
    expect(topicForCategories(["suicide_self_harm"], "emergency")).toBe("danger");
    expect(topicForCategories(["domestic_violence"])).toBe("violence");
    expect(topicForCategories(["family_conflict"])).toBe("family");
    expect(topicForCategories(["threats_sextortion"])).toBe("bullying");
    expect(topicForCategories(["runaway_unsafe"])).toBe("danger");
    expect(topicForCategories(assessRisk("родители разводятся").categories)).toBe("family");
  });
});
