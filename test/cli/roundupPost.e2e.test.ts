import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockSlackApi } from "../slack/mockSlackApi.js";
import { createSandbox, runCli, type Sandbox } from "./cliHarness.js";

describe("cli roundup post", () => {
  let api: MockSlackApi;
  let sandbox: Sandbox;
  let slackEnv: Record<string, string>;
  const ws = ["--workspace", "slack:T1"];

  beforeAll(async () => {
    api = new MockSlackApi({});
    await api.start();
    sandbox = createSandbox();
    slackEnv = { SLACK_BOT_TOKEN: "xoxb-cli", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: api.url };
    await sandbox.cli("add", "https://example.com/june", "--title", "June read", "--at", "2026-06-15", ...ws);
  });
  afterAll(async () => {
    await api.stop();
    sandbox.cleanup();
  });

  it("refuses without a roundup channel", async () => {
    const result = await runCli(sandbox.databaseUrl, ["roundup", "post", "2026-06", ...ws], slackEnv);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no roundup channel");
  });

  it("posts through the ledger once, and again only with --force", async () => {
    await sandbox.cli("config", "set", "channel", "CROUNDUP", ...ws);
    const first = await runCli(sandbox.databaseUrl, ["roundup", "post", "2026-06", ...ws], slackEnv);
    expect(first.stdout.trim()).toBe("Posted the 2026-06 roundup: 1 message(s).");
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);

    const second = await runCli(sandbox.databaseUrl, ["roundup", "post", "2026-06", ...ws], slackEnv);
    expect(second.stdout.trim()).toBe(
      "The 2026-06 roundup was already posted (posted). To post it again: npm run -s cli -- roundup post 2026-06 --force --workspace slack:T1",
    );
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);

    const forced = await runCli(
      sandbox.databaseUrl,
      ["roundup", "post", "2026-06", "--force", ...ws],
      slackEnv,
    );
    expect(forced.status).toBe(0);
    expect(api.callsTo("chat.postMessage")).toHaveLength(2);

    const show = await sandbox.cli("config", "show", ...ws);
    expect(show.stdout).toContain("last run:   June 2026: posted");
  });

  it("says what is missing when the platform's token is not set", async () => {
    const result = await runCli(sandbox.databaseUrl, ["roundup", "post", "2026-06", "--force", ...ws]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Posting to slack:T1 needs SLACK_BOT_TOKEN in the environment; nothing was posted.",
    );
  });
});
