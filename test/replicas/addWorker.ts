/**
 * One replica adding links for the concurrent-adds test: opens DATABASE_URL as the bot does, waits for
 * the test's signal, then adds COUNT links one after another through the core (see sharedPages.ts),
 * as user U<WRITER>. Prints each add's outcome, or the error it failed with, as JSON.
 */
import { addLink } from "../../src/core/links/addLink.js";
import { openStore } from "../../src/storage/openStore.js";
import { waitForGo } from "../helpers/workerProcess.js";
import { urlOfAdd, WORKSPACE } from "./sharedPages.js";

export type AddOutcome = "added" | "duplicate" | { error: string };

const writer = Number(process.env.WRITER);
const count = Number(process.env.COUNT);
const store = await openStore(process.env.DATABASE_URL ?? "", { poolMax: 2 });
await waitForGo();
const outcomes: AddOutcome[] = [];
for (let i = 0; i < count; i++) {
  try {
    const result = await addLink(
      { store, clock: { now: () => Date.now() } },
      {
        workspace: WORKSPACE,
        ...urlOfAdd(writer, i),
        userId: `U${writer}`,
        userName: `Writer ${writer}`,
        source: "slack",
      },
    );
    outcomes.push(result.status);
  } catch (error) {
    outcomes.push({ error: (error as Error).message });
  }
}
await store.close();
console.log(JSON.stringify(outcomes));
