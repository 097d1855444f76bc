/**
 * Editing data in Telegram, for supervisors in the staff group: the help directory and the
 * saved replies, each the same way. `/directory export` (`/replies export`) sends the data in
 * use as CSV; a CSV sent in the General topic is recognised by its header, checked (every
 * problem named by line and column), and what it would change is shown with Apply and Cancel.
 * Apply makes it the next version in Redis in one step, this process swaps it in, the others
 * within seconds (syncData), and an audit line goes to the General topic. A bad file, a
 * cancelled one or one overtaken by another upload changes nothing.
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
import { diffSize, formatRowIssue, type DirectoryEntry, type RecordDiff, type UploadPlan } from "../../directory/edit.js";
import { kzClock } from "../../directory/hours.js";
import type { SavedReply } from "../../cases/replies.js";
import type { RedisEditableStore } from "../../storage/editable.js";
import type { BotContext } from "../context.js";
import { EDITOR_CB, type EditorKind, onButtons, parseEditorCallback } from "../callbacks.js";

/** Larger files are refused before they are downloaded (the shipped directory is about 200 KB). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Lines of problems or changes shown in one message (Telegram takes 4096 characters). */
const MAX_LINES = 20;

/** One kind of data supervisors edit: where it lives, how it is written and checked, its texts. */
export interface EditableData<T> {
  /** Names its Apply and Cancel buttons (`dir`, `rpl`). */
  kind: EditorKind;
  /** `/<command> export`. */
  command: string;
  /** The prefix of its own texts (`diredit`, `repedit`); the texts every kind shares are `diredit-`. */
  texts: string;
  /** The exported file's name, before its version and date. */
  fileName: string;
  live: { readonly version: number; readonly entries: readonly T[]; replace(version: number, entries: readonly T[]): boolean };
  store: RedisEditableStore<T>;
  logger: Logger;
  /** Whether an uploaded CSV is this kind of data (by its header). */
  recognises(csv: string): boolean;
  toCsv(entries: readonly T[]): string;
  /** Checks an upload against the data in use; `today` is the Kazakhstan date. */
  plan(csv: string, current: readonly T[], today: string): UploadPlan<T>;
}

export type Syncable = Pick<EditableData<unknown>, "command" | "live" | "store" | "logger">;

export interface DataEditor {
  staffChatId: number;
  staffLang: Lang;
  isSupervisor(userId: number): boolean;
  directory: EditableData<DirectoryEntry>;
  replies: EditableData<SavedReply>;
  i18n: Texts;
  logger: Logger;
  now(): Date;
  /** The text of a file Telegram keeps (its getFile path), through the bot's own transport. */
  download(filePath: string): Promise<string>;
}

/** Swaps in a newer version from Redis, if there is one; every process calls it on a timer. */
export async function syncData(data: Syncable): Promise<void> {
  const version = await data.store.version();
  if (version <= data.live.version) return;
  const current = await data.store.current();
  if (!current) return void data.logger.error({ data: data.command, version }, "the stored version does not validate; keeping the one in use");
  if (data.live.replace(current.version, current.entries)) data.logger.info({ data: data.command, version: current.version }, "version swapped in");
}

/** Runs syncData for each kind now and then every `everyMs`; returns its stop. */
export function startDataSync(kinds: readonly Syncable[], everyMs = 2_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const data of kinds) {
        await syncData(data).catch((err: unknown) => data.logger.warn({ err, data: data.command }, "data sync failed; next tick retries"));
      }
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

function diffLines(diff: RecordDiff): string[] {
  return [
    ...diff.added.map((id) => `+ ${id}`),
    ...diff.removed.map((id) => `− ${id}`),
    ...diff.changed.map((c) => `~ ${c.id}: ${c.fields.join(", ")}`),
  ];
}

