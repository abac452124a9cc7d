import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { sharedUrl } from "../../src/core/links/url.js";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

/** What a CommonMark parser reads as each link's destination, before any normalizing of its own. */
function destinations(markdown: string): string[] {
  const md = new MarkdownIt();
  md.normalizeLink = (url) => url;
  return links(md, markdown);
}

/** The hrefs markdown-it puts in the HTML it publishes (it percent-encodes with mdurl and punycodes hosts). */
function publishedHrefs(markdown: string): string[] {
  return links(new MarkdownIt(), markdown);
}

function links(md: MarkdownIt, markdown: string): string[] {
  return md
    .parse(markdown, {})
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === "link_open")
    .map((t) => t.attrGet("href") ?? "");
}

function docWith(urls: string[]): RoundupDoc {
  return {
    workspace: "local:team",
    period: "2026-07",
    periodLabel: "July 2026",
    title: "Reading",
    intro: null,
    linkCount: urls.length,
    sections: [
      {
        categoryId: null,
        name: "Other",
        emoji: null,
        items: urls.map((url, i) => ({
          id: i + 1,
          url,
          title: `Item ${i + 1}`,
          author: null,
          description: null,
          siteName: null,
          note: null,
          sharedBy: "Alice",
          sharedAt: 0,
          alsoRecommendedBy: [],
        })),
      },
    ],
  };
}

describe("the Markdown roundup's links", () => {
  let store: SqliteStore;
  let cleanup: () => void;
  const clock = fixedClock("2026-07-15T12:00:00Z");

  beforeEach(() => {
    ({ store, cleanup } = tempStore());
  });
  afterEach(() => cleanup());

  it.each([
    ["https://en.wikipedia.org/wiki/Foo_(bar)"],
    ["https://example.com/?a=1&amp;b=2"],
    ["https://example.com/?q=a\\*b"],
    ["https://example.com/?q=ends\\"],
    ["https://example.com/a)b(c"],
    ["https://example.com/?x=&#60;&#x3C;&lt;&copy"],
    ["https://example.com/*not*_em_/[x]?q=`c`|!#frag(1)"],
    ["https://bücher.example/(neu)"],
  ])("give back exactly the shared URL %s to a CommonMark parser", (url) => {
    addLink(
      { store, clock },
      { workspace: "local:team", url, title: "A read", userId: "u1", userName: "Alice", source: "cli" },
    );
    const [link] = store.links.list("local:team");
    expect(link?.url).toBe(url);

    const markdown = renderMarkdown(buildRoundup({ store }, { workspace: "local:team", period: "2026-07" }));
    expect(destinations(markdown)).toEqual([url]);
    expect(publishedHrefs(markdown)).toEqual([new MarkdownIt().normalizeLink(url)]);
  });

  it("writes an everyday link as a plain destination", () => {
    expect(renderMarkdown(docWith(["https://example.com/a?b=1&c=2"]))).toContain(
      "[Item 1](https://example.com/a?b=1&c=2)",
    );
  });

  it("gives back every accepted URL, however tricky, exactly (a seeded property check)", () => {
    const alphabet = [..."()[]<>\\&;#*_`'\"|!~%$@:/?=.,+- aZ09éß", "&amp;", "&#60;", "&#x3c;", "%2F", "%28"];
    let seed = 20260715;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const part = () => Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]).join("");
    const hosts = ["example.com", "bücher.example", "en.wikipedia.org:8080"];
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const input = `https://${hosts[random(hosts.length)]}/${part()}?${part()}#${part()}`;
      let text: string;
      try {
        ({ text } = sharedUrl(input));
      } catch {
        continue; // Refused links (spaces, say) are never posted.
      }
      const markdown = renderMarkdown(docWith([text]));
      expect(destinations(markdown), `${input} posted as ${text}`).toEqual([text]);
      expect(publishedHrefs(markdown), text).toEqual([new MarkdownIt().normalizeLink(text)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
