/**
 * A signed request is taken once. Sent again inside its five-minute window (a replay) it is refused
 * and runs nothing, whichever bot on the database it reaches; Slack's own retries are acknowledged
 * without running the command twice.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { Harness, sign } from "./harness.js";

const running: Harness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof Harness.start>[0] = {}): Promise<Harness> {
  const h = await Harness.start(options);
  running.push(h);
  return h;
}

/** A signed request, kept so it can be sent again byte for byte. */
function captured(h: Harness, text: string, who = {}) {
  const { body, responseId } = h.commandBody(text, who);
  const timestamp = h.nowSeconds();
  return { body, responseId, timestamp, signature: sign(body, timestamp) };
}

it("refuses an add sent again after the link was removed: the link stays removed", async () => {
  const h = await start();
  const add = captured(h, "add <https://replay.example/a> tools");
  expect((await h.post(add.body, add)).body?.text).toContain("Added #1");
  expect((await h.command("remove 1")).body?.text).toContain("Removed #1");

  const again = await h.post(add.body, add);
  expect(again.status).toBe(409);
  expect(again.raw).toBe("");
  expect(await h.links()).toHaveLength(0);
  expect(h.logLines.some((l) => l.level === 40 && String(l.msg).includes("replay"))).toBe(true);
});

it("acknowledges Slack's retry (X-Slack-Retry-Num) with 200 and runs the command once", async () => {
  const h = await start();
  const add = captured(h, "add <https://retry.example/a> loved it");
  expect((await h.post(add.body, add)).body?.text).toContain("Added #1");
  // Slack signs each delivery afresh; the retry is the same body with a new signature and the header.
  h.clock.set?.(new Date(h.clock.now() + 3_000).toISOString());
  const retry = await h.post(add.body, {
    responseId: add.responseId,
    headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
  });
  expect(retry.status).toBe(200);
  expect(retry.raw).toBe("");
  expect(h.followUps(add.responseId)).toEqual([]);
  expect(await h.links()).toMatchObject([
    { url: "https://retry.example/a", note: "loved it", recommendations: [] },
  ]);
});

it("refuses a request replayed to another bot on the same database", async () => {
  const dir = mkdtempSync(join(tmpdir(), "roundup-replay-"));
  dirs.push(dir);
  const databasePath = join(dir, "shared.db");
  const first = await start({ databasePath });
  const second = await start({ databasePath, clock: first.clock });
  const add = captured(first, "add <https://shared.example/a>");
  expect((await first.post(add.body, add)).body?.text).toContain("Added #1");
  expect((await first.command("remove 1")).body?.text).toContain("Removed #1");

  expect((await second.post(add.body, add)).status).toBe(409);
  expect(await second.links()).toHaveLength(0);
  // The second bot takes requests of its own as usual.
  expect((await second.command("add <https://shared.example/b>")).body?.text).toContain("Added #2");
});