export function dataEditorFeature(editor: DataEditor): Composer<BotContext> {
  const t = (key: string, vars?: TextVars) => editor.i18n.t(editor.staffLang, key, vars);
  const kinds: ReadonlyArray<EditableData<unknown>> = [editor.replies, editor.directory];
  const feature = new Router<BotContext>();
  const staff = feature.filter((ctx) => ctx.chat?.id === editor.staffChatId && ctx.from !== undefined && !ctx.from.is_bot);

  for (const data of kinds) {
    staff.command(data.command, async (ctx) => {
      if (!editor.isSupervisor(ctx.from!.id)) return void (await ctx.reply(t(`${data.texts}-not-supervisor`)));
      if (ctx.match.trim() !== "export") return void (await ctx.reply(t(`${data.texts}-usage`)));
      await syncData(data);
      const { live } = data;
      const name = `${data.fileName}-v${live.version}-${kzClock(editor.now()).date}.csv`;
      await ctx.replyWithDocument(new InputFile(Buffer.from(data.toCsv(live.entries), "utf8"), name), {
        caption: t(`${data.texts}-export-caption`, { version: live.version, count: live.entries.length }),
      });
    });
  }

  // A CSV in the General topic (in a case topic a file is for the user, and the desk relays it).
  staff.on("message:document", async (ctx, next) => {
    const doc = ctx.message.document;
    if (ctx.message.message_thread_id !== undefined || !/\.csv$/i.test(doc.file_name ?? "")) return next();
    if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.reply(t("diredit-not-supervisor-any")));
    if ((doc.file_size ?? 0) > MAX_CSV_BYTES) return void (await ctx.reply(t("diredit-too-big", { max: MAX_CSV_BYTES / 1024 })));
    let text: string;
    try {
      const file = await ctx.api.getFile(doc.file_id);
      if (!file.file_path) throw new Error("Telegram gave no file path");
      text = await editor.download(file.file_path);
    } catch (err) {
      ctx.log.warn({ err }, "upload: the file could not be read");
      return void (await ctx.reply(t("diredit-download-failed")));
    }
    // The directory unless the header says saved replies (a bad directory file is told as one).
    const data = kinds.find((k) => k.recognises(text)) ?? editor.directory;
    // Compared with the newest version, even if this process has not swapped it in yet.
    await syncData(data);
    const base = data.live.version;
    const plan = data.plan(text, data.live.entries, kzClock(editor.now()).date);
    if (!plan.ok) {
      const lines = plan.issues.map(formatRowIssue);
      return void (await ctx.reply(`${t("diredit-invalid", { count: plan.issues.length })}\n\n${limited(lines, t)}`));
    }
    if (diffSize(plan.diff) === 0) return void (await ctx.reply(t(`${data.texts}-no-changes`, { count: plan.entries.length })));
    const token = await data.store.stage(base, plan.entries, plan.diff);
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
            { text: t("diredit-btn-apply"), callback_data: EDITOR_CB.apply(data.kind, token) },
            { text: t("diredit-btn-cancel"), callback_data: EDITOR_CB.cancel(data.kind, token) },
          ],
        ],
      },
    });
  });

  const kindOf = (kind: EditorKind) => kinds.find((k) => k.kind === kind)!;
  onButtons(staff, parseEditorCallback, {
    apply: async (ctx, button) => {
      const data = kindOf(button.data);
      if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.answerCallbackQuery({ text: t(`${data.texts}-not-supervisor`), show_alert: true }));
      const result = await data.store.apply(button.token);
      if (result.kind !== "applied") {
        await ctx.answerCallbackQuery();
        return void (await ctx.editMessageText(t(result.kind === "conflict" ? `${data.texts}-conflict` : "diredit-gone")));
      }
      await syncData(data);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(t(`${data.texts}-applied`, { version: result.version }));
      const who = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ") + (ctx.from.username ? ` (@${ctx.from.username})` : "");
      const clock = kzClock(editor.now());
      // The audit line: in the General topic, whatever topic the upload was confirmed in.
      await ctx.api.sendMessage(
        editor.staffChatId,
        t(`${data.texts}-audit`, {
          version: result.version,
          who,
          date: clock.date,
          time: clock.time,
          added: result.diff.added.length,
          removed: result.diff.removed.length,
          changed: result.diff.changed.length,
        }),
      );
      ctx.log.info({ data: data.command, version: result.version, changes: diffSize(result.diff) }, "upload applied");
    },
    cancel: async (ctx, button) => {
      const data = kindOf(button.data);
      if (!editor.isSupervisor(ctx.from.id)) return void (await ctx.answerCallbackQuery({ text: t(`${data.texts}-not-supervisor`), show_alert: true }));
      await data.store.cancel(button.token);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(t("diredit-cancelled"));
    },
  });

  return feature;
}
