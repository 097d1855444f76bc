/**
 * Register: a child is spoken to informally (сен / ты), a parent and a professional formally
 * (сіз / вы), in Kazakh and in Russian. Every message of locales/ is rendered once per role it
 * can reach, and the text is searched for the forms of the other register. Which role can see
 * a message is not a hand-kept list: for the topic flows it is worked out by walking every
 * path of every flow for each role (the questions asked, the buttons shown, the advice given);
 * the staff group's texts are read by adults; `role-welcome-<role>` only by that role;
 * everything else by anyone. What is read before anyone can be told apart — the referral cards
 * (dir-* and the directory's own texts in data/services), the bot's profile (bot-*), a line in
 * a group — addresses nobody: neither register. Words quoted for the reader to say to a child («…») are not the
 * bot addressing the reader, and are left out.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { type Lang, ROLES, type Role } from "../src/domain.js";
import { FLOWS } from "../src/flows/topics/index.js";
import type { Answers, FlowDef } from "../src/flows/types.js";
import { readRepliesCsv, REPLIES_FILE, replyText, type SavedReply } from "../src/cases/replies.js";

type Register = "formal" | "informal";

/** What each role must never read. */
const FORBIDDEN: Record<Role, Register> = { child: "formal", parent: "informal", professional: "informal" };

/** Kazakh: сіз and its -ңыз/-ңіз endings (formal); сен, -сың/-сің, the -ң- possessive before a case ending (informal). */
const KK: Record<Register, (word: string) => boolean> = {
  formal: (w) =>
    /^сіз(ге|ді|ден|бен|дің|де|дер\p{L}*)?$/u.test(w) ||
    (/ң[ыі]з/u.test(w) && !/^(маңыз|теңіз)/u.test(w)) ||
    // The formal predicate: -сыз/-сіз after a vowel (барасыз, жердесіз, алмайсыз); the privative is listed.
    (/[аеыйі]с[ыі]з$/u.test(w) && !/^(ақысыз|үйсіз|иесіз|баласыз|тәрбиесіз|себепсіз|күмәнсіз|белгісіз)$/u.test(w)) ||
    /^емессіз$/u.test(w),
  informal: (w) =>
    /^(сен|саған|сені|сенің|сенде|сенен|сенімен|сендер|сенсің)$/u.test(w) ||
    /[^ңн]с[ыі]ң$/u.test(w) ||
    /^[^ң]*[аәеоөұүыі]ң(ды|ді|а|е|да|де|нан|нен|мен|ның|нің|дағы|дегі|ша|ше)$/u.test(w) &&
      !/^(жаңа|маңа|таңа|ештеңе|бірдеңе|дәнеңе)$/u.test(w) &&
      // Stems that end in ң themselves (заң+да, кезең+де), not the possessive.
      !/^(заң|кезең|таң|жаң|маң|оң|кең|тең|мең)/u.test(w) ||
    // The bare imperatives these texts use (the -ңыз of the formal ones is caught above).
    /^(шал|жаз|айт|таңда|жібер|хабарлас|сұра|сақта|жүгін|кет|қара)$/u.test(w),
};

/** Russian: вы, ваш, -те imperatives and 2nd plural (formal); ты, твой, -шь (informal). */
const RU: Record<Register, (word: string) => boolean> = {
  formal: (w) =>
    /^(вы|вас|вам|вами|ваш\p{L}*)$/u.test(w) ||
    (/[иьй]те(сь)?$/u.test(w) && !/^(сайте|защите|ките|элите|визите|кредите)$/u.test(w)) ||
    /^(можете|знаете|будете|сможете|пишете|считаете|думаете|чувствуете|живёте|ждёте)$/u.test(w),
  informal: (w) =>
    /^(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей|твоему|твоим|твоих|твою|твоём)$/u.test(w) ||
    /[^т]([её]шь|ишь)(ся)?$/u.test(w) ||
    /^(звони|позвони|напиши|пиши|расскажи|скажи|выбери|нажми|подожди|жди|обратись|попроси|сохрани|уйди|держи|позови|возвращайся|отправь|ответь|береги)$/u.test(w),
};

const MARKERS: Record<"kk" | "ru", Record<Register, (word: string) => boolean>> = { kk: KK, ru: RU };

