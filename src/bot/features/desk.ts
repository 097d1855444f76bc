/**
 * The staff group: case buttons (claim, resolve with an outcome, release, block, saved
 * replies), /queue, /note, and operators' messages in a case topic relayed to the user.
 * Only staff (group members and supervisors) can act; anyone else learns nothing.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { type CaseDesk, checkInTime, TEMPLATES, type Template } from "../../cases/desk.js";
import { type Case, type Outcome, OUTCOMES, RISK_ICON } from "../../cases/types.js";
import { escapeHtml } from "../../directory/card.js";

export function deskFeature(desk: CaseDesk): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const staff = feature.filter((ctx) => ctx.chat?.id === desk.config.staffChatId);
  const lang = desk.config.staffLang;
  const st = (ctx: BotContext, key: string, vars?: Record<string, string | number>) => ctx.deps.i18n.t(lang, key, vars);

  // Everything here is for staff only; others get a neutral refusal and nothing about cases.
  staff.use(async (ctx, next) => {
    const from = ctx.from?.id;
    if (from === undefined || ctx.from?.is_bot) return;
    if (!(await desk.isStaff(from))) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: st(ctx, "staff-not-allowed") }).catch(() => undefined);
      return;
    }
    await next();
  });

  staff.command("queue", async (ctx) => {
    const cases = await desk.store.queue(30);
    if (cases.length === 0) return void (await ctx.reply(st(ctx, "staff-queue-empty")));
    const now = ctx.deps.now().getTime();
    const lines = cases.map((c) =>
      st(ctx, "staff-queue-line", {
        icon: RISK_ICON[c.risk],
        id: c.id,
        minutes: Math.round((now - c.waitingSince) / 60_000),
        status: st(ctx, `staff-status-${c.status}`),
        title: escapeHtml(desk.title(c)),
      }),
    );
    await ctx.reply(`${st(ctx, "staff-queue-title")}\n${lines.join("\n")}`, { parse_mode: "HTML" });
  });

  staff.command("note", async (ctx) => {
    const thread = ctx.message?.message_thread_id;
    const c = thread ? await desk.store.byThread(thread) : undefined;
    if (!c) return void (await ctx.reply(st(ctx, "staff-note-where")));
    await desk.store.appendLog(c.id, { from: "note", kind: "text", text: ctx.match, at: Date.now() });
    await ctx.reply(st(ctx, "staff-note-saved"), { message_thread_id: thread });
  });

  staff.callbackQuery(/^c:(claim|res|out|rel|block|tpl|card):(\d{1,9})(?::([a-z_]{1,24}))?$/, async (ctx) => {
    const [, action, idText, arg] = ctx.match;
    const c = await desk.store.get(Number(idText));
    if (!c) return void (await ctx.answerCallbackQuery({ text: st(ctx, "staff-case-missing") }));
    const operator = ctx.from;
    const now = ctx.deps.now().getTime();
    switch (action) {
      case "claim": {
        const result = await desk.store.claim(c.id, operator.id, now);
        if (!result.ok) {
          const key = result.reason === "taken" ? "staff-claim-taken" : "staff-case-closed";
          return void (await ctx.answerCallbackQuery({ text: st(ctx, key), show_alert: true }));
        }
        await ctx.answerCallbackQuery({ text: st(ctx, "staff-claimed-you") });
        await ctx.editMessageText(desk.card(result.case), { parse_mode: "HTML", reply_markup: desk.cardKeyboard(result.case) }).catch(() => undefined);
        await desk.postToTopic(result.case, st(ctx, "staff-claimed", { id: c.id, name: escapeHtml(operator.first_name) }));
        return;
      }
      case "res":
        await ctx.answerCallbackQuery();
        return void (await ctx.editMessageReplyMarkup({ reply_markup: desk.outcomeKeyboard(c) }).catch(() => undefined));
      case "card":
        await ctx.answerCallbackQuery();
        return void (await ctx.editMessageReplyMarkup({ reply_markup: desk.cardKeyboard(c) }).catch(() => undefined));
      case "out": {
        if (!(OUTCOMES as readonly string[]).includes(arg ?? "")) return void (await ctx.answerCallbackQuery());
        await resolveCase(ctx, c, arg as Outcome);
        return;
      }
      case "rel": {
        const released = await desk.store.release(c.id);
        await ctx.answerCallbackQuery({ text: st(ctx, released ? "staff-released" : "staff-not-claimed") });
        if (released) await desk.postToTopic(c, st(ctx, "staff-released-note", { id: c.id }));
        return;
      }
      case "block": {
        if (!desk.isSupervisor(operator.id)) {
          return void (await ctx.answerCallbackQuery({ text: st(ctx, "staff-supervisors-only"), show_alert: true }));
        }
        await desk.store.block(c.user);
        await resolveCase(ctx, c, "abusive", st(ctx, "staff-blocked"));
        return;
      }
      case "tpl": {
        if (!(TEMPLATES as readonly string[]).includes(arg ?? "")) return void (await ctx.answerCallbackQuery());
        if (c.status === "resolved") {
          return void (await ctx.answerCallbackQuery({ text: st(ctx, "staff-case-closed"), show_alert: true }));
        }
        const text = ctx.deps.i18n.t(c.lang, `tpl-${arg as Template}`);
        await ctx.answerCallbackQuery({ text: st(ctx, "staff-tpl-sent") });
        await desk.recordAndRelay({ from: "operator", kind: "template", text, at: now }, { kind: "text", caseId: c.id, dir: "to_user", text });
        await desk.postToTopic(c, st(ctx, "staff-tpl-copy", { text: escapeHtml(text) }));
        return;
      }
    }
  });

  async function resolveCase(ctx: BotContext, c: Case, outcome: Outcome, answer?: string): Promise<void> {
    const now = ctx.deps.now().getTime();
    const changed = await desk.store.resolve(c.id, outcome, now);
    if (!changed) {
      await ctx.answerCallbackQuery({ text: st(ctx, "staff-case-closed") }).catch(() => undefined);
      return;
    }
    await ctx.answerCallbackQuery(answer ? { text: answer } : undefined).catch(() => undefined);
    const resolved = (await desk.store.get(c.id)) ?? c;
    await ctx.editMessageText(desk.card(resolved), { parse_mode: "HTML" }).catch(() => undefined);
    await desk.postToTopic(resolved, st(ctx, "staff-resolved", { id: c.id, outcome: st(ctx, `staff-outcome-${outcome}`) }));
    if (outcome === "abusive") return;
    const t = (key: string) => ctx.deps.i18n.t(c.lang, key);
    const buttons: Array<Array<[string, string]>> = [[1, 2, 3, 4, 5].map((n) => [`${n} ⭐`, `rate:${c.id}:${n}`] as [string, string])];
    // A check-in is offered only if the case is still kept when it comes (CASE_RETENTION_DAYS).
    if (desk.store.checkInFits(resolved, checkInTime(now))) buttons.push([[t("case-checkin-button"), `ci:${c.id}`]]);
    await desk.relay({ kind: "text", caseId: c.id, dir: "to_user", text: t("case-resolved-user"), buttons });
  }

  // An operator's message in a case topic goes to the user (the first one also claims it).
  staff.on("message", async (ctx) => {
    const thread = ctx.message.message_thread_id;
    // Service messages (pins, topic edits) and commands are not for the user.
    if (!thread || ctx.message.text?.startsWith("/") || kindOf(ctx) === "other") return;
    const c = await desk.store.byThread(thread);
    if (!c) return;
    if (c.status === "resolved") {
      return void (await ctx.reply(st(ctx, "staff-case-closed"), { message_thread_id: thread }));
    }
    const now = ctx.deps.now().getTime();
    // Claimed (if nobody had), written to the transcript and queued at once: one round trip.
    await Promise.all([
      c.status === "open" ? desk.store.claim(c.id, ctx.from.id, now) : undefined,
      desk.recordAndRelay(
        { from: "operator", kind: kindOf(ctx), text: ctx.message.text, at: now },
        { kind: "copy", caseId: c.id, dir: "to_user", fromChat: ctx.chat.id, messageId: ctx.message.message_id },
      ),
    ]);
  });

  return feature;
}

/** What kind of message it was, for the transcript (no content for media). */
export function kindOf(ctx: BotContext): string {
  const m = ctx.message;
  if (!m) return "other";
  for (const kind of ["text", "photo", "voice", "video", "video_note", "document", "sticker", "location", "audio", "contact", "animation"] as const) {
    if (kind in m) return kind;
  }
  return "other";
}
