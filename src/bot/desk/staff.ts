/**
 * The staff group: case buttons (claim, resolve through a dialogue, release, block, saved
 * replies), /queue, /note, and operators' messages in a case topic relayed to the user.
 * Only staff (group members and supervisors) can act; anyone else learns nothing. With several
 * staff groups (regional ones beside the national one) each is recognised, membership is asked
 * of the group written in, and a case acts only from its own group (desk.ts).
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { parseDeskCallback } from "../callbacks.js";
import { type CaseDesk, messageKind, type PressReply } from "./desk.js";
import { reportFeature } from "./report.js";
import { setupFeature } from "./setup.js";
import { resolveDialogueFeature } from "./resolve.js";

export function deskFeature(desk: CaseDesk): Composer<BotContext> {
  const feature = new Router<BotContext>();
  const staff = feature.filter((ctx) => desk.isStaffChat(ctx.chat?.id));
  const chatOf = (ctx: BotContext) => ctx.chat!.id;

  // Everything here is for staff only; others get a neutral refusal and nothing about cases.
  staff.use(async (ctx, next) => {
    const from = ctx.from?.id;
    // An anonymous admin writes as the group itself: only its admins can, so they are staff.
    if (ctx.msg?.sender_chat?.id === chatOf(ctx)) return next();
    if (from === undefined || ctx.from?.is_bot) return;
    if (!(await desk.isStaff(from, chatOf(ctx), ctx.from?.username))) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: desk.text.t("staff-not-allowed") }).catch(() => undefined);
      return;
    }
    await next();
  });

  // /report and /export: the figures, for supervisors; /id for SUPERVISOR_IDS.
  staff.use(reportFeature(desk), setupFeature(desk.text));

  // Resolve → outcome → category → note: each operator's dialogue in each topic (before the
  // card's buttons and the relay, which get what is not the dialogue's).
  staff.use(resolveDialogueFeature(desk, desk.dialogues));

  staff.command("queue", async (ctx) => {
    await ctx.reply(await desk.queueText(chatOf(ctx)), { parse_mode: "HTML" });
  });

  staff.command("note", async (ctx) => {
    const thread = ctx.message?.message_thread_id;
    if (!(await desk.note(chatOf(ctx), thread, ctx.match))) return void (await ctx.reply(desk.text.t("staff-note-where")));
    await ctx.reply(desk.text.t("staff-note-saved"), { message_thread_id: thread });
  });

  staff.command("mine", async (ctx) => {
    await ctx.reply(await desk.mineText(ctx.from?.id ?? 0, chatOf(ctx)), { parse_mode: "HTML", message_thread_id: ctx.message?.message_thread_id });
  });

  // /transfer @colleague <note>: the colleague by @username, or by a mention Telegram resolved.
  staff.command("transfer", async (ctx) => {
    const thread = ctx.message?.message_thread_id;
    const mention = ctx.message?.entities?.find((e) => e.type === "text_mention");
    const named = /^@(\w{3,32})\s*/.exec(ctx.match);
    const to = mention?.type === "text_mention" ? { id: mention.user.id, name: mention.user.first_name } : undefined;
    const note = mention ? ctx.match.replace(ctx.message!.text!.slice(mention.offset, mention.offset + mention.length), "").trim() : ctx.match.slice(named?.[0].length ?? 0).trim();
    const said = await desk.transfer({ chat: chatOf(ctx), thread, from: ctx.from!, to, toName: named?.[1], note });
    await ctx.reply(said, { parse_mode: "HTML", message_thread_id: thread });
  });

  staff.command("unblock", async (ctx) => {
    const thread = ctx.message?.message_thread_id;
    const result = await desk.unblock(chatOf(ctx), thread, ctx.from?.id ?? 0);
    const key = { nowhere: "staff-in-topic-only", denied: "staff-unblock-supervisors", unblocked: "staff-unblocked", "not-blocked": "staff-not-blocked" }[result];
    await ctx.reply(desk.text.t(key, { command: "/unblock" }), { message_thread_id: thread });
  });

  staff.on("callback_query:data", async (ctx, next) => {
    const cb = parseDeskCallback(ctx.callbackQuery.data);
    if (!cb) return next();
    await desk.press(cb, ctx.from, pressReply(ctx), chatOf(ctx));
  });

  // An operator's message in a case topic goes to the user (the first one also claims it).
  staff.on("message", async (ctx) => {
    const thread = ctx.message.message_thread_id;
    // Service messages (pins, topic edits) are not for the user.
    if (!thread || messageKind(ctx.message) === "other") return;
    // A command nobody handled is not sent either, but never silently.
    if (ctx.message.text?.startsWith("/")) return void (await ctx.reply(desk.text.t("staff-command-not-sent"), { message_thread_id: thread }));
    const result = await desk.operatorMessage({ thread, operator: ctx.from.id, name: ctx.from.first_name, chatId: ctx.chat.id, message: ctx.message });
    const notice = { closed: "staff-case-closed", erased: "staff-erased-reply", held: "staff-held", colleague: "staff-claimed-other" }[result as string];
    if (notice) await ctx.reply(desk.text.t(notice), { message_thread_id: thread });
  });

  // An operator corrects a message they sent: the user's copy is corrected too.
  staff.on("edited_message", async (ctx) => {
    const thread = ctx.editedMessage.message_thread_id;
    if (!thread) return;
    const result = await desk.operatorEdit({ thread, chatId: ctx.chat.id, message: ctx.editedMessage });
    const notice = { held: "staff-edit-held", failed: "staff-edit-failed" }[result as string];
    if (notice) await ctx.reply(desk.text.t(notice), { message_thread_id: thread });
  });

  return feature;
}

function pressReply(ctx: BotContext): PressReply {
  return {
    answer: async (text, alert) => {
      await ctx.answerCallbackQuery(text === undefined ? undefined : alert ? { text, show_alert: true } : { text });
    },
    editCard: async (text, keyboard) => {
      await ctx.editMessageText(text, keyboard ? { parse_mode: "HTML", reply_markup: keyboard } : { parse_mode: "HTML" });
    },
    editButtons: async (keyboard) => {
      await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    },
  };
}
