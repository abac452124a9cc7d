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
    // A worker keeps the modules it loaded for its next file: importing the app's and the SDKs'
    // modules again for each file cost a third of the suite's CPU. Tests share no state through
    // modules (each opens its own database and servers), and the suite passes shuffled.
    isolate: false,
  },
});
