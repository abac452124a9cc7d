/**
 * One bot process for the scheduler's integration tests: opens DATABASE_URL (a SQLite file or a
 * postgres:// URL), runs one scheduler tick at NOW against the loopback platform, and prints the
 * tick's report as JSON. With KILL_AFTER=n it SIGKILLs itself right after its n-th message is posted,
 * like a crash mid-roundup.
 */
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { openStore } from "../../src/storage/openStore.js";
import { waitForGo } from "../helpers/workerProcess.js";
import { loopbackPublisher } from "./platformServer.js";

const env = (name: string) => process.env[name] ?? "";
const [DATABASE_URL, PLATFORM_URL, NOW, OWNER] = ["DATABASE_URL", "PLATFORM_URL", "NOW", "OWNER"].map(
  env,
) as [string, string, string, string];
const { KILL_AFTER_SEND, KILL_AFTER_RECORD, FIND_SENT } = process.env;
const store = await openStore(DATABASE_URL, { poolMax: 2 });
const publisher = loopbackPublisher(PLATFORM_URL, {
  findSent: Boolean(FIND_SENT),
  afterSend: (sent) => {
    if (KILL_AFTER_SEND && sent === Number(KILL_AFTER_SEND)) process.kill(process.pid, "SIGKILL");
  },
});
if (KILL_AFTER_RECORD) {
  // Dies right after the n-th message is both posted and written to the ledger.
  const record = store.runs.recordMessage.bind(store.runs);
  let recorded = 0;
  store.runs.recordMessage = async (...args) => {
    const ok = await record(...args);
    if (++recorded === Number(KILL_AFTER_RECORD)) process.kill(process.pid, "SIGKILL");
    return ok;
  };
}

// Workers started together wait for the test's signal (WAIT_FOR_GO, once all are up), so their
// claims really race.
await waitForGo();
const reports = await schedulerTick(
  { store, clock: { now: () => Date.parse(NOW) }, publishers: { slack: publisher }, sleep: async () => {} },
  { owner: OWNER, retryDelaysMs: [0, 0, 0] },
);
await store.close();
console.log(JSON.stringify(reports));
