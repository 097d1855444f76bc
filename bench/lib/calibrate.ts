/**
 * The driver's own CPU: the bots run in this process next to the HTTP client that loads them,
 * so process.cpuUsage counts both. To count the bot alone, the same recorded updates are sent
 * at the same concurrency to a webhook that does nothing, in a child process: what this
 * process spends then is the client's share of an update, subtracted from each bot's.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { drive, type Population } from "./drive.js";

const NULL_SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end(""); });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

export interface DriverCost {
  /** CPU of this process per update with nothing behind the webhook (client, bookkeeping), µs. */
  usPerUpdate: number;
  sent: number;
}

/** Sends `total` updates from `population` to a do-nothing webhook in a child process; this process's CPU per update. */
export async function driverCost(population: Population, total: number, concurrency: number): Promise<DriverCost> {
  const child = spawn(process.execPath, ["-e", NULL_SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  try {
    const [chunk] = (await once(child.stdout, "data")) as [Buffer];
    const port = Number(chunk.toString().trim());
    const cpu = process.cpuUsage();
    const result = await drive({ port, total, concurrency, population });
    const used = process.cpuUsage(cpu);
    // The replayed users make nothing: all of it is the client's.
    const us = used.user + used.system;
    return { usPerUpdate: result.sent > 0 ? us / result.sent : 0, sent: result.sent };
  } finally {
    child.stdin.end();
    child.kill();
  }
}
