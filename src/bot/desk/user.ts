/**
 * The user's side of talking to a person: opening a case ("Talk to a person", or "now" from
 * a crisis reply), relaying whatever they send while it is open (stored first, then copied to
 * the case's topic; names and ids never cross), rating the help and asking for a check-in.
 * The rules (reopening, raising the risk, when a check-in fits) are the case service's.
 * Without a staff group the honest answer is the phone lines where people answer now.
 */
import { Router } from "../router.js";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { afterAnswerKeyboard } from "../keyboards.js";
import { openingTime } from "./render.js";
import { ack } from "../reply.js";
import { CASE_CB, MENU_CB, parseCaseCallback } from "../callbacks.js";
import { pendingFresh } from "../../cases/rules.js";
import type { Risk } from "../../domain.js";

export function casesFeature(deps: Pick<BotDeps, "desk" | "now" | "pseudonym" | "metrics">): Composer<BotContext> {
  const casesFeature = new Router<BotContext>();

casesFeature.callbackQuery([MENU_CB.person, MENU_CB.personNow], async (ctx) => {
  await ack(ctx);
  // "Now" from a screen about danger: at least as grave as what was found there.
  const urgent = ctx.callbackQuery.data === MENU_CB.personNow;
  await askForPerson(deps, ctx, urgent ? "emergency" : "none");
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
      const kb = afterAnswerKeyboard(ctx.t.bind(ctx), ctx.personOffer());
      const offer = rated.offerCheckIn ? new InlineKeyboard().text(ctx.t("case-checkin-button"), CASE_CB.checkIn(cb.caseId)).row().append(kb) : kb;
      await ctx.reply(ctx.t("case-rate-thanks"), { reply_markup: offer });
      return;
    }
    case "checkIn": {
      // "Check on me in 3 days" under the resolution message.
      if (!desk || !(await desk.scheduleCheckIn({ caseId: cb.caseId, user, now }))) return ack(ctx, "stale-button-short");
      await ack(ctx);
      await ctx.reply(ctx.t("case-checkin-set"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx), ctx.personOffer()) });
      return;
    }
    case "checkInOk":
      // "I'm okay" under a check-in: the operators hear it too, and it counts as answered.
      await desk?.checkInAnswered({ caseId: cb.caseId, user, now });
      await ack(ctx);
      await desk?.checkInOk({ caseId: cb.caseId, user });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("case-checkin-glad"), { reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx), ctx.personOffer()) });
      return;
  }
});

// While a case is open, what the user sends goes to their operator (commands still work).
// An edited message goes too (a copy shows it as it is now).
casesFeature.on(["message", "edited_message"], async (ctx, next) => {
  const desk = deps.desk;
  const caseId = ctx.session.prefs.case;
  if (!desk || caseId === undefined || ctx.msg.text?.startsWith("/")) return next();
  const risk = ctx.risk?.level ?? "none";
  const message = { user: deps.pseudonym(ctx.chat.id), caseId, chatId: ctx.chat.id, lang: ctx.lang, risk, text: ctx.msg.text, message: ctx.msg };
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
    await ctx.reply(`${ctx.t("crisis-in-case")}\n\n${ctx.t("crisis-numbers")}`, { parse_mode: "HTML", protect_content: true });
  }
});
  return casesFeature;
}

type PersonDeps = Pick<BotDeps, "desk" | "now" | "pseudonym" | "metrics">;

/**
 * Opens (or finds, or reopens) the user's case, at least at `asked` and at the risk of danger
 * found just before (a crisis message, a flow's urgent answers: their topic and summary go on
 * the card). Off duty the user is told when operators are back; without a staff group, or
 * for a blocked user, the phone lines where people answer now. `lead`: a sentence before it
 * all ("unsafe": they said they are not safe).
 */
export async function askForPerson(deps: PersonDeps, ctx: BotContext, asked: Risk, lead?: "unsafe"): Promise<void> {
  const desk = deps.desk;
  const now = deps.now().getTime();
  const found = ctx.session.pending;
  const pending = found && pendingFresh(found.at, now) ? found : undefined;
  const first = lead === "unsafe" ? `${ctx.t("safe-no")}\n\n` : "";
  const result = desk
    ? await desk.requestPerson({
        user: deps.pseudonym(ctx.chat!.id),
        chatId: ctx.chat!.id,
        lang: ctx.lang,
        role: ctx.session.prefs.role,
        region: ctx.session.prefs.region,
        pending: pending && {
          risk: pending.risk,
          topic: pending.topic,
          summary: pending.labels ? desk.text.answers(pending.labels, pending.role ?? "child") : (pending.words ?? ""),
        },
        // "Now" under a flow's high-risk outcome is that outcome's risk, not more.
        asked: asked === "emergency" && pending ? pending.risk : asked,
        previousCase: ctx.session.prefs.case,
        inFlow: ctx.session.flow !== undefined,
        now,
      })
    : undefined;
  if (result?.kind !== "opened") {
    // The answer is the phone lines: no button to a person that would only repeat it. A blocked
    // user is told so, not that the chat is "not connected yet".
    const why = result?.kind === "blocked" ? ctx.t("person-blocked") : ctx.t("person-by-phone");
    await ctx.reply(`${first}${why}\n\n${ctx.t("emergency-numbers")}`, {
      parse_mode: "HTML",
      reply_markup: afterAnswerKeyboard(ctx.t.bind(ctx), undefined),
    });
    return;
  }
  delete ctx.session.pending;
  ctx.session.prefs.case = result.case.id;
  if (result.how !== "existing") deps.metrics.caseOpened(result.case.risk, result.how);
  const said =
    result.how === "existing"
      ? ctx.t("case-existing")
      : result.duty.onDuty
        ? ctx.t("case-opened-on-duty", { position: result.position })
        : ctx.t("case-opened-off-duty", {
            position: result.position,
            opens: result.duty.opensAt ? openingTime((key) => ctx.t(key), result.duty.opensAt) : "—",
          });
  const meanwhile = result.duty.onDuty ? "case-meanwhile" : "case-meanwhile-off-duty";
  await ctx.reply(`${first}${said}\n\n${ctx.t(meanwhile)}\n${ctx.t("emergency-numbers")}`, {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("hide-button"), MENU_CB.hide),
  });
}
