/**
 * `/healthz` says whether the bot can serve: 503 when its database cannot be read or written (a
 * read-only file, a closed or broken connection), 200 otherwise, as the bot's entry point wires it.
 */
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { startSlack } from "../../src/adapters/slack/startSlack.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { Logger } from "../../src/logger.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers.length = 0;
});

it("answers 503 while the database cannot be written, and 200 again once it can", async () => {
  const temp = tempStore();
  closers.push(temp.cleanup);
  const api = new MockSlackApi({});
  await api.start();
  closers.push(() => api.stop());
  const { store } = temp;
  const logger = pino({ level: "silent" }) as unknown as Logger;
  const slack = await startSlack({
    botToken: "xoxb-health",
    signingSecret: "health-secret",
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    core: createRoundupCore({ store, clock: fixedClock("2026-07-20T12:00:00Z"), logger }),
    healthy: () => store.healthy(),
    logger,
  });
  closers.push(() => slack.stop());
  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
    return { status: response.status, body: await response.json() };
  };

  expect(await health()).toMatchObject({ status: 200, body: { status: "ok" } });
  // SQLite refuses every write on this connection from now on, as it does on a read-only file.
  store.db.$client.pragma("query_only = ON");
  expect(await health()).toEqual({ status: 503, body: { status: "unavailable", reason: "database" } });
  store.db.$client.pragma("query_only = OFF");
  expect((await health()).status).toBe(200);
  await store.close();
  expect((await health()).status).toBe(503);
});
