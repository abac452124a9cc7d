import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCategory, renameCategory } from "../../src/core/categories/manageCategories.js";
import { addLink } from "../../src/core/links/addLink.js";
import { enrichLink } from "../../src/core/links/enrichLink.js";
import { editLinkAs } from "../../src/core/links/manageLinks.js";
import type { FetchOutcome } from "../../src/core/ports/metadataFetcher.js";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import { setIntro, setTitleTemplate } from "../../src/core/settings/manageSettings.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const clock = fixedClock("2026-07-10T12:00:00Z");
const workspace = "local:team";

/** A terminal escape that turns text red, a bell and a NUL, as someone might paste them. */
const HOSTILE = "\u001b[31m\u0007\u0000";
const RLO = "\u202e";
/** A C0 or C1 control character other than a line feed or tab. */
const CONTROL = /[^\P{Cc}\t\n]/u;

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

async function roundupMarkdown(): Promise<string> {
  return renderMarkdown(await buildRoundup({ store, clock }, { workspace, period: "2026-07" }));
}

describe("text people type", () => {
  it("is stored and rendered without control characters: a note, title, author and sharer's name", async () => {
    const { link } = await addLink(
      { store, clock },
      {
        workspace,
        url: "https://example.com/a",
        note: `${HOSTILE}Worth it\r\nTruly`,
        title: `Title${HOSTILE}`,
        author: `Ada${HOSTILE}`,
        userId: "u1",
        userName: `Alice${HOSTILE}`,
        source: "cli",
      },
    );
    expect(await store.links.get(workspace, link.id)).toMatchObject({
      note: "[31mWorth it\nTruly",
      title: "Title[31m",
      author: "Ada[31m",
      sharedByName: "Alice[31m",
    });
    expect(await roundupMarkdown()).not.toMatch(CONTROL);
  });

  it("keeps an unbalanced right-to-left override in a note from reversing the line after it", async () => {
    await addLink(
      { store, clock },
      {
        workspace,
        url: "https://example.com/a",
        note: `great read ${RLO}`,
        userId: "u1",
        userName: "Alice",
        source: "cli",
      },
    );
    const line = (await roundupMarkdown()).split("\n").find((l) => l.includes("shared by"));
    expect(line).toBe("  great read — *shared by Alice*");
  });

  it("is cleaned when a link is edited, a category named and the roundup's title and intro set", async () => {
    const { link } = await addLink(
      { store, clock },
      { workspace, url: "https://example.com/a", userId: "u1", userName: "Alice", source: "cli" },
    );
    await editLinkAs(
      { store },
      {
        workspace,
        id: link.id,
        actor: { userId: "u1", isAdmin: async () => false },
        note: `Edited${HOSTILE}${RLO}`,
      },
    );
    // Category names refuse "[" on their own; the escape's other characters go quietly.
    await addCategory({ store, clock }, { workspace, name: "Podcasts\u0007\u0000" });
    await renameCategory({ store, clock }, { workspace, category: "podcasts", newName: "Talks\u001b\u0007" });
    await setTitleTemplate({ store, clock }, { workspace, template: `Reads${HOSTILE} of {month}` });
    await setIntro({ store, clock }, { workspace, intro: `Hello${HOSTILE}\nteam${RLO}` });

    expect((await store.links.get(workspace, link.id))?.note).toBe("Edited[31m");
    expect((await store.categories.list(workspace)).map((c) => c.name)).toContain("Talks");
    expect(await store.settings.get(workspace)).toMatchObject({
      titleTemplate: "Reads[31m of {month}",
      intro: "Hello[31m\nteam",
    });
  });
});

describe("text pages say", () => {
  it("is stored without control characters or open overrides, whatever fetcher read it", async () => {
    const { link } = await addLink(
      { store, clock },
      { workspace, url: "https://example.com/a", userId: "u1", userName: "Alice", source: "cli" },
    );
    const fetcher = {
      fetchMetadata: async (): Promise<FetchOutcome> => ({
        ok: true,
        metadata: {
          title: `Page${HOSTILE}${RLO}`,
          author: `\u009b2JBob`,
          description: "\u0007\u0000",
          siteName: "Site",
          canonicalUrl: null,
        },
      }),
    };
    await enrichLink({ store, fetcher }, { workspace, linkId: link.id });
    expect(await store.links.get(workspace, link.id)).toMatchObject({
      title: "Page[31m",
      author: "2JBob",
      description: null,
      siteName: "Site",
    });
  });
});

describe("the Markdown roundup", () => {
  it("shows text stored before it was cleaned without its control characters or open overrides", async () => {
    await store.workspaces.ensure(workspace, []);
    await store.links.insertOrGet({
      workspace,
      url: "https://example.com/old",
      normalizedUrl: "https://example.com/old",
      title: `Old${HOSTILE}`,
      author: null,
      description: null,
      siteName: null,
      note: `legacy ${RLO}note`,
      categoryId: null,
      sharedById: "u1",
      sharedByName: `Mallory${HOSTILE}`,
      sharedAt: clock.now(),
      source: "cli",
      canonicalUrl: null,
    });
    const markdown = await roundupMarkdown();
    expect(markdown).not.toMatch(CONTROL);
    expect(markdown).toContain("  legacy note — *shared by Mallory\\[31m*");
  });
});
