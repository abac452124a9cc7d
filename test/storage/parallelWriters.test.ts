/**
 * Several writers on one database file, each with its own connection as each bot or CLI process has:
 * no add is refused because another writer held the database at that moment.
 */
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterEach, expect, it } from "vitest";
import { tempStore } from "../helpers/tempStore.js";

// A worker thread does not take `--import tsx`, so it loads the TypeScript worker through tsx's API.
const TS_WORKER = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ tsImport }) =>
  tsImport(${JSON.stringify(new URL("./addWorker.ts", import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`;
const WRITERS = 4;
const ADDS_EACH = 50;

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

it("stores every add when several connections add at once", async () => {
  const temp = tempStore();
  cleanup = temp.cleanup;
  // The workspace exists before the race, as for a team that already uses the bot.
  await temp.store.workspaces.ensure("local:team", []);
  const start = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: WRITERS },
    (_, writer) =>
      new Worker(TS_WORKER, { eval: true, workerData: { path: temp.path, writer, count: ADDS_EACH, start } }),
  );
  await Promise.all(workers.map((worker) => once(worker, "message")));
  const finished = workers.map((worker) => once(worker, "message"));
  // Every writer has its connection open and waits on this: they all start adding at once.
  Atomics.store(start, 0, 1);
  Atomics.notify(start, 0);

  const failures = (await Promise.all(finished)).flatMap(([messages]) => messages as string[]);
  expect(failures).toEqual([]);
  expect(await temp.store.links.list("local:team")).toHaveLength(WRITERS * ADDS_EACH);
});
