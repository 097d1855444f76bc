/**
 * The desk's clocks: deliver what the outbox holds (retries, and jobs left by a process that
 * died), raise cases past their waiting limit, send the check-ins users asked for, and delete
 * the staff topics of cases whose time is up. Every
 * process runs them; the store and the outbox make sure each job and each raise happens once.
 */
import type { Texts } from "../../i18n.js";
import type { Logger } from "../../logger.js";
import type { CaseDesk } from "./desk.js";
import { checkInMessage, stillWaitingMessage } from "./render.js";

export function startDeskTimers(
  desk: CaseDesk,
  i18n: Texts,
  logger: Logger,
  every = { flushMs: 2_000, sweepMs: 15_000 },
): () => void {
  let busy = false;
  const guard = (name: string, task: () => Promise<unknown>) => async () => {
    if (busy) return;
    busy = true;
    try {
      await task();
    } catch (err) {
      logger.warn({ err, task: name }, "desk timer failed; next tick retries");
    } finally {
      busy = false;
    }
  };
  const flush = setInterval(
    guard("flush", () => Promise.all([desk.flush(), desk.writeFigures()])),
    every.flushMs,
  );
  const stillWaiting = stillWaitingMessage(i18n);
  const checkIn = checkInMessage(i18n);
  const sweep = setInterval(
    guard("sweep", async () => {
      await desk.sweep(stillWaiting);
      await desk.sendCheckIns(checkIn);
      await desk.deleteExpiredTopics();
    }),
    every.sweepMs,
  );
  flush.unref();
  sweep.unref();
  return () => {
    clearInterval(flush);
    clearInterval(sweep);
    // The last seconds' figures: sent before Redis is closed (its queue keeps the order).
    desk.writeFigures().catch((err: unknown) => logger.warn({ err }, "figures of the last seconds not written"));
  };
}
