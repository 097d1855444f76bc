/**
 * The folder rules of src/ (README, "Code map") are enforced by ESLint (eslint.config.js):
 * this checks that they are, by linting imports that break them as if they were in each
 * folder. A change to the config that quietly drops a rule fails here.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const DOMAIN = ["src/triage/x.ts", "src/directory/x.ts", "src/flows/x.ts", "src/cases/x.ts", "src/domain.ts", "src/metrics.ts"];

describe("the folder rules", () => {
  it.each(DOMAIN)("%s imports no grammY, ioredis, i18n, bot/, server/ or storage/", async (file) => {
    const up = file.split("/").length > 2 ? "../" : "./";
    for (const source of [
      `import { Bot } from "grammy";`,
      `import type { Update } from "grammy/types";`,
      `import { I18n } from "@grammyjs/i18n";`,
      `import { Redis } from "ioredis";`,
      `import { createI18n } from "${up}i18n.js";`,
      `import { createBot } from "${up}bot/index.js";`,
      `import { createMetrics } from "${up}server/metrics.js";`,
      `import { keyspace } from "${up}storage/keys.js";`,
    ]) {
      expect(await ruleErrors(file, `${source}\nexport const x = 1;\n`), `${file}: ${source}`).not.toEqual([]);
    }
  });

  it("the domain may import the domain", async () => {
    expect(await ruleErrors("src/cases/x.ts", `import { isRisk } from "../domain.js";\nimport { routeTopic } from "../flows/router.js";\nexport const x = [isRisk, routeTopic];\n`)).toEqual([]);
  });

  it("storage/ knows no grammY, bot/ or server/; server/ no bot/; bot/ no server/", async () => {
    expect(await ruleErrors("src/storage/x.ts", `import { Bot } from "grammy";\nexport const x = Bot;\n`)).not.toEqual([]);
    expect(await ruleErrors("src/storage/x.ts", `import { createBot } from "../bot/index.js";\nexport const x = createBot;\n`)).not.toEqual([]);
    expect(await ruleErrors("src/server/x.ts", `import { createBot } from "../bot/index.js";\nexport const x = createBot;\n`)).not.toEqual([]);
    expect(await ruleErrors("src/bot/x.ts", `import { createMetrics } from "../server/metrics.js";\nexport const x = createMetrics;\n`)).not.toEqual([]);
    expect(await ruleErrors("src/bot/features/x.ts", `import { createHttpServer } from "../../server/http.js";\nexport const x = createHttpServer;\n`)).not.toEqual([]);
  });

  it("the Telegram layer may use the domain and storage", async () => {
    expect(await ruleErrors("src/bot/x.ts", `import { Bot } from "grammy";\nimport { routeTopic } from "../flows/router.js";\nexport const x = [Bot, routeTopic];\n`)).toEqual([]);
  });
});

describe("the README's code map", () => {
  it("names every folder and top-level file of src/, and nothing that is not there", async () => {
    const { readFileSync, readdirSync, existsSync } = await import("node:fs");
    const readme = readFileSync("README.md", "utf8");
    const map = readme.slice(readme.indexOf("## The code"), readme.indexOf("```", readme.indexOf("```", readme.indexOf("## The code")) + 3));
    const listed = [...map.matchAll(/^(src\/[\w./-]*)/gm)].map((m) => m[1]!);
    for (const entry of readdirSync("src")) {
      const path = `src/${entry}${entry.endsWith(".ts") ? "" : "/"}`;
      expect(listed, `${path} is missing from the code map`).toContain(path);
    }
    for (const path of listed) expect(existsSync(path), `${path} is in the code map but not in the tree`).toBe(true);
  });
});
