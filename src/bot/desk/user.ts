/**
 * The user's side of talking to a person: opening a case ("Talk to a person", or "now" from
 * a crisis reply), relaying whatever they send while it is open (stored first, then copied to
 * the case's topic; names and ids never cross), rating the help and asking for a check-in.
 * The rules (reopening, raising the risk, when a check-in fits) are the case service's.
 * Without a staff group the honest answer is the phone lines where people answer now.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { afterAnswerKeyboard } from "../keyboards.js";
import { ack } from "../reply.js";
import { CASE_CB, MENU_CB, parseCaseCallback } from "../callbacks.js";
import { kzClock } from "../../directory/hours.js";

export function casesFeature(deps: Pick<BotDeps, "desk" | "now" | "pseudonym" | "metrics">): Composer<BotContext> {
  const casesFeature = new Composer<BotContext>();

casesFeature.callbackQuery([MENU_CB.person, MENU_CB.personNow], async (ctx) => {
  await ack(ctx);
  const desk = deps.desk;
  const now = deps.now().getTime();
  const pending = ctx.session.pending;
  const result = desk
    ? await desk.requestPerson({
        user: deps.pseudonym(ctx.chat!.id),
        chatId: ctx.chat!.id,
        lang: ctx.lang,
        role: ctx.session.prefs.role,
        region: ctx.session.prefs.region,
        pending,
        asked: ctx.callbackQuery.data === MENU_CB.personNow ? "emergency" : "none",
        previousCase: ctx.session.prefs.case,
        inFlow: ctx.session.flow !== undefined,
        now,
      })
    : undefined;
  if (result?.kind !== "opened") {
    await ctx.reply(`${ctx.t("person-by-phone")}\n\n${ctx.t("emergency-numbers")}`, {
      parse_mode: "HTML",
      reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)),
    });
    return;
  }
  delete ctx.session.pending;
  ctx.session.prefs.case = result.case.id;
  if (result.how !== "existing") deps.metrics.caseOpened(result.case.risk, result.how);
  const lead =
    result.how === "existing"
      ? ctx.t("case-existing")
      : result.duty.onDuty
        ? ctx.t("case-opened-on-duty", { position: result.position })
        : ctx.t("case-opened-off-duty", {
            position: result.position,
            opens: result.duty.opensAt ? openingText(ctx, result.duty.opensAt) : "—",
          });
  await ctx.reply(`${lead}\n\n${ctx.t("case-meanwhile")}\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
});

casesFeature.on("callback_query:data", async (ctx, next) => {
  const cb = parseCaseCallback(ctx.callbackQuery.data);
  if (!cb) return next();
  const desk = deps.desk;
  const user = deps.pseudonym(ctx.chat!.id);
  const now = deps.now().getTime();
  switch (cb.kind) {
    case "rate": {
      // Only the case's own user may rate it, once resolved: forged data naming another case does nothing.
      const rated = desk ? await desk.rate({ caseId: cb.caseId, user, stars: cb.stars, now }) : undefined;
      if (!rated) return ack(ctx, "stale-button-short");
      await ack(ctx);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      // The rating took the buttons away: the offer of a check-in stays, unless it was accepted.
      const kb = afterAnswerKeyboard(ctx.t.bind(ctx));
      const offer = rated.offerCheckIn ? new InlineKeyboard().text(ctx.t("case-checkin-button"), CASE_CB.checkIn(cb.caseId)).row().append(kb) : kb;
      await ctx.reply(ctx.t("case-rate-thanks"), { reply_markup: offer });
      return;
    }
    case "checkIn": {
      // "Check on me in 3 days" under the resolution message.
      if (!desk || !(await desk.scheduleCheckIn({ caseId: cb.caseId, user, now }))) return ack(ctx, "stale-button-short");
      await ack(ctx);
      await ctx.reply(ctx.t("case-checkin-set"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)) });
      return;
    }
    case "checkInOk":
      // "I'm okay" under a check-in.
      await desk?.checkInAnswered({ caseId: cb.caseId, user, now });
      await ack(ctx);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("case-checkin-glad"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)) });
      return;
  }
});

// While a case is open, what the user sends goes to their operator (commands still work).
casesFeature.on("message", async (ctx, next) => {
  const desk = deps.desk;
  const caseId = ctx.session.prefs.case;
  if (!desk || caseId === undefined || ctx.message.text?.startsWith("/")) return next();
  const risk = ctx.risk?.level ?? "none";
  const message = { user: deps.pseudonym(ctx.chat.id), caseId, chatId: ctx.chat.id, lang: ctx.lang, risk, text: ctx.message.text, message: ctx.message };
  const relayed = await desk.userMessage({ ...message, now: deps.now().getTime() }, async (c) => {
    // Reopened (or, if the window closed in between, a new case opened: keep it, the user is asking).
    ctx.session.prefs.case = c.id;
    deps.metrics.caseOpened(c.risk, "reopened");
    await ctx.reply(ctx.t("case-reopened"));
  });
  if (relayed === "none") {
    // No case to talk to (or past the reopening window): handled like any other message.
    delete ctx.session.prefs.case;
    return next();
  }
  if (risk === "emergency") {
    await ctx.reply(`${ctx.t("crisis-in-case", { role: ctx.session.prefs.role ?? "child" })}\n\n${ctx.t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true });
  }
});
  return casesFeature;
}

/** "Monday 09:00" in the user's language (Kazakhstan time). */
function openingText(ctx: BotContext, at: Date): string {
  const clock = kzClock(at);
  return `${ctx.t(`dir-day-${clock.day}`)} ${clock.time}`;
}
