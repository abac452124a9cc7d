import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { enrichLink } from "../../src/core/links/enrichLink.js";
import { listLinks, removeLinkAs } from "../../src/core/links/manageLinks.js";
import type { FetchOutcome, MetadataFetcher, PageMetadata } from "../../src/core/ports/metadataFetcher.js";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const clock = fixedClock("2026-07-10T12:00:00Z");
const workspace = "local:team";

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

/** The fetcher port answered in-process: what the page "says" is the test's to choose. */
function pageSays(metadata: Partial<PageMetadata>): MetadataFetcher {
  const full: PageMetadata = {
    title: null,
    author: null,
    description: null,
    siteName: null,
    canonicalUrl: null,
    ...metadata,
  };
  return { fetchMetadata: async (): Promise<FetchOutcome> => ({ ok: true, metadata: full }) };
}

async function share(extra: { title?: string; author?: string } = {}) {
  return (
    await addLink(
      { store, clock },
      { workspace, url: "https://example.com/post", userId: "u", userName: "Alice", source: "cli", ...extra },
    )
  ).link;
}

describe("enrichLink", () => {
  it("fills in the title, author, description and site name from the page", async () => {
    const link = await share();
    const fetcher = pageSays({
      title: "Ptrace Notes",
      author: "Shachaf",
      description: "How ptrace works",
      siteName: "Notes",
    });
    const result = await enrichLink({ store, fetcher }, { workspace, linkId: link.id });
    expect(result).toMatchObject({
      status: "enriched",
      found: ["title", "author", "description", "siteName"],
      link: { title: "Ptrace Notes", author: "Shachaf", description: "How ptrace works", siteName: "Notes" },
    });
    expect((await store.links.get(workspace, link.id))?.title).toBe("Ptrace Notes");
  });

  it("never overrides a title or author the sharer typed", async () => {
    const link = await share({ title: "My title", author: "My author" });
    const result = await enrichLink(
      { store, fetcher: pageSays({ title: "Page title", author: "Page author", description: "D" }) },
      { workspace, linkId: link.id },
    );
    expect(result).toMatchObject({
      link: { title: "My title", author: "My author", description: "D" },
      found: ["description"],
    });
  });

  it("leaves the link titled by its URL when the fetch fails, and says why", async () => {
    const link = await share();
    const fetcher: MetadataFetcher = {
      fetchMetadata: async () => ({ ok: false, reason: "the site answered 500" }),
    };
    const result = await enrichLink({ store, fetcher }, { workspace, linkId: link.id });
    expect(result).toMatchObject({ status: "failed", reason: "the site answered 500" });
    const doc = await buildRoundup({ store, clock }, { workspace, period: "2026-07" });
    expect(doc.sections[0]?.items[0]?.title).toBe("https://example.com/post");
  });

  it("does nothing when the link was removed while its page loaded", async () => {
    const link = await share();
    let release: () => void = () => {};
    const fetcher: MetadataFetcher = {
      fetchMetadata: () =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              ok: true,
              metadata: {
                title: "Late",
                author: null,
                description: null,
                siteName: null,
                canonicalUrl: null,
              },
            });
        }),
    };
    const pending = enrichLink({ store, fetcher }, { workspace, linkId: link.id });
    await new Promise((r) => setImmediate(r));
    await removeLinkAs(
      { store },
      { workspace, id: link.id, actor: { userId: "u", isAdmin: async () => false } },
    );
    release();
    expect(await pending).toEqual({ status: "gone" });
  });

  it("treats a hostile page title as text in the Markdown roundup", async () => {
    const link = await share();
    await enrichLink(
      {
        store,
        fetcher: pageSays({
          title: "@everyone <@&1> [x](https://evil)",
          author: "<img src=x onerror=alert(1)>",
        }),
      },
      { workspace, linkId: link.id },
    );
    const markdown = renderMarkdown(await buildRoundup({ store, clock }, { workspace, period: "2026-07" }));
    expect(markdown).toContain(
      "- [\\@everyone \\<\\@&1\\> \\[x\\](https\\://evil)](https://example.com/post) by \\<img src=x onerror=alert(1)\\>",
    );
  });
});

describe("canonical URLs", () => {
  const canonical = (url: string) => pageSays({ title: "The post", canonicalUrl: url });

  it("are recorded, so a later share of the canonical address is a duplicate", async () => {
    const first = (
      await addLink(
        { store, clock },
        {
          workspace,
          url: "https://example.com/post?share=abc123",
          userId: "u",
          userName: "Alice",
          source: "cli",
        },
      )
    ).link;
    await enrichLink(
      { store, fetcher: canonical("https://example.com/post") },
      { workspace, linkId: first.id },
    );
    const again = await addLink(
      { store, clock },
      {
        workspace,
        url: "https://www.example.com/post/",
        userId: "b",
        userName: "Bob",
        note: "Same!",
        source: "cli",
      },
    );
    expect(again).toMatchObject({ status: "duplicate", link: { id: first.id, sharedByName: "Alice" } });
    expect(await listLinks({ store }, { workspace })).toHaveLength(1);
  });

  it("fold a new share into the entry it turns out to duplicate, keeping the note", async () => {
    const first = await share();
    const second = (
      await addLink(
        { store, clock },
        {
          workspace,
          url: "https://example.com/post?share=xyz",
          userId: "b",
          userName: "Bob",
          note: "Read this",
          source: "cli",
        },
      )
    ).link;
    const result = await enrichLink(
      { store, fetcher: canonical("https://example.com/post") },
      { workspace, linkId: second.id },
    );
    expect(result).toMatchObject({
      status: "merged",
      removedId: second.id,
      noteKept: true,
      link: { id: first.id },
    });
    const links = await listLinks({ store }, { workspace });
    expect(links.map((l) => l.id)).toEqual([first.id]);
    expect(links[0]?.recommendations).toMatchObject([{ userName: "Bob", note: "Read this" }]);
    expect(links[0]?.title).toBe("The post");
  });
});
