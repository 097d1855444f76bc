/**
 * The typed-answer matcher alone (src/flows/answers.ts): the same answer in every script meets
 * one option; two options that fit as well, or none, give undefined (the bot asks again).
 */
import { describe, expect, it } from "vitest";
import { matchTypedAnswer } from "../../src/flows/answers.js";
import { choicesFor, evaluateAnswers, formatAnswerReport, readBatch, readSplits } from "./answers-corpus.js";

const safe = choicesFor({ q: "family.safe", role: "child" });
const regions = choicesFor({ q: "region" });

describe("matchTypedAnswer", () => {
  it.each(["жоқ", "жок", "joq", "jok", "нет", "no", "nope", "неа"])("reads %s as no", (typed) => {
    expect(matchTypedAnswer(typed, safe)).toBe("no");
  });
  it.each(["иә", "иа", "ия", "ia", "да", "yes", "ага"])("reads %s as yes", (typed) => {
    expect(matchTypedAnswer(typed, safe)).toBe("yes");
  });
  it.each(["білмеймін", "билмеймин", "bilmeimin", "не знаю", "idk"])("reads %s as I don't know", (typed) => {
    expect(matchTypedAnswer(typed, safe)).toBe("unsure");
  });
  it("reads «иа» (Kazakh yes) as yes, never as the Russian «я» (me) it folds to", () => {
    expect(matchTypedAnswer("иа", choicesFor({ q: "bullying.who", role: "child" }))).toBeUndefined();
    expect(matchTypedAnswer("я", choicesFor({ q: "bullying.who", role: "child" }))).toBe("me");
  });
  it("asks again when a yes could be two buttons, or a word names none", () => {
    expect(matchTypedAnswer("да", choicesFor({ q: "feeling_bad.harm", role: "child" }))).toBeUndefined();
    expect(matchTypedAnswer("да", choicesFor({ q: "bullying.where", role: "child" }))).toBeUndefined();
    expect(matchTypedAnswer("привет", safe)).toBeUndefined();
    expect(matchTypedAnswer("9", safe)).toBeUndefined();
  });
  it("reads a label with a typo or an inflection", () => {
    const where = choicesFor({ q: "bullying.where", role: "child" });
    expect(matchTypedAnswer("в шклое", where)).toBe("school");
    expect(matchTypedAnswer("mektepte", where)).toBe("school");
    expect(matchTypedAnswer("в интеренете", where)).toBe("online");
  });
  it.each([
    ["Шымкент", "shymkent"],
    ["Shymkent", "shymkent"],
    ["Туркестанская", "turkistan"],
    ["Түркістан облысы", "turkistan"],
    ["Алматы", "almaty_city"],
    ["Алматы облысы", "almaty_region"],
    ["Алматинская обл.", "almaty_region"],
    ["Өскемен", "east_kz"],
    ["Нур-Султан", "astana"],
  ])("reads the region %s", (typed, code) => {
    expect(matchTypedAnswer(typed, regions)).toBe(code);
  });
  it.each(["Ташкент", "Казахстан", "Казахстанская", "область"])("does not take %s for a region", (typed) => {
    expect(matchTypedAnswer(typed, regions)).toBeUndefined();
  });
});

describe("the train split of the typed-answer corpus", () => {
  it("is read well enough to tune on (figures printed)", () => {
    const report = evaluateAnswers(readSplits().train.flatMap(readBatch));
    console.log(formatAnswerReport(report, "train split"));
    expect(report.falseAccepts / report.items).toBeLessThanOrEqual(0.03);
  });
});
