/**
 * The user's side of talking to a person: opening a case ("Talk to a person", or "now" from
 * a crisis reply), relaying whatever they send while it is open (stored first, then copied to
 * the case's topic; names and ids never cross), raising its risk when a message is graver,
 * reopening it when they write soon after it was resolved, and rating the help.
 * Without a staff group the honest answer is the phone lines where people answer now.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { afterAnswerKeyboard, CB } from "../keyboards.js";
import { ack } from "../reply.js";
import { PERSON_NOW } from "./crisis.js";
import { kzClock } from "../../directory/hours.js";
import { higherRisk, isRisk, RISK_RANK, type Risk } from "../../cases/types.js";
import { kindOf } from "./desk.js";
import { checkInTime } from "../../cases/desk.js";

export const casesFeature = new Composer<BotContext>();

casesFeature.callbackQuery([CB.person, PERSON_NOW], async (ctx) => {
  await ack(ctx);
  const desk = ctx.deps.desk;
  const user = ctx.deps.pseudonym(ctx.chat!.id);
  if (!desk || (await desk.store.isBlocked(user))) {
    await ctx.reply(`${ctx.t("person-by-phone")}\n\n${ctx.t("emergency-numbers")}`, {
      parse_mode: "HTML",
      reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)),
    });
    return;
  }
  const pending = ctx.session.pending;
  const asked: Risk = ctx.callbackQuery.data === PERSON_NOW ? "emergency" : "none";
  const risk = pending && isRisk(pending.risk) ? higherRisk(pending.risk, asked) : asked;
  const now = ctx.deps.now().getTime();
  const result = await desk.open({
    user,
    chatId: ctx.chat!.id,
    lang: ctx.lang,
    role: ctx.session.prefs.role,
    region: ctx.session.prefs.region,
    topic: pending?.topic ?? (asked === "emergency" ? "crisis" : undefined),
    risk,
    summary: pending?.words ?? "",
    now,
  });
  delete ctx.session.pending;
  const previous = ctx.session.prefs.case;
  ctx.session.prefs.case = result.case.id;
  // Talking to someone now: a check-in asked for after an earlier case would come too late.
  if (previous !== undefined && previous !== result.case.id) await desk.store.cancelCheckIn(previous);
  if (result.how !== "existing") ctx.deps.metrics.caseOpened(result.case.risk, result.how);
  const duty = desk.duty(now);
  const lead =
    result.how === "existing"
      ? ctx.t("case-existing")
      : duty.onDuty
        ? ctx.t("case-opened-on-duty", { position: result.position })
        : ctx.t("case-opened-off-duty", {
            position: result.position,
            opens: duty.opensAt ? openingText(ctx, duty.opensAt) : "—",
          });
  await ctx.reply(`${lead}\n\n${ctx.t("case-meanwhile")}\n${ctx.t("emergency-numbers")}`, { parse_mode: "HTML" });
});

casesFeature.callbackQuery(/^rate:(\d{1,9}):([1-5])$/, async (ctx) => {
  const desk = ctx.deps.desk;
  const c = desk ? await desk.store.get(Number(ctx.match[1])) : undefined;
  // Only the case's own user may rate it: forged data naming another case does nothing.
  if (!desk || !c || c.user !== ctx.deps.pseudonym(ctx.chat!.id) || c.status !== "resolved") {
    return ack(ctx, "stale-button-short");
  }
  await desk.store.rate(c.id, Number(ctx.match[2]));
  await ack(ctx);
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  // The rating took the buttons away: the offer of a check-in stays, unless it was accepted.
  const kb = afterAnswerKeyboard(ctx.t.bind(ctx));
  const now = ctx.deps.now().getTime();
  const canOffer = desk.store.checkInFits(c, checkInTime(now)) && !(await desk.store.hasCheckIn(c.id));
  const offer = canOffer ? new InlineKeyboard().text(ctx.t("case-checkin-button"), `ci:${c.id}`).row().append(kb) : kb;
  await ctx.reply(ctx.t("case-rate-thanks"), { reply_markup: offer });
});

// "Check on me in 3 days" under the resolution message: only the case's own user, only once it is resolved.
casesFeature.callbackQuery(/^ci:(\d{1,9})$/, async (ctx) => {
  const desk = ctx.deps.desk;
  const c = desk ? await desk.store.get(Number(ctx.match[1])) : undefined;
  const due = checkInTime(ctx.deps.now().getTime());
  // Only the case's own user, once it is resolved, and while it is kept long enough to check in.
  if (!desk || !c || c.user !== ctx.deps.pseudonym(ctx.chat!.id) || !desk.store.checkInFits(c, due)) {
    return ack(ctx, "stale-button-short");
  }
  await ack(ctx);
  await desk.store.scheduleCheckIn(c.id, due);
  await ctx.reply(ctx.t("case-checkin-set"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)) });
});

// "I'm okay" under a check-in.
casesFeature.callbackQuery(/^ci:ok:\d{1,9}$/, async (ctx) => {
  await ack(ctx);
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t("case-checkin-glad"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx)) });
});

// While a case is open, what the user sends goes to their operator (commands still work).
casesFeature.on("message", async (ctx, next) => {
  const desk = ctx.deps.desk;
  const caseId = ctx.session.prefs.case;
  if (!desk || caseId === undefined || ctx.message.text?.startsWith("/")) return next();
  const user = ctx.deps.pseudonym(ctx.chat.id);
  // Both asked at once (one round trip): the case, and whether this user is blocked.
  const [found, blocked] = await Promise.all([desk.store.get(caseId), desk.store.isBlocked(user)]);
  let c = found;
  if (!c || c.user !== user || blocked) {
    delete ctx.session.prefs.case;
    return next();
  }
  const now = ctx.deps.now().getTime();
  const risk = ctx.risk?.level ?? "none";
  if (c.status === "resolved") {
    // Past the reopening window (and no check-in being answered): the old case is done, and
    // a new one needs "Talk to a person"; the message is handled like any other.
    if (!desk.store.canReopen(c, now)) {
      delete ctx.session.prefs.case;
      return next();
    }
    const reopened = await desk.open({ user: c.user, chatId: ctx.chat.id, lang: ctx.lang, risk, summary: ctx.message.text ?? "", now });
    if (reopened.how !== "reopened" || reopened.case.id !== c.id) {
      // The window closed in between: a case was opened after all; keep it (the user is asking).
      ctx.session.prefs.case = reopened.case.id;
    }
    c = reopened.case;
    ctx.deps.metrics.caseOpened(c.risk, "reopened");
    await ctx.reply(ctx.t("case-reopened"));
  }
  // Stored first (transcript and outbox, written together), then delivered: nothing is lost
  // if Telegram fails.
  await desk.recordAndRelay(
    { from: "user", kind: kindOf(ctx), text: ctx.message.text ?? ctx.message.caption, at: now },
    { kind: "copy", caseId: c.id, dir: "to_staff", fromChat: ctx.chat.id, messageId: ctx.message.message_id },
  );
  if (RISK_RANK[risk] < RISK_RANK[c.risk] && (await desk.store.raiseRisk(c.id, risk))) {
    const raised = (await desk.store.get(c.id)) ?? c;
    await desk.refreshTitle(raised);
    await desk.postToTopic(raised, ctx.deps.i18n.t(desk.config.staffLang, "staff-risk-raised", { id: c.id, risk: ctx.deps.i18n.t(desk.config.staffLang, `staff-risk-${risk}`) }));
  }
  if (risk === "emergency") {
    await ctx.reply(`${ctx.t("crisis-in-case", { role: ctx.session.prefs.role ?? "child" })}\n\n${ctx.t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true });
  }
});

/** "Monday 09:00" in the user's language (Kazakhstan time). */
function openingText(ctx: BotContext, at: Date): string {
  const clock = kzClock(at);
  return `${ctx.t(`dir-day-${clock.day}`)} ${clock.time}`;
}
