/**
 * A posted roundup ends with the link to its month's page when the workspace's web archive is on:
 * the document handed to the platform's plan carries it, and each platform's messages end with it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderRoundup as discordRoundup } from "../../src/adapters/discord/render.js";
import { renderRoundup as slackRoundup } from "../../src/adapters/slack/render.js";
import type { RoundupPublisher } from "../../src/core/ports/publisher.js";
import { postRoundup } from "../../src/core/roundup/postRoundup.js";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

const WORKSPACE = "slack:T1";
const clock = fixedClock("2026-08-10T12:00:00Z");
let temp: ReturnType<typeof tempStore>;
let core: RoundupCore;
let planned: RoundupDoc[];
const recorder: RoundupPublisher<string> = {
  plan(doc) {
    planned.push(doc);
    return ["one message"];
  },
  send: async () => "m1",
};

beforeEach(async () => {
  temp = tempStore();
  planned = [];
  core = createRoundupCore({
    store: temp.store,
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    owner: "t",
  });
  await core.setChannel({ workspace: WORKSPACE, channelId: "C1" });
  await core.addLink({
    workspace: WORKSPACE,
    url: "https://example.com/july",
    userId: "U1",
    userName: "Ada",
    source: "slack",
    at: Date.parse("2026-07-12T10:00:00Z"),
  });
});
afterEach(() => temp.cleanup());

const post = (publicUrl: string | null, mode: "scheduled" | "force" = "scheduled") =>
  postRoundup(
    { store: temp.store, clock, publishers: { slack: recorder }, publicUrl, sleep: async () => {} },
    { workspace: WORKSPACE, period: "2026-07", owner: "t", mode },
  );

describe("a posted roundup's link to the web archive", () => {
  it("is the month's page when the archive is on, and absent when it is off or PUBLIC_URL is unset", async () => {
    await post("https://reading.example.com/");
    expect(planned[0]?.webUrl).toBeUndefined();

    await core.setArchive({ workspace: WORKSPACE, mode: "public", slug: "team-reading" });
    await post(null, "force");
    expect(planned[1]?.webUrl).toBeUndefined();
    await post("https://reading.example.com/", "force");
    expect(planned[2]?.webUrl).toBe("https://reading.example.com/team-reading/2026-07");
  });

  it("ends the Slack and the Discord messages", async () => {
    await core.setArchive({ workspace: WORKSPACE, mode: "public", slug: "team-reading" });
    await post("https://reading.example.com/");
    const doc = planned[0] as RoundupDoc;

    const slack = slackRoundup(doc);
    const lastBlocks = slack.at(-1)?.blocks ?? [];
    expect(JSON.stringify(lastBlocks.at(-1))).toContain(
      "<https://reading.example.com/team-reading/2026-07|Read July 2026 on the web>",
    );
    const discord = discordRoundup(doc);
    expect(discord.at(-1)?.embeds.at(-1)?.description).toBe(
      "[Read July 2026 on the web](https://reading.example.com/team-reading/2026-07)",
    );
    expect(slackRoundup({ ...doc, webUrl: undefined }).flatMap((m) => m.blocks).length).toBe(
      slack.flatMap((m) => m.blocks).length - 1,
    );
  });
});
