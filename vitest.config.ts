import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A migrated PGlite database to start each PostgreSQL-in-process test from.
    globalSetup: ["test/setup/pgliteTemplate.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest leaves one core idle by default; most files wait on sockets and child processes, so both help.
    maxWorkers: 2,
    // Worker threads start faster than forked processes; tests that need a process of their own spawn one.
    pool: "threads",
  },
});
