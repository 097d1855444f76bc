/**
 * Helpers of the end-to-end flow tests (e2e.test.ts): onboarding, a driver that answers a
 * topic flow by callback data (never by label), and checks on the outcome the user reads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Texts } from "../../src/i18n.js";
import type { Lang, Role, Topic } from "../../src/domain.js";
import { FLOWS } from "../../src/flows/topics/index.js";
import type { Answers } from "../../src/flows/types.js";
import { translator } from "../../src/i18n.js";
import type { ApiCall } from "../../src/testing/fake-telegram.js";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import type { Reply, TestUser } from "../kit/harness.js";
import { escapeHtml } from "../../src/directory/card.js";

const DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

/** Letters only Kazakh Cyrillic has (Russian has none of them). */
export const KAZAKH_LETTERS = /[әіңғқөұүһӘІҢҒҚӨҰҮҺ]/;
export const CYRILLIC = /[\u0400-\u04FF]/;
/** Proper names the English texts may keep in Cyrillic (the anti-bullying programme's name). */
export const CYRILLIC_PROPER_NAMES = ["ДосболLIKE"];

/** A saturday evening in Astana (UTC+5): the clock of every harness in these tests. */
export const FIXED_NOW = new Date("2026-03-14T13:00:00Z");

// ---------------------------------------------------------------------------------------------
// The directory and the regions, read straight from data/ (independent of the bot's loader).

export interface ServiceEntry {
  id: string;
  kind: string;
  name: Record<Lang, string>;
  phones?: string[];
  contacts_verified: boolean;
  route?: Record<Lang, string>;
}

export const SERVICES: ReadonlyMap<string, ServiceEntry> = new Map(
  readdirSync(`${DATA_DIR}/services`)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => (JSON.parse(readFileSync(`${DATA_DIR}/services/${f}`, "utf8")) as { services: ServiceEntry[] }).services)
    .map((s) => [s.id, s]),
);

export const REGIONS: ReadonlyArray<{ code: string; name: Record<Lang, string> }> = (
  JSON.parse(readFileSync(`${DATA_DIR}/regions.json`, "utf8")) as { regions: { code: string; name: Record<Lang, string> }[] }
).regions;

export function service(id: string): ServiceEntry {
  const s = SERVICES.get(id);
  if (!s) throw new Error(`no service ${id} in data/services`);
  return s;
}

/** As card.ts escapes data for Telegram HTML (the one escape the project has). */
export { escapeHtml };

// ---------------------------------------------------------------------------------------------
// Driving the bot.

/** /start → language → role: the kit's, re-exported for the e2e tests. */
export { onboard } from "../kit/harness.js";

/** Where a reply stands in a flow: a question, the region picker, or something else. */
export type Step =
  | { kind: "question"; qid: string; call: ApiCall; options: string[] }
  | { kind: "region"; call: ApiCall; codes: string[]; pages: number[] }
  | { kind: "other" };

const ANSWER = /^f:([a-z_]+):([a-z0-9_]+):([a-z0-9_-]+)$/;

/** The step the last message with flow buttons of `topic` shows. */
export function stepOf(reply: Reply, topic: Topic): Step {
  for (const call of [...reply.messages].reverse()) {
    const data = buttonsOf(call)
      .map((b) => b.callback_data ?? "")
      .map((d) => ANSWER.exec(d))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === topic);
    if (data.length === 0) continue;
    const regions = data.filter((m) => m[2] === "region").map((m) => m[3]!);
    if (regions.length > 0) {
      const pages = data.filter((m) => m[2] === "rpage").map((m) => Number(m[3]));
      return { kind: "region", call, codes: regions, pages };
    }
    const qids = new Set(data.map((m) => m[2]!));
    if (qids.size !== 1) throw new Error(`buttons of several questions in one message: ${[...qids].join(", ")}`);
    return { kind: "question", qid: [...qids][0]!, call, options: data.map((m) => m[3]!) };
  }
  return { kind: "other" };
}

export interface FlowRun {
  /** Question ids in the order the bot asked them. */
  asked: string[];
  /** The messages that asked them (one per question). */
  questionMessages: ApiCall[];
  /** Whether the region picker was shown (and how many pages were looked at). */
  regionAsked: boolean;
  /** Every reply of the flow, the topic press first. */
  replies: Reply[];
  /** The reply that ended the flow (advice + referrals; after "More" when there was a short screen). */
  outcome: Reply;
  /** The short screen a child in danger got first (the numbers, one sentence, a person, "More"). */
  brief?: Reply;
}

