/**
 * `roundup post` to a loopback Slack through the real Slack publisher, which the CLI builds from
 * SLACK_BOT_TOKEN and SLACK_API_URL. The CLI runs in this process with the deps src/cli/main.ts builds
 * from that environment; one step spawns the real entry point, to show that main.ts itself builds the
 * publisher from its environment and posts. A new database and Slack stand-in for each test.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MockSlackApi } from "../slack/mockSlackApi.js";
import { createSandbox, runCli, type Sandbox } from "./cliHarness.js";
import { inProcessCli } from "./inProcessCli.js";

describe("cli roundup post", () => {
  let api: MockSlackApi;
  let sandbox: Sandbox;
  let slackEnv: Record<string, string>;
  const ws = ["--workspace", "slack:T1"];
  /** The CLI in this process, with `env` added to the harness's (no chat tokens, no fetching). */
  const cli = (env: Record<string, string>, ...argv: string[]) =>
    inProcessCli(sandbox.databaseUrl, { asMain: env })(...argv);

  beforeEach(async () => {
    api = new MockSlackApi({});
    await api.start();
    sandbox = createSandbox();
    slackEnv = { SLACK_BOT_TOKEN: "xoxb-cli", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: api.url };
    const added = await cli(
      {},
      "add",
      "https://example.com/june",
      "--title",
      "June read",
      "--at",
      "2026-06-15",
      ...ws,
    );
    expect(added, added.stderr).toMatchObject({ status: 0 });
  });
  afterEach(async () => {
    await api.stop();
    sandbox.cleanup();
  });

  /** The roundup channel, as `posts through the ledger` sets it. */
  async function setChannel(): Promise<void> {
    const set = await cli({}, "config", "set", "channel", "CROUNDUP", ...ws);
    expect(set, set.stderr).toMatchObject({ status: 0 });
  }

  it("refuses without a roundup channel", async () => {
    const result = await cli(slackEnv, "roundup", "post", "2026-06", ...ws);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no roundup channel");
  });

  it("posts through the ledger once, and again only with --force", { timeout: 60_000 }, async () => {
    await setChannel();
    // The real entry point, in a process: main.ts builds the publisher from its environment.
    const first = await runCli(sandbox.databaseUrl, ["roundup", "post", "2026-06", ...ws], slackEnv);
    expect(first.stdout.trim()).toBe("Posted the 2026-06 roundup: 1 message(s).");
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);

    const second = await cli(slackEnv, "roundup", "post", "2026-06", ...ws);
    expect(second.stdout.trim()).toBe(
      "The 2026-06 roundup was already posted (posted). To post it again: npm run -s cli -- roundup post 2026-06 --force --workspace slack:T1",
    );
    expect(api.callsTo("chat.postMessage")).toHaveLength(1);

    const forced = await cli(slackEnv, "roundup", "post", "2026-06", "--force", ...ws);
    expect(forced.status).toBe(0);
    expect(api.callsTo("chat.postMessage")).toHaveLength(2);

    const show = await cli({}, "config", "show", ...ws);
    expect(show.stdout).toContain("last run:   June 2026: posted");
  });

  it("says what is missing when the platform's token is not set", async () => {
    await setChannel();
    const result = await cli({}, "roundup", "post", "2026-06", "--force", ...ws);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Posting to slack:T1 needs SLACK_BOT_TOKEN in the environment; nothing was posted.",
    );
  });
});
