import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SLASH_COMMAND } from "../../src/adapters/slack/listeners/commands/readCommand.js";
import { ADD_SHORTCUT_CALLBACK } from "../../src/adapters/slack/listeners/shortcuts/addFromMessage.js";
import { EVENTS_PATH } from "../../src/adapters/slack/startSlack.js";

const manifest = readFileSync(new URL("../../slack-manifest.yml", import.meta.url), "utf8");

describe("slack-manifest.yml", () => {
  it("names the command, shortcut and request URLs the adapter serves", () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(manifest).toContain(`callback_id: ${ADD_SHORTCUT_CALLBACK}\n`);
    expect(manifest).toContain("should_escape: true");
    const urls = [...manifest.matchAll(/^\s*(?:url|request_url): (\S+)$/gm)].map((m) => m[1]);
    expect(urls).toEqual([`https://YOUR-HOST${EVENTS_PATH}`, `https://YOUR-HOST${EVENTS_PATH}`]);
  });

  it("asks for the scopes the adapter uses, and no others", () => {
    const scopes = [...manifest.matchAll(/^ {6}- ([a-z.:]+)$/gm)].map((m) => m[1]);
    expect(scopes).toEqual(["commands", "chat:write", "chat:write.public", "users:read"]);
  });
});
