/**
 * Socket Mode: with an app token the adapter opens a WebSocket (the URL `apps.connections.open`
 * gives) instead of taking HTTP requests, and answers commands over it.
 */
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { type RunningSlack, startSlack } from "../../src/adapters/slack/startSlack.js";
import { createRoundupCore } from "../../src/core/roundupCore.js";
import type { Logger } from "../../src/logger.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";
import { USERS, waitFor } from "./harness.js";
import { MockSlackApi, ResponseCatcher } from "./mockSlackApi.js";

const closers: (() => Promise<void> | void)[] = [];
const silent = pino({ level: "silent" }) as unknown as Logger;
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers.length = 0;
});

it("connects over a WebSocket and answers /read there; HTTP only serves the health check", async () => {
  const temp = tempStore();
  closers.push(temp.cleanup);
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  closers.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
  const sockets: WebSocket[] = [];
  const received: Record<string, unknown>[] = [];
  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data) => received.push(JSON.parse(String(data))));
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
  });
  const api = new MockSlackApi(USERS);
  api.on("apps.connections.open", () => ({
    ok: true,
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
  }));
  await api.start();
  closers.push(() => api.stop());

  const slack: RunningSlack = await startSlack({
    botToken: "xoxb-test-token",
    signingSecret: "unused-in-socket-mode",
    appToken: "xapp-test-token",
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    core: createRoundupCore({ store: temp.store, clock: fixedClock("2026-07-20T12:00:00Z"), logger: silent }),
    logger: silent,
  });
  closers.push(() => slack.stop());
  const open = api.callsTo("apps.connections.open")[0];
  expect(open?.token).toBe("xapp-test-token");
  const socket = await waitFor(() => sockets[0]);

  socket.send(
    JSON.stringify({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "legacy",
        team_id: "T1",
        team_domain: "t1",
        channel_id: "CGENERAL",
        channel_name: "general",
        user_id: "UAMY",
        user_name: "amy",
        command: "/read",
        text: "add <https://socket.example/post> tools over the socket",
        api_app_id: "A1",
        response_url: "http://127.0.0.1:9/unused",
        trigger_id: "trigger-1",
      },
    }),
  );
  const ack = await waitFor(() => received.find((m) => m.envelope_id === "env-1"));
  expect(JSON.stringify(ack.payload)).toContain("Added #1 to *Tools*");
  expect(await temp.store.links.list("slack:T1")).toMatchObject([
    { url: "https://socket.example/post", note: "over the socket", sharedByName: "Amy" },
  ]);

  const health = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
  expect(await health.json()).toEqual({ status: "ok", slack: "socket" });
  const events = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, { method: "POST", body: "x" });
  expect(events.status).toBe(404);
});

it("keeps running when the socket drops before a slow command is acknowledged, and answers by its response_url", async () => {
  const temp = tempStore();
  closers.push(temp.cleanup);
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  closers.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
  const sockets: WebSocket[] = [];
  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
  });
  const api = new MockSlackApi(USERS);
  api.on("apps.connections.open", () => ({
    ok: true,
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
  }));
  // Slack is slow to say who Amy is, so the command is still working when its acknowledgement is due.
  let release = () => {};
  const named = new Promise<void>((resolve) => {
    release = resolve;
  });
  api.on("users.info", async () => {
    await named;
    return { ok: true, user: { id: "UAMY", name: "amy", profile: { display_name: "Amy" } } };
  });
  await api.start();
  closers.push(() => api.stop());
  const responses = new ResponseCatcher();
  await responses.start();
  closers.push(() => responses.stop());
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "warn" },
    { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  ) as unknown as Logger;

  const slack = await startSlack({
    botToken: "xoxb-test-token",
    signingSecret: "unused-in-socket-mode",
    appToken: "xapp-test-token",
    apiUrl: api.url,
    port: 0,
    host: "127.0.0.1",
    core: createRoundupCore({ store: temp.store, clock: fixedClock("2026-07-20T12:00:00Z"), logger }),
    logger,
    ackBudgetMs: 200,
  });
  closers.push(() => slack.stop());
  const socket = await waitFor(() => sockets[0]);
  const { id, url } = responses.url();
  socket.send(
    JSON.stringify({
      envelope_id: "env-slow",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: "T1",
        channel_id: "CGENERAL",
        user_id: "UAMY",
        user_name: "amy",
        command: "/read",
        text: "add <https://socket.example/slow>",
        api_app_id: "A1",
        response_url: url,
        trigger_id: "trigger-slow",
      },
    }),
  );
  await waitFor(() => api.callsTo("users.info").length > 0);
  socket.terminate();

  // The acknowledgement falls due with no socket to send it on: a warning, and the bot carries on.
  await waitFor(() => logs.find((l) => String(l.msg).includes("could not acknowledge")));
  const health = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
  expect(health.status).toBe(200);
  release();
  const [answer] = await waitFor(() => responses.postsTo(id).length > 0 && responses.postsTo(id));
  expect(answer?.text).toContain("Added #1");
  expect(await temp.store.links.list("slack:T1")).toMatchObject([{ url: "https://socket.example/slow" }]);
});
