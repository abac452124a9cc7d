/**
 * Issue #12: "/healthz reports 503 when the database cannot be reached." The bot's Slack side as the
 * entry point composes it, on PostgreSQL reached through a TCP proxy that the test cuts (refusing new
 * connections and breaking the pool's open ones) and restores.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack } from "../../src/adapters/slack/startSlack.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { Logger } from "../../src/logger.js";
import { type DatabaseStore, openStore } from "../../src/storage/openStore.js";
import { until } from "../helpers/botProcess.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy.js";
import { fixedClock } from "../helpers/tempStore.js";
import { MockSlackApi } from "../slack/mockSlackApi.js";

/** /healthz gives up on the database after two seconds; a little more for a busy machine. */
const NOTICED_WITHIN_MS = 4_000;

describe.skipIf(NO_SERVER)(`/healthz on PostgreSQL${NO_SERVER ? `: ${NO_SERVER}` : ""}`, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let api: MockSlackApi;
  let store: DatabaseStore;
  let slack: Awaited<ReturnType<typeof startSlack>>;

  beforeAll(async () => {
    database = await createTestDatabase("healthz");
    const server = new URL(database.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    api = new MockSlackApi({});
    await api.start();
    store = await openStore(proxy.through(database.url), { poolMax: 2 });
    const logger = pino({ level: "silent" }) as unknown as Logger;
    slack = await startSlack({
      botToken: "xoxb-health",
      signingSecret: "health-secret",
      apiUrl: api.url,
      port: 0,
      host: "127.0.0.1",
      core: createRoundupCore({ store, clock: fixedClock("2026-07-20T12:00:00Z"), logger }),
      healthy: () => store.healthy(),
      logger,
    });
  });
  afterAll(async () => {
    await slack?.stop();
    await store?.close();
    await api?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
    return { status: response.status, body: await response.json() };
  };

  /** Polls /healthz until it answers `status`; gives its last answer. */
  const answers = async (status: number, what: string) => {
    let last = await health();
    await until(
      async () => {
        last = await health();
        return last.status === status;
      },
      NOTICED_WITHIN_MS,
      what,
    );
    return last;
  };

  it("answers 503 while the database cannot be reached, and 200 again once it can", async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok" } });

    await proxy.cut();
    const cutOff = await answers(503, "/healthz to answer 503 with the database cut off");
    expect(cutOff.body).toEqual({ status: "unavailable", reason: "database" });

    await proxy.restore();
    expect(await answers(200, "/healthz to answer 200 again")).toMatchObject({ body: { status: "ok" } });
  });
});
