/**
 * One writer for the parallel-writers test, run in a worker thread with its own connection: waits for
 * the shared start signal, shares COUNT links one after another, and reports which adds failed.
 */
import { parentPort, workerData } from "node:worker_threads";
import { addLink } from "../../src/core/links/addLink.js";
import { SqliteStore } from "../../src/storage/sqliteStore.js";

const { path, writer, count, start } = workerData as {
  path: string;
  writer: number;
  count: number;
  start: Int32Array;
};
const store = SqliteStore.open(path);
const clock = { now: () => Date.now() };
parentPort?.postMessage("ready");
Atomics.wait(start, 0, 0);
const failures: string[] = [];
for (let i = 0; i < count; i++) {
  try {
    await addLink(
      { store, clock },
      {
        workspace: "local:team",
        url: `https://parallel.example/${writer}/${i}`,
        userId: `writer-${writer}`,
        userName: `Writer ${writer}`,
        source: "cli",
      },
    );
  } catch (error) {
    failures.push((error as Error).message);
  }
}
await store.close();
parentPort?.postMessage(failures);
