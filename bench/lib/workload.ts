/**
 * What users (and operators) send: scripted private users who onboard (/start, language,
 * role) and then mix menu taps, topic flows answered with the buttons the bot actually showed
 * them, free text in kk/ru/en, crisis messages and, with the desk on, a talk with a person
 * (the user writes, an operator answers in the case's topic and resolves, the user rates).
 *
 * Updates are shaped like Telegram's: unique update ids, and a pressed button's
 * callback_query.message carries the text and keyboard of the message it belongs to.
 * Every step a Senim user takes is recorded, so the bare bot is sent the very same updates.
 */
import { TOPICS, type Lang, type Role } from "../../src/domain.js";
import { BOT_INFO, type ApiCall } from "../../src/testing/fake-telegram.js";
import { DESK_CB } from "../../src/bot/callbacks.js";
import { STAFF_CHAT } from "./bots.js";
import type { Rng } from "./stats.js";

export const KINDS = [
  "start",
  "menu",
  "flow",
  "text",
  "crisis",
  "person",
  "relay_user",
  "relay_staff",
  "staff_resolve",
  "rate",
] as const;
export type Kind = (typeof KINDS)[number];
/** Kinds that involve the operators' desk; the others are "ordinary" updates. */
export const DESK_KINDS: ReadonlySet<Kind> = new Set(["person", "relay_user", "relay_staff", "staff_resolve", "rate"]);

export interface Step {
  kind: Kind;
  /** The webhook body (the update as JSON). */
  body: string;
}

export interface Actor {
  /** The next update to send once the previous one was answered; undefined when done. */
  next(): Promise<Step | undefined>;
}

const FREE_TEXT: Readonly<Record<Lang, readonly string[]>> = {
  kk: ["Сәлеметсіз бе, маған көмек керек", "мектепте мені мазақ етеді", "не істеу керек білмеймін", "рахмет", "ата-анам жиі ұрсысады"],
  ru: ["Здравствуйте, у меня вопрос", "родители постоянно ругаются", "не знаю что делать", "спасибо", "как оформить опекунство?"],
  en: ["hello, I need some advice", "I feel lonely at school", "what should I do", "thanks", "my parents are divorcing"],
};
const CRISIS: Readonly<Record<Lang, readonly string[]>> = {
  kk: ["olgim keledi", "өлгім келеді"],
  ru: ["я хочу умереть", "я больше не хочу жить"],
  en: ["I want to die", "I want to kill myself"],
};
const RELAY: Readonly<Record<Lang, readonly string[]>> = {
  kk: ["маған қорқынышты", "сіз сондасыз ба?", "үйге барғым келмейді"],
  ru: ["мне страшно возвращаться домой", "вы здесь?", "я не знаю, кому ещё сказать"],
  en: ["I am scared to go home", "are you there?", "I do not know who else to tell"],
};
const IN_FLOW_NOISE: Readonly<Record<Lang, string>> = { kk: "білмеймін", ru: "не знаю", en: "not sure" };
const OPERATOR_TEXT = "Здравствуйте, я рядом. Вы сейчас в безопасности?";
const OPERATORS = [710001, 710002, 710003, 710004, 710005];

interface Screen {
  messageId: number;
  text: string;
  markup: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
}

export interface CaseRef {
  id: number;
  threadId?: number;
}

/** Shared by all users of one bot: ids, randomness, the desk lookup. */
export class World {
  private updateId = 1;
  private nextUser: number;
  /** Users whose script is not over (replies are routed to them). */
  readonly users = new Map<number, ScriptedUser>();
  /** Users who sent something in the current phase, in the order of their first update in it. */
  private phaseUsers: ScriptedUser[] = [];
  /** Users who sent at least one update. */
  active = 0;

  constructor(
    readonly rng: Rng,
    firstUserId: number,
    readonly desk: boolean,
    /** Finds the case a user just opened (read outside the bot's metered Redis client). */
    readonly lookupCase: (chatId: number) => Promise<CaseRef | undefined>,
  ) {
    this.nextUser = firstUserId;
  }

  nextUpdateId(): number {
    return this.updateId++;
  }

