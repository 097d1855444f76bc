/**
 * `npm run chat`: the whole bot (the same createApp, flows and texts) in a terminal, with no
 * token and no Redis. Bot messages are printed with their buttons numbered; type text, or a
 * button's number. `/loc <lat> <lon>` shares a location. Piped input works too:
 *   printf '/start\n1\n' | npm run -s chat
 * Options: --lang kk|ru|en (what Telegram would report; default from $LANG),
 *          --redis [url] (keep state in Redis instead of memory), --verbose (logs to stderr).
 */
import { createInterface } from "node:readline";
import type { Update } from "grammy/types";
import { createApp } from "../app.js";
import { secretFromToken } from "../config.js";
import { createLogger } from "../logger.js";
import { createRedis } from "../storage/redis.js";
import { BOT_INFO, buttonsOf, FAKE_TOKEN, FakeTelegram, textOf, type ApiCall, type InlineButton } from "../testing/fake-telegram.js";
import { UpdateFactory } from "../testing/updates.js";
import { languageFromTelegram } from "../i18n.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(`--${name}`);
const valueOf = (name: string) => {
  const i = flag(name);
  const v = i >= 0 ? args[i + 1] : undefined;
  return v && !v.startsWith("--") ? v : undefined;
};

const lang = valueOf("lang") ?? languageFromTelegram(process.env.LANG?.replace(/\..*$/, ""));
const useRedis = flag("redis") >= 0;
const redis = useRedis ? createRedis(valueOf("redis") ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379") : undefined;
const logger = createLogger(flag("verbose") >= 0 ? "debug" : "silent", process.stderr);

// Piped into `head` or the like: a closed pipe ends the console quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== "EPIPE") throw err;
  process.exit(0);
});

const telegram = new FakeTelegram();
const app = createApp({
  token: FAKE_TOKEN,
  botInfo: BOT_INFO,
  client: { fetch: telegram.fetch },
  logger,
  redis,
  prefix: "senim-chat",
  pseudonymSecret: secretFromToken(FAKE_TOKEN),
});
const user = new UpdateFactory({ id: 424242, first_name: "You", language_code: lang });

let buttons: { button: InlineButton; messageId: number; text: string }[] = [];

telegram.onCall = (call: ApiCall) => print(call);

function plain(html: string): string {
  return html
    .replace(/<\/?(b|i|u|s|code|pre)>/g, "")
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function print(call: ApiCall): void {
  if (call.method === "answerCallbackQuery") {
    if (call.payload.text) console.log(`  (${String(call.payload.text)})`);
    return;
  }
  if (call.method !== "sendMessage" && call.method !== "editMessageText") return;
  const text = plain(textOf(call));
  console.log(`\n🤖 ${text.replace(/\n/g, "\n   ")}`);
  const inline = buttonsOf(call);
  const messageId = (call.result as { message_id?: number } | undefined)?.message_id ?? 1;
  if (inline.length > 0) {
    buttons = inline.map((button) => ({ button, messageId, text }));
    inline.forEach((b, i) => console.log(`   [${i + 1}] ${b.text}${b.url ? ` → ${b.url}` : ""}`));
  }
  const reply = call.payload.reply_markup as { keyboard?: { text: string; request_location?: boolean }[][] } | undefined;
  if (reply?.keyboard) {
    for (const b of reply.keyboard.flat()) {
      console.log(`   <${b.text}>${b.request_location ? "  (type /loc <lat> <lon> to share a location)" : ""}`);
    }
  }
  if (call.payload.protect_content) console.log("   🔒 (sent with content protection)");
}

function toUpdate(line: string): Update | undefined {
  const text = line.trim();
  if (text === "") return undefined;
  const loc = /^\/loc\s+(-?\d+(?:\.\d+)?)[,\s]+(-?\d+(?:\.\d+)?)$/.exec(text);
  if (loc) return user.location(Number(loc[1]), Number(loc[2]));
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= buttons.length) {
    const chosen = buttons[n - 1]!;
    if (chosen.button.callback_data) return user.callback(chosen.button.callback_data, chosen.messageId, chosen.text);
  }
  return user.text(text);
}

async function main(): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    console.log("Senim console. Type /start, then text or a button's number. Ctrl+D to quit.");
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (!interactive && line.trim() !== "") console.log(`\n👤 ${line.trim()}`);
    const update = toUpdate(line);
    if (update) await app.handleUpdate(update);
    if (interactive) process.stdout.write("\n> ");
  }
  await redis?.quit();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
