/**
 * The Router the bot's features are built on (src/bot/router.ts) routes as grammY's Composer
 * does: the same handlers in the same order, `next` falling through, errors reaching the
 * boundary; an update only skips what cannot act on its kind. Each case runs the same
 * registrations on a grammY Composer and on a Router and compares what ran.
 */
import { describe, expect, it } from "vitest";
import { Api, Composer, Context } from "grammy";
import type { Update } from "grammy/types";
import { Router } from "../../src/bot/router.js";

const chat = { id: 5, type: "private" as const, first_name: "A" };
const from = { id: 5, is_bot: false, first_name: "A" };
const UPDATES: Record<string, Update> = {
  text: { update_id: 1, message: { message_id: 1, date: 0, chat, from, text: "hello" } },
  command: { update_id: 2, message: { message_id: 2, date: 0, chat, from, text: "/menu", entities: [{ type: "bot_command", offset: 0, length: 5 }] } },
  edit: { update_id: 3, edited_message: { message_id: 1, date: 0, edit_date: 1, chat, from, text: "hello!" } },
  button: { update_id: 4, callback_query: { id: "q", from, chat_instance: "c", data: "m:menu" } },
  otherButton: { update_id: 5, callback_query: { id: "q", from, chat_instance: "c", data: "t:bullying" } },
  member: {
    update_id: 6,
    my_chat_member: { chat, from, date: 0, old_chat_member: { status: "member", user: from }, new_chat_member: { status: "kicked", user: from, until_date: 0 } },
  },
};

/** Registers a feature set on `root` and returns what ran for an update. */
function build(root: Composer<Context>, make: () => Composer<Context>): (update: Update) => Promise<string[]> {
  const ran: string[] = [];
  const feature = (name: string) => {
    const f = make();
    f.command("menu", async (_ctx, next) => {
      ran.push(`${name}:command`);
      if (name === "a") await next();
    });
    f.on(["message", "edited_message"], async (ctx, next) => {
      ran.push(`${name}:message`);
      if (ctx.editedMessage) return; // handled
      await next();
    });
    f.callbackQuery("m:menu", async (_ctx, next) => {
      ran.push(`${name}:menu-button`);
      await next();
    });
    f.on("callback_query:data", (ctx) => {
      ran.push(`${name}:button ${ctx.callbackQuery.data}`);
    });
    return f;
  };
  root.use(async (_ctx, next) => {
    ran.push("before");
    await next();
    ran.push("after");
  });
  const inner = root.chatType("private");
  inner.use(feature("a"), feature("b"));
  const boundary = make();
  boundary.on("message:text", () => {
    throw new Error("boom");
  });
  root.errorBoundary((err) => void ran.push(`caught ${(err.error as Error).message}`), boundary);
  root.use(() => void ran.push("last"));
  return async (update) => {
    ran.length = 0;
    const c = new Context(update, new Api("1:x"), { id: 1, is_bot: true, first_name: "B", username: "b" } as never);
    await root.middleware()(c, async () => void ran.push("end"));
    return [...ran];
  };
}

describe("the Router", () => {
  for (const [name, update] of Object.entries(UPDATES)) {
    it(`runs what grammY's Composer runs, in the same order: ${name}`, async () => {
      const grammy = await build(new Composer<Context>(), () => new Composer<Context>())(update);
      const router = await build(new Router<Context>(), () => new Router<Context>())(update);
      expect(router).toEqual(grammy);
      expect(router.length).toBeGreaterThan(2);
    });
  }

  it("takes what is registered on a sub-composer after it was added", async () => {
    const root = new Router<Context>();
    const ran: string[] = [];
    const later = root.use((_ctx, next) => next());
    later.use(() => void ran.push("added later"));
    await root.middleware()(new Context(UPDATES.button!, new Api("1:x"), {} as never), async () => void ran.push("end"));
    expect(ran).toEqual(["added later"]);
  });

  it("keeps only the kinds its entries act on", () => {
    const r = new Router<Context>();
    r.command("menu", () => undefined);
    r.on("edit:text", () => undefined);
    r.callbackQuery("x", () => undefined);
    expect([...(r.kinds() ?? [])].sort()).toEqual(["callback_query", "channel_post", "edited_channel_post", "edited_message", "message"]);
    r.use(() => undefined);
    expect(r.kinds()).toBeUndefined();
  });
});
