import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import { createRoundupCore, type RoundupCore } from "../../src/core/roundupCore.js";
import { renderMonthPage } from "../../src/web/html/index.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

const WORKSPACE = "local:team";
let temp: ReturnType<typeof tempStore>;
let core: RoundupCore;

beforeEach(async () => {
  temp = tempStore();
  core = createRoundupCore({
    store: temp.store,
    // Mid-August in Berlin: August is still under way.
    clock: fixedClock("2026-08-10T12:00:00Z"),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    owner: "test",
  });
  await core.setSchedule({ workspace: WORKSPACE, day: 1, time: "09:00", timeZone: "Europe/Berlin" });
});
afterEach(() => temp.cleanup());

const share = (url: string, at: string, category?: string) =>
  core.addLink({
    workspace: WORKSPACE,
    url,
    userId: "u1",
    userName: "Ada",
    source: "cli",
    at: Date.parse(at),
    ...(category ? { category } : {}),
  });

describe("the archive's roundups", () => {
  it("are the completed months with links, newest first, each the same document as its roundup", async () => {
    await share("https://example.com/may", "2026-05-20T10:00:00Z", "articles");
    await share("https://example.com/july-1", "2026-07-02T10:00:00Z", "tools");
    // 23:30 UTC on 30 June is 1:30 on 1 July in Berlin: a July link.
    await share("https://example.com/july-0", "2026-06-30T23:30:00Z", "articles");
    await share("https://example.com/august", "2026-08-03T10:00:00Z");

    const months = await core.archiveRoundups({ workspace: WORKSPACE });
    // June had no links; August is not over.
    expect(months.map((doc) => doc.period)).toEqual(["2026-07", "2026-05"]);
    for (const doc of months) {
      expect(doc).toEqual(await core.buildRoundup({ workspace: WORKSPACE, period: doc.period }));
    }
    expect(months[0]?.linkCount).toBe(2);
    // Its page dates it as Berlin did: 1 July, not UTC's 30 June.
    const page = renderMonthPage(
      months[0] as RoundupDoc,
      { archiveUrl: "https://r.example/", siteName: "T", noindex: false },
      {
        previous: null,
        next: null,
      },
    );
    expect(page).toContain('<time datetime="2026-06-30T23:30:00.000Z">2026-07-01</time>');
  });

  it("leave out what the editors dropped, and a month they dropped entirely", async () => {
    const admin = { userId: "u1", name: "Ada", isAdmin: async () => true };
    const may = await share("https://example.com/may", "2026-05-20T10:00:00Z");
    const kept = await share("https://example.com/july-kept", "2026-07-02T10:00:00Z");
    const gone = await share("https://example.com/july-gone", "2026-07-03T10:00:00Z");
    await core.curateLink({ workspace: WORKSPACE, id: may.link.id, action: "drop", actor: admin });
    await core.curateLink({ workspace: WORKSPACE, id: gone.link.id, action: "drop", actor: admin });
    const docs = await core.archiveRoundups({ workspace: WORKSPACE });
    expect(docs.map((doc) => doc.period)).toEqual(["2026-07"]);
    expect(docs[0]?.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual([kept.link.id]);
  });

  it("are none for a workspace nobody used, which is not created by asking", async () => {
    expect(await core.archiveRoundups({ workspace: "local:nobody" })).toEqual([]);
    await expect(core.requireWorkspace("local:nobody")).rejects.toThrow();
  });
});
