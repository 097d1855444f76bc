/**
 * The fake Telegram served over real HTTP, for bot processes started with
 * BOT_API_ROOT=http://127.0.0.1:<port> (how Senim is tested end to end from outside).
 */
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { FakeTelegram } from "../../src/testing/fake-telegram.js";

export async function startBotApiServer(): Promise<{ telegram: FakeTelegram; root: string; server: Server }> {
  const telegram = new FakeTelegram();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const response = await telegram.fetch(`http://fake${req.url ?? "/"}`, {
          method: "POST",
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { telegram, server, root: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