function filesOf(lang: string): string[] {
  const files = [join("locales", `${lang}.ftl`)];
  const dir = join("locales", lang);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith(".ftl")) files.push(join(dir, f));
  }
  return files;
}

function bundleOf(lang: Lang): { bundle: FluentBundle; ids: string[] } {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const ids: string[] = [];
  for (const file of filesOf(lang)) {
    const resource = new FluentResource(readFileSync(file, "utf8"));
    for (const entry of resource.body) if (!entry.id.startsWith("-")) ids.push(entry.id);
    bundle.addResource(resource);
  }
  return { bundle, ids };
}

/** Every variable a message asks for answers "7"; `role` is the one given. */
function argsFor(role: Role): Record<string, FluentVariable> {
  return new Proxy({ role } as Record<string, FluentVariable>, {
    get: (target, key) => (typeof key === "string" ? (target[key] ?? "7") : undefined),
    has: () => true,
  });
}

/** The keys a role can meet in a flow: its intro, every question asked and button shown, every advice given. */
function flowKeysFor(def: FlowDef, role: Role): Set<string> {
  const keys = new Set<string>([def.intro]);
  const walk = (at: number, answers: Answers): void => {
    if (at === def.questions.length) {
      for (const region of [undefined, "almaty_city"]) {
        for (const key of def.outcome(answers, { role, region }).advice) keys.add(key);
      }
      return;
    }
    const q = def.questions[at]!;
    if (q.when && !q.when(answers, { role })) return walk(at + 1, answers);
    keys.add(q.ask);
    for (const option of q.options) {
      keys.add(option.label);
      walk(at + 1, { ...answers, [q.id]: option.id });
    }
  };
  walk(0, {});
  return keys;
}

const FLOW_KEYS: Record<Role, Set<string>> = Object.fromEntries(
  ROLES.map((role) => [role, new Set(Object.values(FLOWS).flatMap((def) => [...flowKeysFor(def, role)]))]),
) as Record<Role, Set<string>>;
const FLOW_PREFIXES = Object.keys(FLOWS).map((topic) => `flow-${topic}-`);

/** Can `role` read the message `id`? */
function reaches(id: string, role: Role): boolean {
  if (FLOW_PREFIXES.some((p) => id.startsWith(p))) return FLOW_KEYS[role].has(id);
  // Staff texts (the desk, the directory and replies editors) are read by adults only.
  if (["staff-", "diredit-", "repedit-", "report-", "setup-", "cmd-staff-"].some((p) => id.startsWith(p))) return role !== "child";
  // The school poster speaks to the children who scan it.
  if (id.startsWith("poster-")) return role === "child";
  const welcome = /^role-welcome-(\w+)$/.exec(id);
  if (welcome) return welcome[1] === role;
  return true;
}

/** The words of a text that address its reader: tags and quoted speech left out, lower case. */
function wordsOf(text: string): string[] {
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/«[^«»]*»|"[^"]*"|„[^“]*“/g, " ")
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .flatMap((w) => w.split("-"))
    .filter(Boolean);
}

/** Texts that one message shows to everyone at once (a card, the profile, a group): no register at all. */
function addressesNobody(id: string): boolean {
  return id.startsWith("dir-") || id.startsWith("bot-") || id === "group-not-here";
}

function wrongWords(lang: "kk" | "ru", text: string, role: Role | "nobody"): string[] {
  const { formal, informal } = MARKERS[lang];
  const wrong = role === "nobody" ? (w: string) => formal(w) || informal(w) : MARKERS[lang][FORBIDDEN[role]];
  return [...new Set(wordsOf(text).filter(wrong))];
}

/** The words of the wrong register in each message a role reads, as "ru:key[role]: word". */
function slips(lang: "kk" | "ru"): string[] {
  const { bundle, ids } = bundleOf(lang);
  const out: string[] = [];
  for (const id of ids) {
    const value = bundle.getMessage(id)?.value;
    if (!value) continue;
    for (const role of ROLES) {
      if (!reaches(id, role)) continue;
      const words = wrongWords(lang, bundle.formatPattern(value, argsFor(role), []), addressesNobody(id) ? "nobody" : role);
      if (words.length > 0) out.push(`${lang}:${id}[${role}]: ${words.join(", ")}`);
    }
  }
  return out;
}