  spawn(): ScriptedUser {
    const user = new ScriptedUser(this, this.nextUser++);
    this.users.set(user.id, user);
    return user;
  }

  /** Called by a user for each update it sends. */
  recorded(user: ScriptedUser, step: Step): void {
    if (user.phaseSteps.length === 0) this.phaseUsers.push(user);
    user.phaseSteps.push(step);
  }

  /** The updates each user sent in the phase that just ended (for the bare bot), and a new phase. */
  takePhase(): Step[][] {
    const out = this.phaseUsers.map((u) => u.phaseSteps);
    for (const u of this.phaseUsers) u.phaseSteps = [];
    this.phaseUsers = [];
    return out;
  }

  /** Reads what the bot sent, to press the buttons it showed (FakeTelegram.onCall). */
  observe(call: ApiCall): void {
    const chatId = Number(call.payload.chat_id);
    const user = this.users.get(chatId);
    if (!user) return;
    const markup = call.payload.reply_markup as Screen["markup"] | undefined;
    if (!markup?.inline_keyboard) return;
    const messageId =
      call.method === "editMessageText"
        ? Number(call.payload.message_id)
        : Number((call.result as { message_id?: number } | undefined)?.message_id ?? 1);
    user.screen = { messageId, text: String(call.payload.text ?? ""), markup };
  }
}

export class ScriptedUser implements Actor {
  readonly lang: Lang;
  readonly role: Role;
  /** The telegram language_code: mostly the language, sometimes another one. */
  private readonly languageCode: string;
  screen?: Screen;
  phaseSteps: Step[] = [];
  private sent = 0;
  private messageId = 1;
  private readonly script: AsyncGenerator<Step, void, void>;

  constructor(
    private readonly world: World,
    readonly id: number,
  ) {
    const rng = world.rng;
    this.lang = rng.weighted({ kk: 0.4, ru: 0.45, en: 0.15 });
    this.role = rng.weighted({ child: 0.5, parent: 0.35, professional: 0.15 });
    this.languageCode = rng.next() < 0.8 ? this.lang : rng.pick(["ru", "en", "de", "kk"]);
    this.script = this.run();
  }

  async next(): Promise<Step | undefined> {
    const r = await this.script.next();
    if (r.done) {
      this.world.users.delete(this.id);
      return undefined;
    }
    if (this.sent++ === 0) this.world.active++;
    this.world.recorded(this, r.value);
    return r.value;
  }

  private async *run(): AsyncGenerator<Step, void, void> {
    const rng = this.world.rng;
    yield this.text("start", "/start");
    yield this.press("start", `lang:${this.lang}:role`);
    yield this.press("start", `role:${this.role}`);
    const episodes = 3 + rng.int(4);
    for (let i = 0; i < episodes; i++) {
      const what = rng.weighted({ flow: 0.45, menu: 0.2, text: 0.25, crisis: 0.1 });
      if (what === "flow") {
        yield this.press("flow", `t:${rng.pick(TOPICS)}`);
        yield* this.followFlow();
      } else if (what === "menu") {
        yield rng.next() < 0.5 ? this.text("menu", "/menu") : this.press("menu", "m:menu");
      } else if (what === "text") {
        yield this.text("text", rng.pick(FREE_TEXT[this.lang]));
        yield* this.followFlow(); // free text naming a topic opens its flow
      } else {
        yield this.text("crisis", rng.pick(CRISIS[this.lang]));
      }
    }
    if (this.world.desk && rng.next() < 0.12) yield* this.talkToPerson();
  }

  /** Answers the flow on screen with its buttons until it ends (sometimes typing, going back, paging). */
  private async *followFlow(): AsyncGenerator<Step, void, void> {
    const rng = this.world.rng;
    for (let steps = 0; steps < 12; steps++) {
      const buttons = this.buttons().filter((d) => d.startsWith("f:") && d !== "f:menu" && d !== "f:cancel");
      const answers = buttons.filter((d) => d !== "f:back" && !d.includes(":rpage:"));
      if (answers.length === 0) return;
      const r = rng.next();
      if (r < 0.06) yield this.text("flow", IN_FLOW_NOISE[this.lang]);
      else if (r < 0.1 && steps > 0 && buttons.includes("f:back")) yield this.press("flow", "f:back");
      else {
        const pages = buttons.filter((d) => d.includes(":rpage:"));
        yield this.press("flow", pages.length > 0 && r < 0.25 ? rng.pick(pages) : rng.pick(answers));
      }
    }
  }

