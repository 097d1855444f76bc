/**
 * Supervisors edit the help directory in the staff group, through the fake Telegram, on two
 * bot instances sharing one Redis prefix: /directory export sends the CSV; an edited CSV is
 * checked, its changes shown, applied on confirmation for both instances and recorded in the
 * General topic; a bad file changes nothing and names its rows; others are refused.
 */
import { describe, expect, it } from "vitest";
import { buttonsOf, textOf, type ApiCall } from "../../src/testing/fake-telegram.js";
import { staffGroup } from "../../src/testing/updates.js";
import { parseCsv, writeCsv } from "../../src/directory/csv.js";
import { syncData } from "../../src/bot/desk/data-editor.js";
import { TestUser, createHarness, onboard, useTestRedis } from "../kit/harness.js";

const STAFF = -1009876500000;
const SUPERVISOR = { id: 4242, first_name: "Saule", username: "saule_sup" };
const OPERATOR = { id: 5151, first_name: "Aigerim" };
const db = useTestRedis("directory-editor");
const staff = staffGroup(STAFF);

function twoInstances() {
  const options = { redis: db.redis, prefix: db.prefix, operatorChatId: STAFF, desk: { supervisors: [SUPERVISOR.id] } };
  return [createHarness(options), createHarness(options)] as const;
}

/** The CSV text of a sendDocument call (grammY uploads it as multipart with an attach:// reference). */
function uploadedCsv(call: ApiCall): string {
  const ref = String(call.payload.document).replace("attach://", "");
  return (call.payload[ref] as { text: string }).text;
}

/** The exported CSV with `edit` applied to its rows (header first), written back as CSV. */
function edited(csv: string, edit: (rows: string[][], column: (name: string) => number) => void): string {
  const rows = parseCsv(csv).map((r) => r.fields);
  const header = rows[0] as string[];
  edit(rows, (name) => header.indexOf(name));
  return writeCsv(rows, { bom: true });
}

async function exportCsv(h: ReturnType<typeof createHarness>): Promise<{ calls: ApiCall[]; csv: string }> {
  const calls = await h.send(staff.text(SUPERVISOR, "/directory export"));
  const doc = calls.find((c) => c.method === "sendDocument");
  expect(doc, "a document was sent").toBeDefined();
  return { calls, csv: uploadedCsv(doc!) };
}

async function upload(h: ReturnType<typeof createHarness>, from: { id: number; first_name: string }, csv: string, name = "directory.csv") {
  const file = h.telegram.addFile(csv);
  return h.send(staff.document(from, file, name));
}

const astanaCards = (h: ReturnType<typeof createHarness>) =>
  h.deps.referrals.referralCards({ topic: "care", role: "parent", lang: "en", region: "astana", now: new Date("2026-12-02T06:00:00Z") });

