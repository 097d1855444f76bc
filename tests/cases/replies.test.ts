/**
 * The saved replies' data (src/cases/replies.ts), pure: the shipped file is valid and round-trips
 * through the CSV `/replies export` sends; a form left empty falls back to the other form of its
 * language; a bad file at start stops it naming line and column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinReplies, loadLiveReplies, planRepliesUpload, readRepliesCsv, REPLIES_FILE, repliesToCsv, replyText, type SavedReply } from "../../src/cases/replies.js";

const shipped = () => readRepliesCsv(readFileSync(REPLIES_FILE, "utf8")).replies;

describe("saved replies as data", () => {
  it("the shipped file has the four replies, and an export reads back as the same replies (no changes)", () => {
    const replies = shipped();
    expect(replies.map((r) => r.id)).toEqual(["greeting", "safe", "referral", "closing"]);
    const plan = planRepliesUpload(repliesToCsv(replies), replies);
    expect(plan).toMatchObject({ ok: true, diff: { added: [], removed: [], changed: [] } });
  });

  it("a reader gets their language and form; an empty form is the other one of its language; English is one for all", () => {
    const greeting = shipped()[0]!;
    expect(replyText(greeting, "kk", "child")).toMatch(/^Сәлем,/);
    expect(replyText(greeting, "kk", "parent")).toMatch(/^Сәлеметсіз бе,/);
    expect(replyText(greeting, "ru", "professional")).toMatch(/^Здравствуйте,/);
    expect(replyText(greeting, "en", "parent")).toBe(replyText(greeting, "en", "child"));
    const neutral: SavedReply = { ...greeting, text: { ...greeting.text, ru: { adult: "Телефон доверия: 150." } } };
    expect(replyText(neutral, "ru", "child")).toBe("Телефон доверия: 150.");
    // A stored reply without a language (never accepted by an upload) still says something.
    const damaged = { ...greeting, text: { ...greeting.text, kk: {} } } as SavedReply;
    expect(replyText(damaged, "kk", "child")).toMatch(/^Привет,/);
    expect(joinReplies([greeting, neutral], "ru", "child")).toBe(`${replyText(greeting, "ru", "child")}\n\nТелефон доверия: 150.`);
  });

  it("a text too long for a message and a file of nothing but a header are refused", () => {
    const csv = repliesToCsv(shipped()).replace("Hello, I'm a Senim counsellor.", "x".repeat(1001));
    expect(readRepliesCsv(csv).issues).toEqual([{ line: 2, id: "greeting", column: "en_child", message: "is longer than 1000 characters" }]);
    expect(readRepliesCsv(repliesToCsv([])).issues[0]).toMatchObject({ column: "(file)", message: "has a header but no replies" });
  });

  it("a bad replies file stops the start, naming the file, the line and the column", () => {
    const dir = mkdtempSync(join(tmpdir(), "senim-replies-"));
    const file = join(dir, "replies.csv");
    writeFileSync(file, repliesToCsv(shipped()).replace("👋 Приветствие", ""));
    expect(() => loadLiveReplies(file)).toThrow(/replies\.csv is not valid:\nline 2 \(id "greeting"\): label_ru: is empty/);
  });
});
