/** The poster's deep link: one module builds it (the poster kit) and reads it (/start). */
import { describe, expect, it } from "vitest";
import { deepLinkPayload, deepLinkUrl, MAX_PAYLOAD, parseDeepLink } from "../src/deep-link.js";

describe("deep-link payloads", () => {
  it("reads the two old forms and the combined one", () => {
    expect(parseDeepLink("r-shymkent")).toEqual({ region: "shymkent" });
    expect(parseDeepLink("src-school123")).toEqual({ tag: "school123" });
    expect(parseDeepLink("src-old_tag")).toEqual({ tag: "old_tag" }); // printed before the combined form
    expect(parseDeepLink("r-almaty_city_src-school-123")).toEqual({ region: "almaty_city", tag: "school-123" });
    expect(parseDeepLink(" R-North_KZ_SRC-Clinic-7 ")).toEqual({ region: "north_kz", tag: "clinic-7" });
  });

  it("anything else asks for nothing", () => {
    for (const junk of ["", "r-", "src-", "xx-yy", "r-../../etc", "src-" + "a".repeat(40), "r-a_src-" + "b".repeat(60), "r-x_src-a_b"]) {
      expect(parseDeepLink(junk), junk).toEqual({});
    }
  });

  it("what is built is read back the same, within Telegram's 64 characters", () => {
    for (const link of [{ region: "almaty_city", tag: "school-123" }, { region: "west_kz" }, { tag: "a".repeat(32) }, { region: "almaty_region", tag: "z".repeat(32) }]) {
      const payload = deepLinkPayload(link);
      expect(payload.length).toBeLessThanOrEqual(MAX_PAYLOAD);
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseDeepLink(payload)).toEqual(link);
    }
    expect(deepLinkUrl("senim_bot", { region: "almaty_city", tag: "school-123" })).toBe("https://t.me/senim_bot?start=r-almaty_city_src-school-123");
  });

  it("refuses a tag or region no poster should carry", () => {
    expect(() => deepLinkPayload({ tag: "School 1" })).toThrow(/tag/);
    expect(() => deepLinkPayload({ tag: "a_b" })).toThrow(/tag/);
    expect(() => deepLinkPayload({ tag: "a".repeat(33) })).toThrow(/tag/);
    expect(() => deepLinkPayload({ region: "Almaty!" })).toThrow(/region/);
    expect(() => deepLinkPayload({})).toThrow();
  });
});
