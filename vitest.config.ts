import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.tsx",
      "apps/*/test/**/*.test.ts",
      "bench/src/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database-backed suites share one embedded PostgreSQL per run, each in its own databases.
    globalSetup: ["apps/server/test/global-setup.ts"],
  },
});
