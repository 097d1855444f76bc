/**
 * The HTTP face: the Telegram webhook (secret token checked before anything is parsed),
 * `GET /healthz` (the process is alive), `GET /readyz` (Redis answers PING) and `GET /metrics`
 * (Prometheus, see metrics.ts). Used in both
 * modes; in polling mode there is simply no webhook route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";

export interface HttpOptions {
  logger: Logger;
  /** Readiness probe: resolves true when the shared state (Redis) answers. */
  ready(): Promise<boolean>;
  webhook?: {
    path: string;
    secret: string;
    /**
     * Handles one update; the HTTP answer waits for it, so Telegram retries what failed. A Bot
     * API call the bot hands to `reply.send` (grammY's webhook reply: answering a button press)
     * goes back to Telegram in that HTTP answer instead of a request of its own.
     */
    handle(update: Update, reply: WebhookReply): Promise<void>;
  };
  /** GET /metrics (Prometheus text); with a token, only for `Authorization: Bearer <token>`. */
  metrics?: { render(): Promise<string>; contentType: string; token?: string };
  /** Largest accepted webhook body; Telegram's updates are far smaller. */
  maxBodyBytes?: number;
}

/** grammY's webhook reply envelope: the JSON of one Bot API call to answer with. */
export interface WebhookReply {
  send(body: string): void;
}

export function createHttpServer(options: HttpOptions): Server {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      options.logger.error({ err }, "http handler failed");
      if (!res.headersSent) send(res, 500, { ok: false });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return send(res, 200, { ok: true });
    if (req.method === "GET" && path === "/readyz") {
      const ready = await options.ready();
      return send(res, ready ? 200 : 503, { ok: ready });
    }
    if (req.method === "GET" && path === "/metrics" && options.metrics) {
      const m = options.metrics;
      if (m.token !== undefined && !secretMatches(bearer(req.headers.authorization), m.token)) return send(res, 401, { ok: false });
      const text = await m.render();
      res.writeHead(200, { "content-type": m.contentType });
      res.end(text);
      return;
    }
    const hook = options.webhook;
    if (hook && path === hook.path) {
      if (req.method !== "POST") return send(res, 405, { ok: false });
      if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], hook.secret)) {
        req.resume();
        return send(res, 401, { ok: false });
      }
      const body = await readBody(req, maxBody);
      if (body === undefined) return send(res, 413, { ok: false });
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
      } catch {
        return send(res, 400, { ok: false });
      }
      if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
        return send(res, 400, { ok: false });
      }
      let call: string | undefined;
      await hook.handle(update, {
        send: (body) => {
          call = body;
        },
      });
      if (call === undefined) return send(res, 200, { ok: true });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(call);
      return;
    }
    send(res, 404, { ok: false });
  }
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
}

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Past this much, a body is not even drained: the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * The body, or undefined when it is over `max`: the rest is read and thrown away (so that the
 * client gets its 413 instead of a reset connection), up to DRAIN_LIMIT.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) req.destroy();
      else if (size <= max) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
