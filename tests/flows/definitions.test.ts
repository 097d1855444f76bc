/**
 * The nine topic flows as data: shape and limits, every reachable outcome, and every text
 * they reference rendered in kk, ru and en for every role. Pure: no bot, no Redis.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { I18n, type Warning } from "@grammyjs/i18n";
import { describe, expect, it } from "vitest";
import { LANGS, ROLES, SERVICE_KINDS, TOPICS, isTopic, type Lang, type Role, type Topic } from "../../src/domain.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../../src/flows/types.js";

const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));
const ID = /^[a-z0-9_]{1,12}$/;
const KAZAKH_LETTERS = /[әіңғқөұүһӘІҢҒҚӨҰҮҺ]/;
/** The only numbers the texts may print in bold: the sourced national lines. */
const KNOWN_NUMBERS = new Set(["112", "101", "102", "103", "104", "150", "111", "1414"]);
/** The regions of a user in the tests: unknown, and one that was chosen. */
const REGIONS: readonly (string | undefined)[] = [undefined, "karaganda"];

// Other engineers add their own .ftl files under locales/: we load them all, as the bot does,
// and catch every missing flow key through the warning handler (the plugin would otherwise
// fall back to Russian silently).
const warnings: Warning[] = [];
const i18n = new I18n({
  defaultLocale: "ru",
  directory: LOCALES_DIR,
  fluentBundleOptions: { useIsolating: false },
  fluentOptions: { warningHandler: (warning) => warnings.push(warning) },
});

function render(lang: Lang, key: string, role: Role): string {
  const before = warnings.length;
  const text = i18n.t(lang, key, { role });
  const fresh = warnings.slice(before).map((w) => `${w.path} (${w.locales.join(",")})`);
  expect(fresh, `${lang}: ${key} is missing`).toEqual([]);
  return text;
}

/** Message ids defined in one flows.ftl, in file order. */
function ftlKeys(lang: Lang): string[] {
  const source = readFileSync(`${LOCALES_DIR}/${lang}/flows.ftl`, "utf8");
  return [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] ?? "");
}

interface Path {
  profile: FlowProfile;
  answers: Answers;
  asked: string[];
  outcome: FlowOutcome;
}

/** Every way through a flow for one profile, asking questions exactly as the engine does. */
function walk(flow: FlowDef, profile: FlowProfile): Path[] {
  const paths: Path[] = [];
  const step = (index: number, answers: Answers, asked: string[]): void => {
    const question = flow.questions[index];
    if (!question) {
      paths.push({ profile, answers, asked, outcome: flow.outcome(answers, profile) });
      return;
    }
    if (question.when && !question.when(answers, profile)) {
      step(index + 1, answers, asked);
      return;
    }
    for (const option of question.options) {
      step(index + 1, { ...answers, [question.id]: option.id }, [...asked, question.id]);
    }
  };
  step(0, {}, []);
  return paths;
}

function allPaths(flow: FlowDef): Path[] {
  return ROLES.flatMap((role) => REGIONS.flatMap((region) => walk(flow, region ? { role, region } : { role })));
}

/** Every key a flow can show: intro, questions, labels and the advice of every reachable outcome. */
function referencedKeys(flow: FlowDef): Set<string> {
  const keys = new Set<string>([flow.intro]);
  for (const q of flow.questions) {
    keys.add(q.ask);
    for (const o of q.options) keys.add(o.label);
  }
  for (const path of allPaths(flow)) for (const key of path.outcome.advice) keys.add(key);
  return keys;
}

function outcomeText(lang: Lang, path: Path): string {
  return path.outcome.advice.map((key) => render(lang, key, path.profile.role)).join("\n\n");
}

const flows = TOPICS.map((topic) => [topic, FLOWS[topic]] as const);

describe("FLOWS", () => {
  it("has one flow per topic, and only those", () => {
    expect(Object.keys(FLOWS).sort()).toEqual([...TOPICS].sort());
    for (const [topic, flow] of flows) expect(flow.topic).toBe(topic);
  });
});

