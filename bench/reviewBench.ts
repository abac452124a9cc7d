/**
 * What the review draft costs an editor's click: picking or unpicking a link of a 300-link month
 * while its draft is out (the change, then the draft rebuilt from the database and every page
 * re-rendered for Discord and Slack and replaced), beside the same change with no draft out. The
 * platform's side (the messages) is kept in memory, so this is the bot's own work per click; the
 * platform then takes one edit per page. No target: the figures say how the work grows with pages.
 * Run: npx tsx bench/reviewBench.ts
 */
import {
  DRAFT_PAGE_SIZE as DISCORD_PAGE_SIZE,
  renderDraftPage as discordPage,
} from "../src/adapters/discord/draft/renderDraft.js";
import {
  DRAFT_PAGE_SIZE as SLACK_PAGE_SIZE,
  renderDraftPage as slackPage,
} from "../src/adapters/slack/draftMessage.js";
import { actorOf } from "../src/core/actor.js";
import type { DraftBoard } from "../src/core/ports/draftBoard.js";
import type { DraftPage } from "../src/core/review/reviewDraft.js";
import { createRoundupCore } from "../src/core/roundupCore.js";
import { tempStore } from "../test/helpers/tempStore.js";
import { percentileRows, printTable, type Row, summarize, timeAsync } from "./stats.js";

const LINKS = 300;
const CLICKS = 200;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const editor = actorOf({ userId: "UED", name: "Ed", isAdmin: async () => true });

/** A platform's draft messages kept in memory: the bot's side of each call, without the network. */
function memoryBoard(pageSize: number, render: (page: DraftPage) => unknown): DraftBoard {
  const messages = new Map<string, string>();
  let next = 1;
  return {
    pageSize,
    render,
    async post(_channel, message) {
      const id = String(next++);
      messages.set(id, JSON.stringify(message));
      return id;
    },
    async edit(_channel, id, message) {
      if (!messages.has(id)) return "gone";
      messages.set(id, JSON.stringify(message));
      return "edited";
    },
    async remove(_channel, id) {
      messages.delete(id);
    },
    async remind() {},
  };
}

async function setUp(platform: "discord" | "slack", review: boolean) {
  const temp = tempStore();
  const store = temp.store;
  let now = Date.parse("2026-07-05T12:00:00Z");
  const clock = { now: () => now };
  const board =
    platform === "discord"
      ? memoryBoard(DISCORD_PAGE_SIZE, discordPage)
      : memoryBoard(SLACK_PAGE_SIZE, slackPage);
  const core = createRoundupCore({
    store,
    clock,
    logger: quiet,
    owner: "bench",
    boards: { [platform]: board },
  });
  const workspace = `${platform}:T1`;
  await core.setChannel({ workspace, channelId: "C1" });
  if (review) await core.setReview({ workspace, days: 3, channelId: "C2" });
  for (let i = 0; i < LINKS; i++) {
    now = Date.parse("2026-07-05T12:00:00Z") + i * 60_000;
    await core.addLink({
      workspace,
      url: `https://example.com/${i}`,
      title: `A realistic article title about topic number ${i}: what we learned`,
      note: i % 2 ? "The part on failure modes is worth it — we hit exactly this in March." : null,
      userId: `U${i % 7}`,
      userName: `Member ${i % 7}`,
      source: platform,
    });
  }
  await core.settle(60_000);
  if (review) {
    await store.reviews.open({ workspace, period: "2026-07", channelId: "C2", now });
    await core.showDraft({ workspace, period: "2026-07" });
  }
  let flip = false;
  const click = () => {
    flip = !flip;
    return core.curateLink({ workspace, id: 150, action: flip ? "pick" : "unpick", actor: editor });
  };
  return {
    click,
    pages: Math.ceil(LINKS / board.pageSize),
    close: temp.cleanup,
  };
}

const rows: Row[] = [];
for (const platform of ["discord", "slack"] as const) {
  const withDraft = await setUp(platform, true);
  const without = await setUp(platform, false);
  for (let i = 0; i < 20; i++) {
    await withDraft.click();
    await without.click();
  }
  const project: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    project.push(await timeAsync(withDraft.click));
    floor.push(await timeAsync(without.click));
  }
  rows.push(
    ...percentileRows(
      `${platform}: pick/unpick, ${LINKS} links (${withDraft.pages} pages)`,
      `p50 of ${CLICKS} clicks`,
      summarize(project),
      summarize(floor),
      null,
    ),
  );
  await withDraft.close();
  await without.close();
}
console.log(`Review draft bench — node ${process.version}, SQLite, platform calls in memory`);
console.log(
  "project = a pick with the draft out (rebuilt, every page re-rendered and replaced); floor = the same pick, no draft\n",
);
printTable(rows);
