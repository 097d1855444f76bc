/**
 * Resolving a case as an operator does (the resolve dialogue, src/bot/desk/resolve.ts): Resolve
 * on the card, an outcome, a category in two levels, then a note or "Resolve without a note",
 * each a press (or a message) in the case's topic through the fake Telegram.
 */
import type { Update } from "grammy/types";
import { DESK_CB } from "../../src/bot/callbacks.js";
import type { CategoryCode } from "../../src/cases/categories.js";
import type { Outcome } from "../../src/cases/types.js";
import type { ApiCall } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";

export interface ResolveSteps {
  outcome?: Outcome;
  category?: CategoryCode;
  /** Typed as the last step; none: "Resolve without a note". */
  note?: string;
  /** The topic to press in (default: the case's). */
  thread?: number;
}

interface Deskful {
  send(update: Update): Promise<ApiCall[]>;
  deps: { desk?: { store: { get(id: number): Promise<{ threadId?: number } | undefined> } } };
}

/** The presses of the dialogue, one after another; the Bot API calls of all of them. */
export async function resolveThrough(h: Deskful, staffChatId: number, from: { id: number; first_name: string }, caseId: number, steps: ResolveSteps = {}): Promise<ApiCall[]> {
  const staff = staffGroup(staffChatId);
  const thread = steps.thread ?? (await h.deps.desk!.store.get(caseId))?.threadId ?? 0;
  const c = { id: caseId, threadId: thread };
  const where = thread ? { thread } : {};
  const category = steps.category ?? "information.other";
  const calls: ApiCall[] = [];
  const press = async (data: string) => calls.push(...(await h.send(staff.callback(from, data, where))));
  await press(DESK_CB.resolveMenu(c));
  await press(DESK_CB.outcome(c, steps.outcome ?? "helped"));
  await press(DESK_CB.category(c, category.split(".")[0] as Parameters<typeof DESK_CB.category>[1]));
  await press(DESK_CB.subcategory(c, category));
  if (steps.note === undefined) await press(DESK_CB.skipNote(c));
  else calls.push(...(await h.send(staff.text(from, steps.note, where))));
  return calls;
}