export interface DriveOptions {
  /** Region code to pick when asked, or "-" for "I'd rather not say". Required if asked. */
  region?: string;
  /** Continue from this reply instead of pressing the topic button. */
  from?: Reply;
  /** Stop after this many answers (the flow is left running). */
  stopAfter?: number;
}

/**
 * Presses the topic in the menu (unless `from`) and answers every question by its callback
 * data `f:<topic>:<qid>:<option>` from `answers`, then the region if asked.
 */
export async function driveFlow(user: TestUser, topic: Topic, answers: Answers, options: DriveOptions = {}): Promise<FlowRun> {
  const replies: Reply[] = [];
  const asked: string[] = [];
  const questionMessages: ApiCall[] = [];
  let regionAsked = false;
  let reply = options.from ?? (await user.press(`t:${topic}`));
  replies.push(reply);
  for (let guard = 0; guard < 20; guard++) {
    const step = stepOf(reply, topic);
    if (step.kind === "other") break;
    if (step.kind === "question") {
      if (options.stopAfter !== undefined && asked.length >= options.stopAfter) break;
      asked.push(step.qid);
      questionMessages.push(step.call);
      const option = answers[step.qid];
      if (option === undefined) throw new Error(`no answer for ${topic}:${step.qid} (options ${step.options.join(", ")})`);
      reply = await user.press(`f:${topic}:${step.qid}:${option}`);
    } else {
      regionAsked = true;
      const code = options.region;
      if (code === undefined) throw new Error(`${topic}: the region was asked but the test gave none`);
      if (!step.codes.includes(code)) {
        const next = step.pages.find((p) => p > 0) ?? 1;
        reply = await user.press(`f:${topic}:rpage:${next}`);
      } else {
        reply = await user.press(`f:${topic}:region:${code}`);
      }
    }
    replies.push(reply);
  }
  // A child in danger gets one short screen first; "More" shows the rest.
  if (reply.buttonData.includes("f:more")) {
    const brief = reply;
    reply = await user.press("f:more");
    replies.push(reply);
    return { asked, questionMessages, regionAsked, replies, outcome: reply, brief };
  }
  return { asked, questionMessages, regionAsked, replies, outcome: reply };
}

// ---------------------------------------------------------------------------------------------
// Reading the outcome.

export interface Outcome {
  /** The messages before the referral message: emergency numbers (if urgent) and advice. */
  advice: ApiCall[];
  adviceText: string;
  /** The message titled by flow-referrals-title (the last chunk carries the buttons). */
  referral: ApiCall[];
  referralText: string;
  all: ApiCall[];
}

/** Splits an outcome reply at the referral title of `lang`. */
export function splitOutcome(reply: Reply, i18n: Texts, lang: Lang): Outcome {
  const title = translator(i18n, lang)("flow-referrals-title");
  const sent = reply.messages.filter((c) => c.method === "sendMessage");
  const at = sent.findIndex((c) => textOf(c).startsWith(title));
  if (at < 0) throw new Error(`no referral message titled ${title} in:\n${reply.text}`);
  const advice = sent.slice(0, at);
  const referral = sent.slice(at);
  return {
    advice,
    adviceText: advice.map(textOf).join("\n\n"),
    referral,
    referralText: referral.map(textOf).join("\n\n"),
    all: sent,
  };
}

/** The advice paragraphs the flow definition says this path ends in, rendered in `lang`. */
export function expectedAdvice(i18n: Texts, lang: Lang, topic: Topic, answers: Answers, role: Role, region?: string): string[] {
  const t = translator(i18n, lang);
  const outcome = FLOWS[topic].outcome(answers, region ? { role, region } : { role });
  return outcome.advice.map((key) => t(key, { role }));
}

/** One referral card: its first line is the bold name. */
export interface Card {
  name: string;
  text: string;
}

/** The cards of a referral text (after the title), as rendered by card.ts. */
export function cardsOf(referralText: string): Card[] {
  return referralText
    .split("\n\n")
    .slice(1)
    .filter((block) => block.startsWith("<b>"))
    .map((block) => ({ name: /^<b>(.*?)<\/b>/.exec(block)?.[1] ?? "", text: block }));
}

/** The service a card shows, found by its name in `lang`. */
export function serviceOfCard(card: Card, lang: Lang): ServiceEntry | undefined {
  return [...SERVICES.values()].find((s) => escapeHtml(s.name[lang]) === card.name);
}

/** Bold numbers in the order they appear: "<b>112</b> … <b>150</b>" → ["112", "150"]. */
export function boldNumbers(text: string): string[] {
  return [...text.matchAll(/<b>[^<\d]*?(\d{3,4})[^<]*?<\/b>/g)].map((m) => m[1]!);
}
