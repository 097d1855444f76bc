/**
 * Editing the help directory in Telegram, for supervisors in the staff group: `/directory
 * export` sends the directory in use as CSV; a CSV sent in the General topic is checked (every
 * problem named by line and column, as the CLI does), and what it would change is shown with
 * Apply and Cancel. Apply makes it the next version in Redis in one step, this process swaps
 * it in, the others within seconds (syncDirectory), and an audit line goes to the General topic.
 * A bad file, a cancelled one or one overtaken by another upload changes nothing.
 *
 * The dialogue is two steps kept in Redis (the checked upload, then a button), not a
 * @grammyjs/conversations dialogue: the confirmation may come to another process, after a
 * restart, or from another supervisor, and a stored upload with an expiry handles all three.
 */
import { Router } from "../router.js";
import { Composer, InputFile } from "grammy";
import type { Lang } from "../../domain.js";
import type { Texts, TextVars } from "../../i18n.js";
import type { Logger } from "../../logger.js";
import { diffSize, entriesToCsv, formatRowIssue, planUpload, type DirectoryDiff } from "../../directory/edit.js";
import { kzClock } from "../../directory/hours.js";
import type { LiveDirectory } from "../../directory/live.js";
import type { RedisDirectoryStore } from "../../storage/directory.js";
import type { BotContext } from "../context.js";
import { DIRECTORY_CB, onButtons, parseDirectoryCallback } from "../callbacks.js";

/** Larger files are refused before they are downloaded (the shipped directory is about 200 KB). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Lines of problems or changes shown in one message (Telegram takes 4096 characters). */
const MAX_LINES = 20;

export interface DirectoryEditor {
  staffChatId: number;
  staffLang: Lang;
  isSupervisor(userId: number): boolean;
  live: LiveDirectory;
  store: RedisDirectoryStore;
  i18n: Texts;
  logger: Logger;
  now(): Date;
  /** The text of a file Telegram keeps (its getFile path), through the bot's own transport. */
  download(filePath: string): Promise<string>;
}

/** Swaps in a newer version from Redis, if there is one; every process calls it on a timer. */
export async function syncDirectory(editor: Pick<DirectoryEditor, "live" | "store" | "logger">): Promise<void> {
  const version = await editor.store.version();
  if (version <= editor.live.version) return;
  const current = await editor.store.current();
  if (!current) return void editor.logger.error({ version }, "the stored directory does not validate; keeping the one in use");
  if (editor.live.replace(current.version, current.entries)) editor.logger.info({ version: current.version }, "directory version swapped in");
}

