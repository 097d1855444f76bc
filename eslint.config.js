import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The folder rules of src/ (README, "Code map"): the domain knows nothing of Telegram, Redis or
 * translations; the HTTP server and the Telegram layer do not know each other. A change that
 * breaks them fails `npm run lint`.
 */
const TELEGRAM = { group: ["grammy", "grammy/*", "@grammyjs/*"], message: "Domain code does not import grammY: the Telegram layer (src/bot) sits on top of it." };
const REDIS = { group: ["ioredis"], message: "Domain code does not import ioredis: storage lives in src/storage." };
const I18N = { group: ["**/i18n.js", "@fluent/*"], message: "Domain code takes a Translate/Translator function; it does not import the i18n setup." };
const LAYERS = (...folders) =>
  folders.map((folder) => ({ group: [`**/${folder}/*`, `**/${folder}/**`], message: `This folder may not import src/${folder} (see the code map in README.md).` }));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", ".scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    files: ["src/domain.ts", "src/metrics.ts", "src/triage/**", "src/directory/**", "src/flows/**", "src/cases/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [TELEGRAM, REDIS, I18N, ...LAYERS("bot", "server", "storage", "cli", "testing")] }] },
  },
  {
    files: ["src/storage/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [TELEGRAM, I18N, ...LAYERS("bot", "server", "cli", "testing")] }] },
  },
  {
    files: ["src/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...LAYERS("bot", "cli", "testing")] }] },
  },
  {
    files: ["src/bot/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...LAYERS("server", "cli", "testing")] }] },
  },
  {
    files: ["src/cli/**", "bench/**", "tests/**", "src/main.ts"],
    rules: { "no-console": "off" },
  },
);
