/**
 * Choosing the language: from /start (then "Who are you?"), from /language or the menu
 * (then back to where the user was). The choice is kept in the session (Redis).
 */
import { Router } from "../router.js";
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { languageToOffer } from "../../triage/language.js";
import { FLOW_CB, MENU_CB, onButtons, parseMenuCallback } from "../callbacks.js";
import { languageKeyboard, roleKeyboard } from "../keyboards.js";
import { ack, sendMenu } from "../reply.js";
import { currentFlow } from "./flow.js";
import { InlineKeyboard } from "grammy";

export function languageFeature(): Composer<BotContext> {
  const languageFeature = new Router<BotContext>();

async function showPicker(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("language-ask"), { reply_markup: languageKeyboard(ctx.t.bind(ctx), "menu") });
}

languageFeature.command("language", showPicker);
languageFeature.callbackQuery(MENU_CB.language, async (ctx) => {
  await ack(ctx);
  await showPicker(ctx);
});

onButtons(languageFeature, parseMenuCallback, {
  lang: async (ctx, { lang, then }) => {
    if (!lang) {
      await ack(ctx, "stale-button-short");
      return showPicker(ctx);
    }
    ctx.session.prefs.lang = lang;
    ctx.lang = lang;
    await ack(ctx);
    if (then === "role") {
      await ctx.reply(ctx.t("role-ask"), { reply_markup: roleKeyboard(ctx.t.bind(ctx)) });
    } else if (currentFlow(ctx)) {
      // Mid-flow: keep the flow, re-ask its current step in the new language.
      await ctx.reply(ctx.t("language-changed"), {
        reply_markup: new InlineKeyboard().text(ctx.t("flow-resume"), FLOW_CB.resume),
      });
    } else {
      await sendMenu(ctx, "language-changed");
    }
  },
});
  return languageFeature;
}

/**
 * Someone who writes in another language than the chosen one («привет, мне нужна помощь» in
 * Kazakh, «по-русски можно?») is offered that language, in that language, with one button;
 * true when the offer was made. Only for words the bot did not otherwise understand.
 */
export async function offerLanguage(deps: Pick<BotDeps, "i18n">, ctx: BotContext, text: string): Promise<boolean> {
  const lang = languageToOffer(text, ctx.lang);
  if (lang === undefined) return false;
  const role = ctx.session.prefs.role;
  const button = deps.i18n.t(lang, "language-offer-button");
  await ctx.reply(deps.i18n.t(lang, "language-offer", { role: role ?? "child" }), {
    reply_markup: new InlineKeyboard().text(button, MENU_CB.lang(lang, role === undefined ? "role" : "menu")),
  });
  return true;
}
