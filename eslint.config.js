import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** What a pure domain folder may not import: the Telegram layer, translations, HTTP. */
const domainOnly = [
  { group: ["grammy", "grammy/*", "@grammyjs/*"], message: "The domain knows no grammY: Telegram belongs in src/bot/." },
  { group: ["**/i18n.js", "**/bot/*", "**/bot/**", "**/server/*"], message: "The domain does not import the Telegram layer, translations or the server." },
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  // Folder rules (issue #12): cases/ is pure domain (its store and outbox are ports that
  // storage/ implements with Redis); bot/ never reaches into server/.
  {
    files: ["src/cases/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...domainOnly,
            { group: ["ioredis", "**/storage/*", "**/storage/**"], message: "The domain knows no Redis: storage/ implements its ports (cases/store.ts, cases/outbox.ts)." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/bot/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/server/*"], message: "bot/ does not import server/ (the metrics port is src/metrics.ts)." }] }] },
  },
  {
    files: ["src/cli/**", "bench/**", "tests/**", "src/main.ts"],
    rules: { "no-console": "off" },
  },
);