describe.each(flows)("flow %s", (topic: Topic, flow: FlowDef) => {
  it("has at most five questions with two to six options and short unique ids", () => {
    expect(flow.questions.length).toBeGreaterThan(0);
    expect(flow.questions.length).toBeLessThanOrEqual(5);
    const questionIds = flow.questions.map((q) => q.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const q of flow.questions) {
      expect(q.id).toMatch(ID);
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(q.options.length).toBeLessThanOrEqual(6);
      const optionIds = q.options.map((o) => o.id);
      expect(new Set(optionIds).size).toBe(optionIds.length);
      for (const id of optionIds) expect(id).toMatch(ID);
    }
  });

  it("names its keys flow-<topic>-…", () => {
    expect(flow.intro).toBe(`flow-${topic}-intro`);
    for (const q of flow.questions) {
      expect(q.ask).toBe(`flow-${topic}-q-${q.id}`);
      for (const o of q.options) expect(o.label).toBe(`flow-${topic}-${q.id}-${o.id}`);
    }
    for (const path of allPaths(flow)) {
      for (const key of path.outcome.advice) expect(key).toMatch(new RegExp(`^flow-${topic}-advice-[a-z0-9_]+$`));
    }
  });

  it("asks every question on some path and asks at most five on any", () => {
    const paths = allPaths(flow);
    const asked = new Set(paths.flatMap((p) => p.asked));
    for (const q of flow.questions) expect(asked.has(q.id), `question ${q.id} is never asked`).toBe(true);
    for (const p of paths) expect(p.asked.length).toBeLessThanOrEqual(5);
  });

  it("ends every path in a well-formed outcome", () => {
    for (const { outcome, answers, profile } of allPaths(flow)) {
      const where = `${profile.role} ${JSON.stringify(answers)}`;
      expect(outcome.advice.length, where).toBeGreaterThan(0);
      expect(outcome.advice.length, where).toBeLessThanOrEqual(5);
      expect(new Set(outcome.advice).size, where).toBe(outcome.advice.length);
      expect(isTopic(outcome.referralTopic), where).toBe(true);
      for (const kind of outcome.preferKinds ?? []) expect(SERVICE_KINDS, where).toContain(kind);
      if (outcome.maxCards !== undefined) expect(outcome.maxCards).toBeGreaterThan(0);
    }
  });

  it("is pure: the same answers give the same outcome", () => {
    for (const path of allPaths(flow)) {
      expect(flow.outcome(path.answers, path.profile)).toEqual(path.outcome);
    }
  });

  it.each(LANGS)("renders every referenced key in %s for every role", (lang: Lang) => {
    for (const key of referencedKeys(flow)) {
      for (const role of ROLES) {
        const text = render(lang, key, role);
        const where = `${lang} ${role} ${key}`;
        expect(text.trim(), where).not.toBe("");
        expect(text, where).not.toContain("{$");
        expect(text, where).not.toMatch(/^\{flow-/);
        // Telegram HTML: only <b> and <i>, balanced; no bare "&" or Markdown.
        expect(text.replace(/<\/?[bi]>/g, ""), where).not.toMatch(/[<>&]/);
        for (const tag of ["b", "i"]) {
          expect(text.split(`<${tag}>`).length, where).toBe(text.split(`</${tag}>`).length);
        }
        expect(text, where).not.toMatch(/\*\*|__/);
        for (const [, number] of text.matchAll(/<b>[^<\d]*(\d{3,4})[^<\d]*<\/b>/g)) {
          expect(KNOWN_NUMBERS.has(number ?? ""), `${where}: unknown number ${number}`).toBe(true);
        }
      }
    }
  });

  it("keeps every outcome short enough for one Telegram message", () => {
    for (const lang of LANGS) {
      for (const path of allPaths(flow)) expect(outcomeText(lang, path).length).toBeLessThan(3500);
    }
  });

  it("writes Kazakh in Kazakh, not a copy of the Russian", () => {
    for (const key of referencedKeys(flow)) {
      for (const role of ROLES) {
        const kk = render("kk", key, role);
        expect(kk, `kk ${role} ${key}`).not.toBe(render("ru", key, role));
        // Sentences (intro, advice) must show Kazakh letters; a short button or question
        // such as «Не болды?» is Kazakh without them, and only has to differ from Russian.
        if (/-(intro|advice-[a-z0-9_]+)$/.test(key)) expect(kk, `kk ${role} ${key}`).toMatch(KAZAKH_LETTERS);
      }
    }
  });
});

describe("flows.ftl", () => {
  const keysByLang = Object.fromEntries(LANGS.map((lang) => [lang, ftlKeys(lang)])) as Record<Lang, string[]>;

  it("defines the same keys, each once, all prefixed flow-, in kk, ru and en", () => {
    for (const lang of LANGS) {
      const keys = keysByLang[lang];
      expect(new Set(keys).size, `${lang} has a duplicate key`).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(/^flow-/);
    }
    expect([...keysByLang.kk].sort()).toEqual([...keysByLang.ru].sort());
    expect([...keysByLang.en].sort()).toEqual([...keysByLang.ru].sort());
  });

  it("has no key that no flow uses", () => {
    const used = new Set(flows.flatMap(([, flow]) => [...referencedKeys(flow)]));
    expect(keysByLang.ru.filter((key) => !used.has(key))).toEqual([]);
  });

  it("has Kazakh-specific letters throughout the Kazakh file", () => {
    const source = readFileSync(`${LOCALES_DIR}/kk/flows.ftl`, "utf8");
    const letters = source.match(/[әіңғқөұүһ]/gi) ?? [];
    expect(letters.length).toBeGreaterThan(1000);
  });
});

describe("safety of the outcomes", () => {
  it("danger is always urgent and leads with 112", () => {
    for (const path of allPaths(FLOWS.danger)) {
      expect(path.outcome.urgency).toBe(path.answers.now === "now" ? "emergency" : "high");
      for (const lang of LANGS) {
        expect(render(lang, path.outcome.advice[0] ?? "", path.profile.role)).toContain("112");
      }
    }
  });

  it("advice speaks to its reader: a professional is told what to do for the child, not to wash themselves", () => {
    for (const lang of LANGS) {
      const pro = render(lang, "flow-violence-advice-sexual", "professional");
      expect(pro).not.toMatch(/не мойтесь|жуынбаңыз|don't wash yourself/);
      expect(pro).toContain("102");
      // An adult who is the victim still is.
      expect(render(lang, "flow-violence-advice-sexual", "parent")).toMatch(/не мойтесь|жуынбаңыз|don't wash yourself/);
    }
  });

  it("violence is always content-protected, and urgent when it is happening now", () => {
    for (const path of allPaths(FLOWS.violence)) {
      expect(path.outcome.protectContent).toBe(true);
      expect(path.outcome.urgency).toBe(path.answers.now === "now" ? "emergency" : undefined);
    }
  });

  it("self-harm makes feeling_bad urgent and content-protected, with 150 and a person now", () => {
    let riskPaths = 0;
    for (const path of allPaths(FLOWS.feeling_bad)) {
      const { harm, harm_c: signs } = path.answers;
      const risk = (harm !== undefined && harm !== "no") || signs === "talks" || signs === "hurt";
      expect(path.outcome.urgency !== undefined, JSON.stringify(path.answers)).toBe(risk);
      if (!risk) continue;
      riskPaths += 1;
      expect(path.outcome.protectContent).toBe(true);
      for (const lang of LANGS) {
        const text = outcomeText(lang, path);
        expect(text).toContain("150");
        expect(text).toMatch(/112|103|111/);
      }
    }
    expect(riskPaths).toBeGreaterThan(0);
  });

  it("protects a family outcome that names violence at home", () => {
    for (const path of allPaths(FLOWS.family)) {
      const unsafe = path.outcome.advice.includes("flow-family-advice-unsafe");
      expect(path.outcome.protectContent ?? false).toBe(unsafe);
    }
  });

  it("protects a bullying outcome about intimate photos", () => {
    for (const path of allPaths(FLOWS.bullying)) {
      expect(path.outcome.protectContent ?? false).toBe(path.answers.threat === "photos");
    }
  });
});

describe("what the outcomes say", () => {
  const EVIDENCE: Record<Lang, RegExp> = { kk: /скриншот/i, ru: /скриншот/i, en: /screenshot/i };

  it("tells a child bullied online about 150, 111 and saving evidence, in all three languages", () => {
    const paths = walk(FLOWS.bullying, { role: "child" }).filter(
      (p) => p.answers.who === "me" && p.answers.where === "online",
    );
    expect(paths.length).toBe(4);
    for (const path of paths) {
      for (const lang of LANGS) {
        const text = outcomeText(lang, path);
        expect(text, `${lang} ${JSON.stringify(path.answers)}`).toContain("150");
        expect(text).toContain("111");
        expect(text).toMatch(EVIDENCE[lang]);
      }
    }
  });

  it("gives every online bullying case the evidence advice and every case 150 and 111", () => {
    for (const path of allPaths(FLOWS.bullying)) {
      const online = path.answers.where === "online" || path.answers.where === "both";
      const victim = path.answers.side !== "bully";
      if (online && victim) expect(path.outcome.advice).toContain("flow-bullying-advice-evidence");
      expect(path.outcome.advice.at(-1)).toBe("flow-bullying-advice-lines");
    }
    for (const lang of LANGS) {
      for (const role of ROLES) {
        const lines = render(lang, "flow-bullying-advice-lines", role);
        expect(lines).toContain("150");
        expect(lines).toContain("111");
      }
    }
  });

  it("tells adults what the 2024 bullying law says", () => {
    const texts = LANGS.map((lang) => render(lang, "flow-bullying-advice-law", "parent"));
    for (const text of texts) {
      expect(text).toContain("127-2");
      expect(text).toMatch(/10 (МРП|АЕК|MRP)/);
      expect(text).toMatch(/30 (МРП|АЕК|MRP)/);
      expect(text).toMatch(/12/);
    }
    const parentPaths = walk(FLOWS.bullying, { role: "parent" });
    for (const path of parentPaths) expect(path.outcome.advice).toContain("flow-bullying-advice-law");
  });

  it("sends a parent in Karaganda asking about guardianship to the guardianship body and 111", () => {
    const profile: FlowProfile = { role: "parent", region: "karaganda" };
    const path = walk(FLOWS.care, profile).find((p) => p.answers.what === "guardian");
    expect(path).toBeDefined();
    if (!path) return;
    expect(path.asked).toEqual(["what"]);
    expect(path.outcome.referralTopic).toBe("care");
    expect(path.outcome.preferKinds?.[0]).toBe("guardianship");
    expect(path.outcome.advice.at(-1)).toBe("flow-care-advice-route");
    const body: Record<Lang, RegExp> = { kk: /қорғаншылық/, ru: /опеки/, en: /guardianship body/ };
    for (const lang of LANGS) {
      const route = render(lang, "flow-care-advice-route", "parent");
      expect(route).toContain("111");
      expect(route).toMatch(body[lang]);
    }
  });

  it("puts the guardianship body first in every care outcome", () => {
    for (const path of allPaths(FLOWS.care)) expect(path.outcome.preferKinds?.[0]).toBe("guardianship");
  });

  it("puts the PMPK first in every special-needs outcome", () => {
    for (const path of allPaths(FLOWS.special_needs)) expect(path.outcome.preferKinds?.[0]).toBe("pmpk");
  });

  it("tells how to check the National Fund for Children savings", () => {
    const path = walk(FLOWS.benefits, { role: "parent" }).find(
      (p) => p.answers.what === "fund" && p.answers.fq === "balance",
    );
    expect(path).toBeDefined();
    if (!path) return;
    for (const lang of LANGS) {
      const text = outcomeText(lang, path);
      expect(text).toContain("kids.enpf.kz");
      expect(text).toContain("1414");
    }
    // A teenager is not asked which benefit: the fund is theirs.
    for (const p of walk(FLOWS.benefits, { role: "child" })) expect(p.asked).toEqual(["fq"]);
  });

  it("routes to the Commissioner through 111, never a guessed contact", () => {
    for (const lang of LANGS) {
      const text = render(lang, "flow-rights-advice-ombuds", "parent");
      expect(text).toMatch(/Закиева|Zakiyeva/);
      expect(text).toContain("111");
      expect(text).not.toMatch(/@|https?:|www\./);
    }
    for (const path of allPaths(FLOWS.rights)) expect(outcomeText("ru", path)).toContain("111");
  });

  it("does not ask the region in the flows whose help is national", () => {
    expect(FLOWS.danger.needsRegion).toBe(false);
    expect(FLOWS.benefits.needsRegion).toBe(false);
    for (const [, flow] of flows) {
      for (const q of flow.questions) expect(q.id).not.toMatch(/region/);
    }
  });

  it("does not ask a child about a child they work with", () => {
    for (const [, flow] of flows) {
      for (const path of walk(flow, { role: "child" })) {
        expect(path.asked).not.toContain("side");
        expect(path.asked).not.toContain("harm_c");
      }
    }
  });
});