/** Every Kazakh and Russian text of the directory (names, descriptions, routes, notes…), with where it is. */
function directoryTexts(): Array<{ where: string; lang: "kk" | "ru"; text: string }> {
  const out: Array<{ where: string; lang: "kk" | "ru"; text: string }> = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if ((key === "kk" || key === "ru") && typeof v === "string") out.push({ where, lang: key, text: v });
        else walk(v, `${where}.${key}`);
      }
    }
  };
  for (const file of readdirSync(join("data", "services")).filter((f) => f.endsWith(".json"))) {
    walk(JSON.parse(readFileSync(join("data", "services", file), "utf8")), file);
  }
  return out;
}

describe("register: every text is worded for its reader", () => {
  it("the markers tell the registers apart (so the check below can fail)", () => {
    expect(KK.formal("шалыңыз")).toBe(true);
    expect(KK.formal("жердесіз")).toBe(true);
    expect(KK.formal("маңызды")).toBe(false);
    expect(KK.formal("қауіпсіз")).toBe(false);
    expect(KK.informal("атыңды")).toBe(true);
    expect(KK.informal("аласың")).toBe(true);
    expect(KK.informal("шал")).toBe(true);
    expect(KK.informal("баланың")).toBe(false);
    expect(KK.informal("жаңа")).toBe(false);
    expect(RU.formal("позвоните")).toBe(true);
    expect(RU.formal("вам")).toBe(true);
    expect(RU.formal("сайте")).toBe(false);
    expect(RU.informal("твоих")).toBe(true);
    expect(RU.informal("можешь")).toBe(true);
    expect(RU.informal("звони")).toBe(true);
  });

  it("the flows are walked for each role: a child meets the child's questions, an adult the adult's", () => {
    expect(FLOW_KEYS.child.has("flow-bullying-who-me")).toBe(true);
    expect(FLOW_KEYS.parent.has("flow-bullying-who-me")).toBe(false);
    expect(FLOW_KEYS.parent.has("flow-violence-advice-dv")).toBe(true);
    expect(FLOW_KEYS.child.has("flow-violence-advice-dv")).toBe(false);
    expect(FLOW_KEYS.child.has("flow-bullying-intro")).toBe(true);
  });

  it("a child is never addressed formally, nor an adult informally, in Kazakh", () => {
    expect(slips("kk")).toEqual([]);
  });

  it("a child is never addressed formally, nor an adult informally, in Russian", () => {
    expect(slips("ru")).toEqual([]);
  });

  it("the referral cards' own texts (data/services) address nobody: a child and a parent read the same card", () => {
    const texts = directoryTexts();
    expect(texts.length).toBeGreaterThan(100);
    const slipped = texts.flatMap(({ where, lang, text }) => {
      const words = wrongWords(lang, text, "nobody");
      return words.length > 0 ? [`${where}.${lang}: ${words.join(", ")}`] : [];
    });
    expect(slipped).toEqual([]);
  });

  it("the saved replies (data/replies.csv) speak to a child informally and to an adult formally, in Kazakh and in Russian", () => {
    const { replies, issues } = readRepliesCsv(readFileSync(REPLIES_FILE, "utf8"));
    expect(issues).toEqual([]);
    const slipsOf = (list: readonly SavedReply[]) =>
      list.flatMap((reply) =>
        (["kk", "ru"] as const).flatMap((lang) =>
          ROLES.flatMap((role) => {
            // What the reader of this role gets, the other form of the language standing in for an empty one.
            const words = wrongWords(lang, replyText(reply, lang, role), role);
            return words.length > 0 ? [`${reply.id}.${lang}[${role}]: ${words.join(", ")}`] : [];
          }),
        ),
      );
    expect(replies.length).toBeGreaterThanOrEqual(4);
    expect(slipsOf(replies)).toEqual([]);
    // The check can fail: the forms swapped are caught in both languages.
    const swapped = replies.map((r) => ({ ...r, text: { ...r.text, kk: { child: r.text.kk.adult, adult: r.text.kk.child }, ru: { child: r.text.ru.adult, adult: r.text.ru.child } } }));
    expect(slipsOf(swapped).some((s) => s.startsWith("greeting.kk[child]"))).toBe(true);
    expect(slipsOf(swapped).some((s) => s.startsWith("greeting.ru[parent]"))).toBe(true);
  });
});
