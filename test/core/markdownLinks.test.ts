import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addLink } from "../../src/core/links/addLink.js";
import { sharedUrl } from "../../src/core/links/url.js";
import { renderMarkdown } from "../../src/core/render/renderMarkdown.js";
import { buildRoundup } from "../../src/core/roundup/buildRoundup.js";
import type { RoundupDoc } from "../../src/core/roundup/roundupDoc.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

/**
 * Each link's destination as markdown-it in strict CommonMark mode reads it: `raw` as the parser
 * extracted it (escapes and entities resolved), otherwise as it publishes the href (percent-encoded
 * with mdurl, host in punycode).
 */
function hrefs(markdown: string, { raw }: { raw: boolean }): string[] {
  const md = new MarkdownIt("commonmark");
  if (raw) md.normalizeLink = (url: string) => url;
  return md
    .parse(markdown, {})
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === "link_open")
    .map((t) => String(t.attrGet("href")));
}

/** The href markdown-it would publish for a link whose destination it read as `url`. */
function published(url: string): string {
  return new MarkdownIt("commonmark").normalizeLink(url);
}

function docWith(urls: string[]): RoundupDoc {
  return {
    workspace: "local:team",
    period: "2026-07",
    periodLabel: "July 2026",
    title: "Reading",
    intro: null,
    linkCount: urls.length,
    dropped: [],
    sections: [
      {
        kind: "other",
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
          picked: false,
          votes: 0,
        })),
      },
    ],
  };
}

describe("the Markdown roundup's links", () => {
  let store: SqliteStore;
  let cleanup: () => Promise<void>;
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
  ])("give back exactly the shared URL %s to a CommonMark parser", async (url) => {
    await addLink(
      { store, clock },
      { workspace: "local:team", url, title: "A read", userId: "u1", userName: "Alice", source: "cli" },
    );
    const [link] = await store.links.list("local:team");
    expect(link?.url).toBe(url);

    const markdown = renderMarkdown(
      await buildRoundup({ store, clock }, { workspace: "local:team", period: "2026-07" }),
    );
    expect(hrefs(markdown, { raw: true })).toEqual([url]);
    expect(hrefs(markdown, { raw: false })).toEqual([published(url)]);
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
      expect(hrefs(markdown, { raw: true }), `${input} posted as ${text}`).toEqual([text]);
      expect(hrefs(markdown, { raw: false }), text).toEqual([published(text)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