describe("the directory editor in the staff group", () => {
  it("export → edit → upload shows the changes; Apply changes both instances, with an audit line in General", async () => {
    const [a, b] = twoInstances();
    const { calls, csv } = await exportCsv(a);
    const doc = calls.find((c) => c.method === "sendDocument")!;
    expect(doc.payload.chat_id).toBe(STAFF);
    expect(textOf(doc)).toContain("version 0, 139 entries");
    expect(parseCsv(csv)).toHaveLength(140);

    const changedCsv = edited(csv, (rows, col) => {
      const astana = rows.find((r) => r[col("id")] === "guardianship-astana")!;
      astana[col("description_en")] = "Edited in Telegram: guardianship questions in Astana.";
      const removedAt = rows.findIndex((r) => r[col("id")] === "cyber-tumar");
      rows.splice(removedAt, 1);
      const added = [...astana];
      added[col("id")] = "guardianship-astana-left-bank";
      rows.push(added);
    });
    const preview = await upload(a, SUPERVISOR, changedCsv);
    const message = preview.find((c) => c.method === "sendMessage")!;
    expect(textOf(message)).toContain("The file is valid: 139 entries. It would add 1, remove 1 and change 1:");
    expect(textOf(message)).toContain("+ guardianship-astana-left-bank");
    expect(textOf(message)).toContain("− cyber-tumar");
    expect(textOf(message)).toContain("~ guardianship-astana: description");
    const [apply, cancel] = buttonsOf(message);
    expect([apply?.text, cancel?.text]).toEqual(["✅ Apply", "Cancel"]);
    // Nothing is applied before the confirmation.
    expect(astanaCards(a)).not.toContain("Edited in Telegram");

    // Confirmed on the other instance: the upload waits in Redis, not in the process that checked it.
    const applied = await b.send(staff.callback(SUPERVISOR, apply!.callback_data!));
    expect(applied.map((c) => c.method)).toEqual(expect.arrayContaining(["answerCallbackQuery", "editMessageText", "sendMessage"]));
    expect(textOf(applied.find((c) => c.method === "editMessageText")!)).toContain("now version 1");
    const audit = applied.find((c) => c.method === "sendMessage")!;
    expect(audit.payload.chat_id).toBe(STAFF);
    expect(audit.payload.message_thread_id).toBeUndefined();
    expect(textOf(audit)).toMatch(/updated to version 1 by Saule \(@saule_sup\), \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Kazakhstan time\): 1 added, 1 removed, 1 changed/);

    // b applied it; a swaps it in when it looks (its timer runs syncData every 2 s).
    expect(astanaCards(b)).toContain("Edited in Telegram");
    expect(astanaCards(a)).not.toContain("Edited in Telegram");
    await syncData(a.deps.editor!.directory);
    expect(astanaCards(a)).toContain("Edited in Telegram");
    expect(a.deps.directory.services.some((s) => s.id === "cyber-tumar")).toBe(false);

    // A user of instance a gets the new card through the bot.
    const user = new TestUser(a, { id: 7_100_001, language_code: "en" });
    await onboard(user, "en", "parent", "r-astana");
    await user.press("t:care");
    let reply = await user.pressNth(1);
    for (let i = 0; i < 6 && !reply.text.includes("Edited in Telegram"); i++) reply = await user.pressNth(1);
    expect(reply.text).toContain("Edited in Telegram");

    // The next export carries the new version.
    const again = await exportCsv(a);
    expect(textOf(again.calls.find((c) => c.method === "sendDocument")!)).toContain("version 1, 139 entries");
    expect(again.csv).toContain("guardianship-astana-left-bank");
  });

  it("a bad file changes nothing and names its rows and columns", async () => {
    const [a] = twoInstances();
    const { csv } = await exportCsv(a);
    const bad = edited(csv, (rows, col) => {
      rows[1]![col("phones")] = "12a";
      rows[3]![col("sources")] = "inform.kz";
      rows[5]![col("id")] = rows[4]![col("id")] as string;
      const checked = rows.findIndex((r) => r[col("id")] === "helpline-111");
      rows[checked]![col("verified_on")] = "2099-01-01";
    });
    const reply = await upload(a, SUPERVISOR, bad);
    const text = reply.filter((c) => c.method === "sendMessage").map(textOf).join("\n");
    expect(text).toContain("so nothing was changed");
    expect(text).toMatch(/line 2 \(id "[a-z0-9-]+"\): phones: must be a short code/);
    expect(text).toMatch(/line 4 \(id "[a-z0-9-]+"\): sources: must be a full address/);
    expect(text).toMatch(/line 6 \(id "[a-z0-9-]+"\): id: repeats the id/);
    expect(text).toMatch(/line \d+ \(id "helpline-111"\): verified_on: 2099-01-01 is in the future/);
    expect(reply.flatMap(buttonsOf)).toEqual([]);
    expect(await db.redis.keys(`${db.prefix}:dir:*`)).toEqual([]);
    expect(a.deps.editor!.directory.live.version).toBe(0);
    expect(a.deps.directory.services).toHaveLength(139);
  });

  it("refuses anyone but a supervisor: upload, export and the Apply button", async () => {
    const [a] = twoInstances();
    const { csv } = await exportCsv(a);
    const refused = await upload(a, OPERATOR, edited(csv, (rows) => rows.pop()));
    expect(refused.map(textOf).join()).toContain("Only supervisors can change the help directory or the saved replies.");
    expect(refused.some((c) => c.method === "getFile")).toBe(false);
    const exportRefused = await a.send(staff.text(OPERATOR, "/directory export"));
    expect(exportRefused.some((c) => c.method === "sendDocument")).toBe(false);

    const preview = await upload(a, SUPERVISOR, edited(csv, (rows) => rows.pop()));
    const apply = buttonsOf(preview.find((c) => c.method === "sendMessage")!)[0]!;
    const pressed = await a.send(staff.callback(OPERATOR, apply.callback_data!));
    expect(pressed).toEqual([expect.objectContaining({ method: "answerCallbackQuery", payload: expect.objectContaining({ show_alert: true }) })]);
    expect(await a.deps.editor!.directory.store.version()).toBe(0);
    expect(a.deps.directory.services).toHaveLength(139);
  });

  it("an upload checked against an older version is not applied over a newer one", async () => {
    const [a, b] = twoInstances();
    const { csv } = await exportCsv(a);
    const first = await upload(a, SUPERVISOR, edited(csv, (rows) => rows.pop()));
    const second = await upload(b, SUPERVISOR, edited(csv, (rows) => rows.splice(1, 1)));
    const applyFirst = buttonsOf(first.find((c) => c.method === "sendMessage")!)[0]!;
    const applySecond = buttonsOf(second.find((c) => c.method === "sendMessage")!)[0]!;
    await a.send(staff.callback(SUPERVISOR, applyFirst.callback_data!));
    const late = await b.send(staff.callback(SUPERVISOR, applySecond.callback_data!));
    expect(textOf(late.find((c) => c.method === "editMessageText")!)).toContain("Another directory was applied after this file was checked");
    expect(await a.deps.editor!.directory.store.version()).toBe(1);
    // Pressing Apply again after it was applied changes nothing either.
    const twice = await a.send(staff.callback(SUPERVISOR, applyFirst.callback_data!));
    expect(textOf(twice.find((c) => c.method === "editMessageText")!)).toContain("already applied or cancelled");
  });
});