  private async *talkToPerson(): AsyncGenerator<Step, void, void> {
    const rng = this.world.rng;
    yield this.press("person", "m:person");
    const found = await this.world.lookupCase(this.id);
    yield this.text("relay_user", rng.pick(RELAY[this.lang]));
    if (!found?.threadId) return;
    yield this.staffMessage(found.threadId, OPERATOR_TEXT);
    yield this.text("relay_user", rng.pick(RELAY[this.lang]));
    // Resolving is a dialogue of one operator: Resolve, an outcome, a category in two levels, no note.
    const c = { id: found.id, threadId: found.threadId };
    const operator = this.operator();
    for (const data of [DESK_CB.resolveMenu(c), DESK_CB.outcome(c, "helped"), DESK_CB.category(c, "family"), DESK_CB.subcategory(c, "family.parents"), DESK_CB.skipNote(c)]) {
      yield this.staffPress(data, found.threadId, operator);
    }
    yield this.press("rate", `rate:${found.id}:${1 + rng.int(5)}`);
  }

  private buttons(): string[] {
    return this.screen?.markup.inline_keyboard.flat().flatMap((b) => (b.callback_data ? [b.callback_data] : [])) ?? [];
  }

  private chat() {
    return { id: this.id, type: "private" as const, first_name: "Bench" };
  }
  private from() {
    return { id: this.id, is_bot: false, first_name: "Bench", language_code: this.languageCode };
  }

  private step(kind: Kind, update: Record<string, unknown>): Step {
    return { kind, body: JSON.stringify({ update_id: this.world.nextUpdateId(), ...update }) };
  }

  text(kind: Kind, text: string): Step {
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    return this.step(kind, {
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat(),
        from: this.from(),
        text,
        ...(entities ? { entities } : {}),
      },
    });
  }

  /** A button press on the message on screen (as Telegram sends it: with that message's text and keyboard). */
  press(kind: Kind, data: string): Step {
    const screen = this.screen;
    return this.step(kind, {
      callback_query: {
        id: `${this.id}${this.messageId++}`,
        from: this.from(),
        chat_instance: `ci${this.id}`,
        data,
        message: {
          message_id: screen?.messageId ?? 1,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(),
          from: BOT_INFO,
          text: screen?.text ?? "…",
          ...(screen ? { reply_markup: screen.markup } : {}),
        },
      },
    });
  }

  private operator() {
    return { id: this.world.rng.pick(OPERATORS), is_bot: false, first_name: "Aigerim" };
  }

  staffMessage(thread: number, text: string): Step {
    return this.step("relay_staff", {
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: STAFF_CHAT, type: "supergroup", title: "Senim staff", is_forum: true },
        from: this.operator(),
        message_thread_id: thread,
        is_topic_message: true,
        text,
      },
    });
  }

  staffPress(data: string, thread: number, operator = this.operator()): Step {
    return this.step("staff_resolve", {
      callback_query: {
        id: `s${this.id}${this.messageId++}`,
        from: operator,
        chat_instance: "staff",
        data,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: STAFF_CHAT, type: "supergroup", title: "Senim staff", is_forum: true },
          from: BOT_INFO,
          text: "Case card",
          message_thread_id: thread,
        },
      },
    });
  }
}

/** Sends recorded steps again, in order (the bare bot gets exactly what Senim got). */
export class ReplayActor implements Actor {
  private i = 0;
  constructor(private readonly steps: readonly Step[]) {}
  async next(): Promise<Step | undefined> {
    return this.steps[this.i++];
  }
}

/** Hands out replay actors in the order the recorded users were created. */
export function replaySource(recordings: readonly (readonly Step[])[]): () => Actor | undefined {
  let i = 0;
  return () => {
    const steps = recordings[i++];
    return steps ? new ReplayActor(steps) : undefined;
  };
}
