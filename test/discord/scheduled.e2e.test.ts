/**
 * The scheduler's way into Discord: a due roundup is posted to the guild's roundup channel through
 * the running bot's publisher, once; a second tick posts nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { schedulerTick } from "../../src/core/schedule/schedulerTick.js";
import { setChannel, setSchedule } from "../../src/core/settings/manageSettings.js";
import { CHANNEL, GUILD_A, type Harness, startHarness } from "./harness.js";
import { expectWithinLimits, visibleText } from "./limits.js";

let h: Harness;
const WS = `discord:${GUILD_A}`;

beforeAll(async () => {
  h = await startHarness({ now: "2026-06-20T12:00:00Z" });
  const deps = { store: h.store, clock: h.clock };
  await setChannel(deps, { workspace: WS, channelId: CHANNEL });
  await setSchedule(deps, { workspace: WS, day: 1, time: "09:00", timeZone: "Europe/Berlin" });
  for (const [i, note] of ["@everyone look", "Good one"].entries()) {
    await addLink(deps, {
      workspace: WS,
      url: `https://scheduled.example/${i}`,
      note,
      userId: "1",
      userName: "Sam",
      source: "discord",
    });
  }
});
afterAll(async () => {
  await h.close();
});

describe("the scheduled roundup", () => {
  it("is posted to the roundup channel when due, once", async () => {
    h.clock.set("2026-07-01T07:00:00Z");
    const deps = { store: h.store, clock: h.clock, publishers: { discord: h.bot.publisher } };
    const reports = await schedulerTick(deps, { owner: "test" });
    expect(reports).toEqual([{ workspace: WS, period: "2026-06", outcome: "posted" }]);
    const posts = h.fake.find("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));
    expect(posts).toHaveLength(1);
    expectWithinLimits(posts[0]?.body);
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [] });
    const text = visibleText([posts[0]?.body]);
    expect(text).toContain("What we've been reading in June 2026");
    expect(text).toContain("\\@everyone look");
    expect(text).toContain("scheduled.example/1");

    h.clock.set("2026-07-01T08:00:00Z");
    expect(await schedulerTick(deps, { owner: "test" })).toEqual([]);
    expect(h.fake.find("POST", /^\/channels\//)).toHaveLength(1);
  });
});
