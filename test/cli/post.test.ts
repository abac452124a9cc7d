import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempStore } from "../helpers/tempStore.js";
import { type CliRun, inProcessCli } from "./inProcessCli.js";

let temp: ReturnType<typeof tempStore>;
let cli: (...argv: string[]) => Promise<CliRun>;
beforeEach(() => {
  temp = tempStore();
  cli = inProcessCli(temp.path);
});
afterEach(() => temp.cleanup());

/** The workspaces the database knows, read straight from the file. */
function workspaceKeys(): string[] {
  const db = new Database(temp.path, { readonly: true });
  try {
    return (db.prepare("SELECT key FROM workspaces ORDER BY key").all() as { key: string }[]).map(
      (r) => r.key,
    );
  } finally {
    db.close();
  }
}

describe("cli roundup post: what each kind of workspace needs", () => {
  it("on a local workspace says there is no chat to post to, points at the Markdown, and posts nothing", async () => {
    expect((await cli("add", "https://example.com/july", "--at", "2026-07-15")).status).toBe(0);

    const result = await cli("roundup", "post", "2026-07");
    expect(result).toMatchObject({ status: 1, stdout: "" });
    expect(result.stderr).toMatch(/^local:default is a local workspace: it has no chat to post to/);
    expect(result.stderr).toContain("npm run -s cli -- roundup YYYY-MM --workspace local:default");
    expect(result.stderr).not.toMatch(/TOKEN|config set channel/);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(await temp.store.runs.latest("local:default")).toBeUndefined();

    // What it points at is there.
    const markdown = await cli("roundup", "2026-07", "--workspace", "local:default");
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain("https://example.com/july");
  });

  it("on a slack: workspace names only SLACK_BOT_TOKEN, on a discord: workspace only DISCORD_TOKEN", async () => {
    for (const [workspace, channel, token, other] of [
      ["slack:T012AB3CD", "C0123456", "SLACK_BOT_TOKEN", "DISCORD_TOKEN"],
      ["discord:123456789012345678", "223456789012345678", "DISCORD_TOKEN", "SLACK_BOT_TOKEN"],
    ] as const) {
      expect((await cli("config", "set", "channel", channel, "--workspace", workspace)).status).toBe(0);
      const result = await cli("roundup", "post", "2026-07", "--workspace", workspace);
      expect(result).toMatchObject({ status: 1, stdout: "" });
      expect(result.stderr).toContain(token);
      expect(result.stderr).not.toContain(other);
      expect(result.stderr).not.toMatch(/local workspace/);
      expect(await temp.store.runs.latest(workspace)).toBeUndefined();
    }
  });
});

describe("cli config set channel", () => {
  it("is refused on a local workspace with the same explanation as a post, and changes nothing", async () => {
    const result = await cli("config", "set", "channel", "C0123456", "--workspace", "local:team");
    expect(result).toMatchObject({ status: 1, stdout: "" });
    expect(result.stderr).toMatch(/^local:team is a local workspace: it has no chat to post to/);
    expect(workspaceKeys()).toEqual([]);

    const post = await cli("roundup", "post", "2026-07", "--workspace", "local:team");
    expect(result.stderr).toBe(post.stderr);

    expect((await cli("add", "https://example.com/a", "--workspace", "local:team")).status).toBe(0);
    expect((await cli("config", "set", "channel", "C0123456", "--workspace", "local:team")).status).toBe(1);
    expect((await temp.store.settings.get("local:team")).channelId).toBeNull();
  });
});
