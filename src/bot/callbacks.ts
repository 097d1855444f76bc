/**
 * Callback data of the bot's buttons: built and parsed here, in one place, one section per
 * feature. A parser returns a typed value, or undefined for data that is not its feature's
 * (then the next handler gets the update). Data is short and versionless: an old button from
 * a message long ago still parses, and its handler checks it against the present.
 */
import { OUTCOMES, type Outcome, TEMPLATES, type Template } from "../cases/types.js";

const includes = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

// ── The staff desk: buttons under case cards in the staff group, c:<action>:<case>[:<arg>] ──

export const DESK_CB = {
  claim: (id: number) => `c:claim:${id}`,
  resolveMenu: (id: number) => `c:res:${id}`,
  outcome: (id: number, outcome: Outcome) => `c:out:${id}:${outcome}`,
  release: (id: number) => `c:rel:${id}`,
  block: (id: number) => `c:block:${id}`,
  template: (id: number, name: Template) => `c:tpl:${id}:${name}`,
  back: (id: number) => `c:card:${id}`,
};

/**
 * A staff button. `outcome` and `template` are undefined when the data names one the bot
 * does not make (a forged or outdated button): the press is answered and does nothing.
 */
export type DeskCallback =
  | { action: "claim" | "resolveMenu" | "release" | "block" | "back"; caseId: number }
  | { action: "outcome"; caseId: number; outcome?: Outcome }
  | { action: "template"; caseId: number; template?: Template };

const DESK_DATA = /^c:(claim|res|out|rel|block|tpl|card):(\d{1,9})(?::([a-z_]{1,24}))?$/;
const DESK_ACTIONS = { claim: "claim", res: "resolveMenu", rel: "release", block: "block", card: "back" } as const;

export function parseDeskCallback(data: string): DeskCallback | undefined {
  const m = DESK_DATA.exec(data);
  if (!m) return undefined;
  const [, action, id, arg] = m as unknown as [string, string, string, string | undefined];
  const caseId = Number(id);
  if (action === "out") return { action: "outcome", caseId, outcome: includes(OUTCOMES, arg) ? arg : undefined };
  if (action === "tpl") return { action: "template", caseId, template: includes(TEMPLATES, arg) ? arg : undefined };
  return { action: DESK_ACTIONS[action as keyof typeof DESK_ACTIONS], caseId };
}

// ── Cases, the user's side: rating the help, asking for a check-in, answering it ──

export const CASE_CB = {
  /** A rating of 1–5 stars under the resolution message. */
  rate: (id: number, stars: number) => `rate:${id}:${stars}`,
  /** "Check on me in 3 days". */
  checkIn: (id: number) => `ci:${id}`,
  /** "I'm okay" under a check-in. */
  checkInOk: (id: number) => `ci:ok:${id}`,
};

export type CaseCallback =
  | { kind: "rate"; caseId: number; stars: number }
  | { kind: "checkIn"; caseId: number }
  | { kind: "checkInOk"; caseId: number };

const RATE_DATA = /^rate:(\d{1,9}):([1-5])$/;
const CHECK_IN_DATA = /^ci:(\d{1,9})$/;
const CHECK_IN_OK_DATA = /^ci:ok:(\d{1,9})$/;

export function parseCaseCallback(data: string): CaseCallback | undefined {
  let m = RATE_DATA.exec(data);
  if (m) return { kind: "rate", caseId: Number(m[1]), stars: Number(m[2]) };
  if ((m = CHECK_IN_DATA.exec(data))) return { kind: "checkIn", caseId: Number(m[1]) };
  if ((m = CHECK_IN_OK_DATA.exec(data))) return { kind: "checkInOk", caseId: Number(m[1]) };
  return undefined;
}
