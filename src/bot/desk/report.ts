/**
 * The figures for supervisors, in the staff group and the staff language: `/report [today|week|month]`
 * as a message, `/export [YYYY-MM]` as a CSV document (the same figures, for a spreadsheet).
 * Anyone else in the group is told it is for supervisors and sees no figure. The figures are
 * anonymous daily counts (cases/figures.ts); a campaign tag under CAMPAIGN_MIN is not shown.
 */
import { Router } from "../router.js";
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.js";
import type { CaseDesk } from "./desk.js";
import type { StaffText } from "./render.js";
import { RISK_ICON } from "./render.js";
import { RISKS } from "../../domain.js";
import {
  CAMPAIGN_MIN,
  type Figures,
  figuresCsv,
  kzDay,
  lastDays,
  monthDays,
  PERIODS,
  type Period,
  type Tally,
  type WaitFigures,
} from "../../cases/figures.js";
import { escapeHtml } from "../../directory/card.js";

export function reportFeature(desk: CaseDesk): Composer<BotContext> {
  const feature = new Router<BotContext>();
  const supervisors = feature.filter((ctx) => ctx.from !== undefined && desk.isSupervisor(ctx.from.id));
  const thread = (ctx: BotContext) => (ctx.message?.message_thread_id ? { message_thread_id: ctx.message.message_thread_id } : {});

  supervisors.command("report", async (ctx) => {
    const asked = ctx.match.trim().toLowerCase() || "today";
    if (!(asked in PERIODS)) return void (await ctx.reply(desk.text.t("report-usage"), thread(ctx)));
    const figures = await desk.figures(lastDays(PERIODS[asked as Period], desk.now()));
    await ctx.reply(reportText(desk.text, figures), { parse_mode: "HTML", ...thread(ctx) });
  });

  supervisors.command("export", async (ctx) => {
    const month = ctx.match.trim() || kzDay(desk.now()).slice(0, 7);
    const days = monthDays(month, desk.now());
    if (!days || days.length === 0) return void (await ctx.reply(desk.text.t("report-usage"), thread(ctx)));
    const figures = await desk.figures(days);
    const file = new InputFile(Buffer.from(figuresCsv(figures), "utf8"), `senim-figures-${month}.csv`);
    await ctx.replyWithDocument(file, { caption: desk.text.t("report-export-caption", { from: figures.from, to: figures.to }), ...thread(ctx) });
  });

  feature.command(["report", "export"], async (ctx) => {
    await ctx.reply(desk.text.t("report-supervisors-only"), thread(ctx));
  });
  return feature;
}

/** The figures as a message in the staff language. */
export function reportText(text: StaffText, f: Figures): string {
  const t = text.t.bind(text);
  const list = (tally: Tally, label: (name: string) => string = (n) => n) =>
    tally.length === 0 ? "—" : tally.map(([name, n]) => `${escapeHtml(label(name))} ${n}`).join(" · ");
  const known = (prefix: string) => (name: string) => (name === "-" ? "—" : t(`${prefix}${name}`));
  const wait = (w: WaitFigures | undefined) => (w ? t("report-wait", { median: w.median, p90: w.p90, count: w.count }) : "—");
  const lines = [
    t("report-title", { from: f.from, to: f.to }),
    t("report-opened", { count: f.opened }),
  ];
  if (f.opened > 0) {
    lines.push(
      t("report-by-risk", { list: list(f.byRisk, known("staff-risk-")) }),
      t("report-by-how", { list: list(f.byVia, known("report-via-")) }),
      t("report-by-region", { list: list(f.byRegion, (code) => text.region(code)) }),
      t("report-by-topic", { list: list(f.byTopic, (name) => (name === "-" ? "—" : name)) }),
      t("report-by-lang", { list: list(f.byLang) }),
      t("report-by-role", { list: list(f.byRole, known("staff-role-")) }),
    );
  }
  const risks = [...RISKS].reverse().filter((r) => f.waits[r]);
  if (risks.length > 0) {
    lines.push("", t("report-waits-title"));
    for (const risk of risks) {
      const w = f.waits[risk]!;
      lines.push(
        t("report-wait-line", { icon: RISK_ICON[risk], risk: t(`staff-risk-${risk}`), claim: wait(w.claim), reply: wait(w.reply), resolve: wait(w.resolve) }),
      );
    }
  }
  lines.push(
    "",
    t("report-outcomes", { list: list(f.outcomes, known("staff-outcome-")) }),
    t("report-categories", { list: list(f.categories, (name) => (name === "-" ? "—" : name)) }),
    t("report-reasons", { list: list(f.reasons, (top) => t(`staff-cat-${top}`)) }),
    t("report-reason-details", { list: list(f.reasonDetails, (code) => text.category(code)) }),
    f.ratingAverage === undefined
      ? t("report-ratings-none")
      : t("report-ratings", { list: list(f.ratings, (stars) => `${stars}⭐`), average: f.ratingAverage }),
    t("report-checkins", f.checkIns),
    t("report-campaigns", { min: CAMPAIGN_MIN, list: list(f.campaigns), hidden: f.campaignsHidden }),
  );
  return lines.join("\n");
}
