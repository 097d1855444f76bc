/**
 * Redis full (issue #13, fault 7): with `maxmemory` and `noeviction` (the only correct policy
 * for this data), a full Redis makes the process not ready (/readyz 503, and the memory ratio on
 * /metrics), and a message it cannot store is failed for Telegram to deliver again, not answered
 * with an apology and dropped. Once there is room, the redelivery goes through.
 */
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { UpdateFactory } from "../../src/testing/updates.js";
import { usePrivateRig } from "../kit/private-rig.js";
import { metricValue } from "../kit/metrics.js";

const rig = usePrivateRig({
  prefix: "senim-full",
  secret: "redis-full-secret-12345",
  staffChatId: -1007770000009,
  redisArgs: ["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"],
});
const post = (port: number, update: Update) => rig.post(port, update);

describe("a full Redis", () => {
  it("makes the process not ready, and a message that cannot be stored is delivered again, not dropped", async () => {
    const port = await rig.start();
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const user = new UpdateFactory({ id: 888_001, language_code: "en" });
    expect(await post(port, user.callback("m:person"))).toBe(200);

    // Something else fills Redis up to its limit, to the last few bytes.
    let n = 0;
    for (const size of [64 * 1024, 1024, 16]) {
      const junk = "x".repeat(size);
      while (await rig.admin.set(`junk:${n++}`, junk).then(() => true, () => false));
    }
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metricValue(metrics, "senim_redis_memory_ratio")).toBeGreaterThanOrEqual(0.95);

    const mark = rig.api.telegram.mark();
    const message = user.text("are you there? please answer");
    expect(await post(port, message)).not.toBe(200); // not stored: Telegram delivers it again

    const junkKeys = await rig.admin.keys("junk:*");
    await rig.admin.del(...junkKeys);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await post(port, message)).toBe(200); // the redelivery
    const relayed = () => rig.api.telegram.since(mark).filter((c) => c.method === "copyMessage" && Number(c.payload.from_chat_id) === 888_001);
    for (let i = 0; i < 100 && relayed().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(relayed()).toHaveLength(1);
  }, 60_000);
});
