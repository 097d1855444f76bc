/**
 * The staff groups' first-run checks. At start: is OPERATOR_CHAT_ID (and each regional group of
 * STAFF_GROUPS) a forum supergroup where
 * the bot is an administrator that may manage topics and post? What is missing is said plainly,
 * in a log line and in the group's General topic (when the bot can post there), because
 * without it cases fall back to the General topic or do not reach the staff at all.
 */
import { Router } from "../router.js";
import { type Api, Composer, GrammyError } from "grammy";
import type { BotContext } from "../context.js";
import type { Logger } from "../../logger.js";
import type { StaffText } from "./render.js";
import { telegramUnavailable } from "../telegram-errors.js";

export const STAFF_GROUP_PROBLEMS = ["unreachable", "not-forum", "not-admin", "no-topics-right", "cannot-post"] as const;
export type StaffGroupProblem = (typeof STAFF_GROUP_PROBLEMS)[number];

/** The log line's words for each problem (logs are in English; the group is told in the staff language). */
const LOGGED: Record<StaffGroupProblem, string> = {
  unreachable: "the bot is not in that chat, or the id is wrong",
  "not-forum": "the group is not a forum supergroup (turn on Topics)",
  "not-admin": "the bot is not an administrator",
  "no-topics-right": "the bot may not manage topics",
  "cannot-post": "the bot may not post",
};

/** What is wrong with the staff group for the bot `botId`; empty when it is ready. */
export async function staffGroupProblems(api: Api, staffChatId: number, botId: number): Promise<StaffGroupProblem[]> {
  let chat;
  try {
    chat = await api.getChat(staffChatId);
  } catch (err) {
    if (err instanceof GrammyError && !telegramUnavailable(err)) return ["unreachable"];
    throw err;
  }
  const problems: StaffGroupProblem[] = [];
  if (chat.type !== "supergroup" || !chat.is_forum) problems.push("not-forum");
  const me = await api.getChatMember(staffChatId, botId);
  if (me.status === "left" || me.status === "kicked") return ["unreachable"];
  if (me.status !== "administrator" && me.status !== "creator") problems.push("not-admin");
  else if (me.status === "administrator" && !me.can_manage_topics) problems.push("no-topics-right");
  if (me.status === "restricted" && !me.can_send_messages) problems.push("cannot-post");
  return problems;
}

/**
 * Checks a staff group, logs what is missing and says it in the General topic; the problems
 * found. `setting`: where the group is configured, for the log (the national group's
 * OPERATOR_CHAT_ID, or STAFF_GROUPS and the regions of a regional group), never its id.
 */
export async function checkStaffGroup(api: Api, staffChatId: number, botId: number, text: StaffText, logger: Logger, setting = "OPERATOR_CHAT_ID"): Promise<StaffGroupProblem[]> {
  let problems: StaffGroupProblem[];
  try {
    problems = await staffGroupProblems(api, staffChatId, botId);
  } catch (err) {
    logger.warn({ err, setting }, "could not check the staff group now; the bot runs on");
    return [];
  }
  if (problems.length === 0) {
    logger.info({ setting }, "staff group ready: a forum where the bot manages topics");
    return problems;
  }
  logger.warn({ problems }, `staff group not ready (${setting}): ${problems.map((p) => LOGGED[p]).join("; ")}`);
  if (!problems.includes("unreachable") && !problems.includes("cannot-post")) {
    const lines = [text.t("setup-title"), ...problems.map((p) => `• ${text.t(`setup-${p}`)}`)];
    await api.sendMessage(staffChatId, lines.join("\n"), { parse_mode: "HTML" }).catch((err: unknown) => logger.warn({ err }, "could not post the staff group check"));
  }
  return problems;
}

/** /id in the staff group: a staff member learns their Telegram id (for SUPERVISOR_IDS). */
export function setupFeature(text: StaffText): Composer<BotContext> {
  const feature = new Router<BotContext>();
  feature.command("id", async (ctx) => {
    const thread = ctx.message?.message_thread_id;
    await ctx.reply(text.t("setup-your-id", { user: String(ctx.from?.id ?? ""), group: String(ctx.chat?.id ?? "") }), {
      parse_mode: "HTML",
      ...(thread ? { message_thread_id: thread } : {}),
    });
  });
  return feature;
}
