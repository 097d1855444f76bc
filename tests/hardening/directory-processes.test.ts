/**
 * A directory upload confirmed on one bot process reaches the other without a restart: two
 * real processes (node src/main.ts, webhook mode) on one Redis prefix and the fake Bot API
 * over HTTP; the second one answers users with the new entries within seconds.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { buttonsOf, textOf } from "../../src/testing/fake-telegram.js";
import { staffGroup, UpdateFactory } from "../../src/testing/updates.js";
import { parseCsv, serviceToRow, writeCsv, CSV_COLUMNS } from "../../src/directory/csv.js";
import { readDirectorySync } from "../../src/directory/load.js";
import { useTestRedis } from "../kit/harness.js";
import { startBotApiServer } from "../kit/bot-api-server.js";
import { postUpdate, startBotProcess } from "../kit/bot-process.js";

const SECRET = "directory-process-secret-1";
const STAFF = -1007770000042;
const SUPERVISOR = { id: 4343, first_name: "Saule" };
const { prefix } = useTestRedis("directory-processes", { shared: true });
let api: Awaited<ReturnType<typeof startBotApiServer>>;
const children: ChildProcess[] = [];
let a: { port: number };
let b: { port: number };

beforeAll(async () => {
  api = await startBotApiServer();
  const options = { prefix, apiRoot: api.root, secret: SECRET, staffChatId: STAFF, env: { SUPERVISOR_IDS: String(SUPERVISOR.id) } };
  [a, b] = await Promise.all([startBotProcess(options, children), startBotProcess(options, children)]);
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  api.server.close();
});

/** The bot's messages caused by one update posted to one process. */
async function post(port: number, update: Update) {
  const mark = api.telegram.mark();
  expect(await postUpdate(port, SECRET, update)).toBe(200);
  return api.telegram.since(mark);
}

const EDITED = "Changed through the staff group: guardianship in Astana.";

/** The Astana guardianship cards a parent gets from one process. */
async function astanaCards(port: number, user: UpdateFactory): Promise<string> {
  await post(port, user.callback("near:r:astana"));
  const calls = await post(port, user.callback("near:t:care"));
  return calls.filter((c) => c.method === "sendMessage").map(textOf).join("\n");
}

describe("two processes, one directory", () => {
  it("an upload applied on one process is used by the other within seconds, without a restart", async () => {
    const user = new UpdateFactory({ id: 7_200_001, language_code: "en" });
    expect(await astanaCards(b.port, user)).not.toContain(EDITED);

    const parsed = readDirectorySync();
    const rows = [[...CSV_COLUMNS], ...parsed.files.flatMap((f) => f.services.map((s) => serviceToRow(s, f.file.split("/").pop())))];
    const id = CSV_COLUMNS.indexOf("id");
    const description = CSV_COLUMNS.indexOf("description_en");
    rows.find((r) => r[id] === "guardianship-astana")![description] = EDITED;
    const csv = writeCsv(rows, { bom: true });
    expect(parseCsv(csv)).toHaveLength(140);

    const staff = staffGroup(STAFF);
    const preview = await post(a.port, staff.document(SUPERVISOR, api.telegram.addFile(csv), "directory.csv"));
    const message = preview.find((c) => c.method === "sendMessage" && buttonsOf(c).length > 0);
    expect(message && textOf(message)).toContain("~ guardianship-astana: description");
    const apply = buttonsOf(message!)[0]!;
    const applied = await post(a.port, staff.callback(SUPERVISOR, apply.callback_data!));
    expect(applied.map(textOf).join("\n")).toMatch(/updated to version 1 by Saule/);

    // Process b never saw the upload; it picks the version up from Redis on its own.
    let cards = "";
    for (let i = 0; i < 40 && !cards.includes(EDITED); i++) {
      await new Promise((r) => setTimeout(r, 250));
      cards = await astanaCards(b.port, user);
    }
    expect(cards).toContain(EDITED);

    // A process started afterwards begins on the uploaded version, not on its files.
    const c = await startBotProcess({ prefix, apiRoot: api.root, secret: SECRET, staffChatId: STAFF }, children);
    expect(await astanaCards(c.port, new UpdateFactory({ id: 7_200_002, language_code: "en" }))).toContain(EDITED);
  }, 60_000);
});
