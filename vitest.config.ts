import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // No Redis at REDIS_URL: a throwaway redis-server for the run (tests/kit/global-setup.ts).
    globalSetup: ["tests/kit/global-setup.ts"],
  },
});
