import { describe, expect, it } from "vitest";
import { createHarness, TestUser, useTestRedis } from "../kit/harness.js";

// A fresh prefix per test, dropped after it even when the test fails.
const db = useTestRedis("language");
const redis = db.redis;

describe("first contact and the language picker", () => {
  it("greets in the language Telegram reports and always shows the picker, Kazakh first", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    let id = 1000;
    for (const [code, greeting] of [
      ["kk", "Сәлем"],
      ["ru", "Привет"], // no role yet: spoken to as to a child
      ["en", "Hello"],
      ["de", "Привет"], // any other language → Russian
      [undefined, "Привет"],
    ] as const) {
      const user = new TestUser(h, { id: id++, language_code: code });
      const reply = await user.say("/start");
      expect(reply.text).toContain(greeting);
      expect(reply.buttons).toEqual(["Қазақша", "Русский", "English"]);
    }
  });

  it("after choosing Kazakh, everything is Kazakh: who are you, then the menu of topics", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 2001, language_code: "en" });
    await user.say("/start");
    const role = await user.press("Қазақша");
    expect(role.text).toContain("Кім жазып отыр?");
    expect(role.buttons.join(" ")).toContain("баламын");
    const menu = await user.press("баламын");
    expect(menu.text).toContain("Тақырыпты таңда немесе өз сөзіңмен жаз"); // a child: informal
    expect(menu.buttons).toContain("🆘 Дәл қазір қауіп төніп тұр");
    expect(menu.buttons).toContain("🙋 Адаммен сөйлесу");
    expect(menu.buttons).toContain("📍 Жақын жерден көмек табу");
    expect(menu.buttons).toContain("🚪 Жылдам шығу");
    expect(menu.buttons.length).toBe(9 + 5);
    const help = await user.say("/help");
    expect(help.text).toContain("/language");
    expect(help.text).toContain("112");
  });

  it("keeps the choice in Redis: a new bot instance answers in the chosen language", async () => {
    const first = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(first, { id: 2002, language_code: "ru" });
    await user.say("/start");
    await user.press("English");
    await user.press("parent");
    const second = createHarness({ redis, prefix: db.prefix });
    const menu = await user.reconnect(second).say("/menu");
    expect(menu.text).toContain("What would you like to talk about?");
    expect(await redis.keys(`${db.prefix}:prefs:*`)).toHaveLength(1);
    const ttl = await redis.ttl((await redis.keys(`${db.prefix}:prefs:*`))[0]!);
    expect(ttl).toBeGreaterThan(30 * 24 * 3600);
  });

  it("stores no Telegram id in any key or value", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 777123456, language_code: "kk" });
    await user.say("/start");
    await user.press("Русский");
    await user.press("родитель");
    const keys = await redis.keys(`${db.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain("777123456");
      const value = (await redis.type(key)) === "string" ? await redis.get(key) : "";
      expect(value).not.toContain("777123456");
    }
  });

  it("/language switches at any time and the menu follows", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 2003, language_code: "kk" });
    await user.say("/start");
    await user.press("Қазақша");
    await user.press("Ата-ана");
    const picker = await user.say("/language");
    expect(picker.buttons).toEqual(["Қазақша", "Русский", "English"]);
    const ru = await user.press("Русский");
    expect(ru.text).toContain("теперь говорим по-русски");
    expect(ru.buttons).toContain("🆘 Опасность прямо сейчас");
  });
});

describe("commands that work everywhere", () => {
  it("/menu, /cancel and /help answer even before /start", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 3001, language_code: "ru" });
    expect((await user.say("/menu")).buttons).toContain("🆘 Опасность прямо сейчас");
    expect((await user.say("/cancel")).text).toContain("нечего отменять");
    expect((await user.say("/help")).text).toContain("111");
  });
});

describe("deep links from posters", () => {
  it("r-<region> pre-selects the region; src-<tag> is counted once, anonymously", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4001, language_code: "ru" });
    const reply = await user.say("/start r-shymkent");
    expect(reply.buttons).toEqual(["Қазақша", "Русский", "English"]);
    const prefsKey = (await redis.keys(`${db.prefix}:prefs:*`))[0]!;
    expect(JSON.parse((await redis.get(prefsKey))!).region).toBe("shymkent");

    const other = new TestUser(h, { id: 4002, language_code: "ru" });
    await other.say("/start src-school123");
    await other.say("/start src-school123");
    expect(await redis.hget(`${db.prefix}:stats:campaigns`, "school123")).toBe("1");
  });

  it("an unknown or malformed payload is ignored: the picker still comes", async () => {
    const h = createHarness({ redis, prefix: db.prefix });
    const user = new TestUser(h, { id: 4003, language_code: "en" });
    for (const payload of ["r-atlantis", "src-", "xx-yy", "r-../../etc", "src-" + "a".repeat(200)]) {
      const reply = await user.say(`/start ${payload}`);
      expect(reply.buttons).toEqual(["Қазақша", "Русский", "English"]);
    }
    const prefsKey = (await redis.keys(`${db.prefix}:prefs:*`))[0];
    const prefs = prefsKey ? JSON.parse((await redis.get(prefsKey))!) : {};
    expect(prefs.region).toBeUndefined();
    expect(prefs.src).toBeUndefined();
  });
});