/** Runs syncDirectory now and then every `everyMs`; returns its stop. */
export function startDirectorySync(editor: Pick<DirectoryEditor, "live" | "store" | "logger">, everyMs = 2_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await syncDirectory(editor);
    } catch (err) {
      editor.logger.warn({ err }, "directory sync failed; next tick retries");
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function limited(lines: readonly string[], t: (key: string, vars?: TextVars) => string): string {
  const shown = lines.slice(0, MAX_LINES).map((line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line));
  if (lines.length > MAX_LINES) shown.push(t("diredit-more", { count: lines.length - MAX_LINES }));
  return shown.join("\n");
}

function diffLines(diff: DirectoryDiff): string[] {
  return [
    ...diff.added.map((id) => `+ ${id}`),
    ...diff.removed.map((id) => `− ${id}`),
    ...diff.changed.map((c) => `~ ${c.id}: ${c.fields.join(", ")}`),
  ];
}

export function directoryEditorFeature(editor: DirectoryEditor): Composer<BotContext> {
  const t = (key: string, vars?: TextVars) => editor.i18n.t(editor.staffLang, key, vars);
  const feature = new Router<BotContext>();
  const staff = feature.filter((ctx) => ctx.chat?.id === editor.staffChatId && ctx.from !== undefined && !ctx.from.is_bot);

  staff.command("directory", async (ctx) => {
    if (!editor.isSupervisor(ctx.from!.id)) return void (await ctx.reply(t("diredit-not-supervisor")));
    if (ctx.match.trim() !== "export") return void (await ctx.reply(t("diredit-usage")));
    await syncDirectory(editor);
    const { live } = editor;
    const name = `senim-directory-v${live.version}-${kzClock(editor.now()).date}.csv`;
    await ctx.replyWithDocument(new InputFile(Buffer.from(entriesToCsv(live.entries), "utf8"), name), {
      caption: t("diredit-export-caption", { version: live.version, count: live.entries.length }),
    });
  });

  // A CSV in the General topic (in a case topic a file is for the user, and the desk relays it).
  staff.on("message:document", async (ctx, next) => {
    const doc = ctx.message.document;
    if (ctx.message.message_thread_id !== undefined || !/\.csv$/i.test(doc.file_name ?? "")) return next();
    if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.reply(t("diredit-not-supervisor")));
    if ((doc.file_size ?? 0) > MAX_CSV_BYTES) return void (await ctx.reply(t("diredit-too-big", { max: MAX_CSV_BYTES / 1024 })));
    let text: string;
    try {
      const file = await ctx.api.getFile(doc.file_id);
      if (!file.file_path) throw new Error("Telegram gave no file path");
      text = await editor.download(file.file_path);
    } catch (err) {
      ctx.log.warn({ err }, "directory upload: the file could not be read");
      return void (await ctx.reply(t("diredit-download-failed")));
    }
    // Compared with the newest version, even if this process has not swapped it in yet.
    await syncDirectory(editor);
    const base = editor.live.version;
    const plan = planUpload(text, editor.live.entries, editor.live.view.regions, kzClock(editor.now()).date);
    if (!plan.ok) {
      const lines = plan.issues.map(formatRowIssue);
      return void (await ctx.reply(`${t("diredit-invalid", { count: plan.issues.length })}\n\n${limited(lines, t)}`));
    }
    if (diffSize(plan.diff) === 0) return void (await ctx.reply(t("diredit-no-changes", { count: plan.entries.length })));
    const token = await editor.store.stage(base, plan.entries, plan.diff);
    const summary = t("diredit-preview", {
      count: plan.entries.length,
      added: plan.diff.added.length,
      removed: plan.diff.removed.length,
      changed: plan.diff.changed.length,
    });
    await ctx.reply(`${summary}\n\n${limited(diffLines(plan.diff), t)}\n\n${t("diredit-confirm")}`, {
      reply_markup: {
        inline_keyboard: [
          [
            { text: t("diredit-btn-apply"), callback_data: DIRECTORY_CB.apply(token) },
            { text: t("diredit-btn-cancel"), callback_data: DIRECTORY_CB.cancel(token) },
          ],
        ],
      },
    });
  });

  onButtons(staff, parseDirectoryCallback, {
    apply: async (ctx, button) => {
      if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.answerCallbackQuery({ text: t("diredit-not-supervisor"), show_alert: true }));
      const result = await editor.store.apply(button.token);
      if (result.kind !== "applied") {
        await ctx.answerCallbackQuery();
        return void (await ctx.editMessageText(t(result.kind === "conflict" ? "diredit-conflict" : "diredit-gone")));
      }
      await syncDirectory(editor);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(t("diredit-applied", { version: result.version }));
      const who = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ") + (ctx.from.username ? ` (@${ctx.from.username})` : "");
      const clock = kzClock(editor.now());
      // The audit line: in the General topic, whatever topic the upload was confirmed in.
      await ctx.api.sendMessage(
        editor.staffChatId,
        t("diredit-audit", {
          version: result.version,
          who,
          date: clock.date,
          time: clock.time,
          added: result.diff.added.length,
          removed: result.diff.removed.length,
          changed: result.diff.changed.length,
        }),
      );
      ctx.log.info({ version: result.version, changes: diffSize(result.diff) }, "directory upload applied");
    },
    cancel: async (ctx, button) => {
      if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.answerCallbackQuery({ text: t("diredit-not-supervisor"), show_alert: true }));
      await editor.store.cancel(button.token);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(t("diredit-cancelled"));
    },
  });

  return feature;
}
