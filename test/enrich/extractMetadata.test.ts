import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../src/enrich/decodeHtml.js";
import { cleanText, extractMetadata } from "../../src/enrich/extractMetadata.js";

const page = new URL("https://blog.example.com/2026/07/post");

function head(inner: string, body = "<p>Body</p>") {
  return `<!doctype html><html><head>${inner}</head><body>${body}</body></html>`;
}

describe("extractMetadata", () => {
  it("prefers Open Graph, then Twitter, then <title>", () => {
    expect(
      extractMetadata(head('<title>Plain</title><meta property="og:title" content="OG">'), page).title,
    ).toBe("OG");
    expect(
      extractMetadata(head('<title>Plain</title><meta name="twitter:title" content="TW">'), page).title,
    ).toBe("TW");
    expect(extractMetadata(head("<title>  Plain &amp; simple\n</title>"), page).title).toBe("Plain & simple");
  });

  it("finds the author only in a meta tag", () => {
    const meta = extractMetadata(head('<title>T</title><meta name="author" content="Paul Khuong">'), page);
    expect(meta.author).toBe("Paul Khuong");
  });

  it("finds the author only in JSON-LD, in a @graph or a list", () => {
    const single = head(
      '<script type="application/ld+json">{"@type":"BlogPosting","headline":"H","author":{"@type":"Person","name":"Samy Al Bahra"}}</script>',
    );
    expect(extractMetadata(single, page).author).toBe("Samy Al Bahra");
    const graph = head(
      '<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"Article","author":[{"name":"Charles Leiserson"},{"name":"Julian Shun"}]}]}</script>',
    );
    expect(extractMetadata(graph, page).author).toBe("Charles Leiserson, Julian Shun");
  });

  it("finds JSON-LD placed in the body", () => {
    const doc = head(
      "<title>T</title>",
      '<article></article><script type="application/ld+json">{"author":"Gernot Heiser"}</script>',
    );
    expect(extractMetadata(doc, page).author).toBe("Gernot Heiser");
  });

  it("survives malformed JSON-LD and still uses the other sources", () => {
    const doc = head(
      '<script type="application/ld+json">{"author": {"name": "Broken",,, </script><meta name="author" content="Michael Hicks"><title>What is memory safety</title>',
    );
    expect(extractMetadata(doc, page)).toMatchObject({
      author: "Michael Hicks",
      title: "What is memory safety",
    });
  });

  it("falls back to a byline in the page", () => {
    const doc = head(
      "<title>T</title>",
      '<header><p class="post-byline">By <a href="/who">Thomas Ptacek</a></p></header>',
    );
    expect(extractMetadata(doc, page).author).toBe("Thomas Ptacek");
  });

  it("ignores an author meta that is only a profile URL", () => {
    const doc = head(
      '<meta property="article:author" content="https://facebook.com/someone"><title>T</title>',
    );
    expect(extractMetadata(doc, page).author).toBeNull();
  });

  it("names a GitHub repository's owner as its author", () => {
    const doc = head(
      '<meta property="og:title" content="GitHub - scylladb/seastar: High performance server-side framework">',
    );
    expect(extractMetadata(doc, new URL("https://github.com/scylladb/seastar")).author).toBe("scylladb");
    expect(extractMetadata(doc, new URL("https://github.com/features")).author).toBeNull();
  });

  it("reads description, site name and a same-site canonical URL", () => {
    const doc = head(
      '<meta name="description" content="Plain description"><meta property="og:site_name" content="Interrupt"><link rel="canonical" href="/2026/07/post?ref=canon">',
    );
    expect(extractMetadata(doc, page)).toMatchObject({
      description: "Plain description",
      siteName: "Interrupt",
      canonicalUrl: "https://blog.example.com/2026/07/post?ref=canon",
    });
    const offSite = head('<link rel="canonical" href="https://elsewhere.example/post">');
    expect(extractMetadata(offSite, page).canonicalUrl).toBeNull();
  });

  it("gives empty fields for a page with no metadata at all, and for garbage", () => {
    const empty = { title: null, author: null, description: null, siteName: null, canonicalUrl: null };
    expect(extractMetadata("<html><body><p>Nothing here</p></body></html>", page)).toEqual(empty);
    expect(extractMetadata("", page)).toEqual(empty);
    expect(extractMetadata("<<<>>><meta <title", page)).toEqual(empty);
  });

  it("copes with a huge page quickly enough to not matter, reading only what it needs", () => {
    const body = "<div><p>Lorem ipsum <b>dolor</b> sit amet.</p></div>".repeat(20_000);
    const meta = extractMetadata(head('<meta property="og:title" content="Big one">', body), page);
    expect(meta.title).toBe("Big one");
  });

  it("keeps fetched text to one clean, bounded line", () => {
    const long = `${"word ".repeat(200)}end`;
    const doc = head(
      `<meta property="og:title" content="${long}"><meta name="description" content="a\u0000b\u202Ec\n\nd">`,
    );
    const meta = extractMetadata(doc, page);
    expect(meta.title?.length).toBeLessThanOrEqual(300);
    expect(meta.title?.endsWith("…")).toBe(true);
    expect(meta.description).toBe("a b c d");
    expect(cleanText("   ", 10)).toBeNull();
  });
});

describe("decodeHtml", () => {
  it("reads Latin-1 declared in the Content-Type header", () => {
    const bytes = Buffer.from("<title>Caf\u00e9 cr\u00e8me \u00e0 la mode</title>", "latin1");
    const text = decodeHtml("text/html; charset=ISO-8859-1", bytes);
    expect(extractMetadata(text, page).title).toBe("Café crème à la mode");
  });

  it("reads Latin-1 declared only in a meta tag", () => {
    const bytes = Buffer.concat([
      Buffer.from(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>',
      ),
      Buffer.from("Na\u00efve r\u00e9sum\u00e9", "latin1"),
      Buffer.from("</title></head></html>"),
    ]);
    expect(extractMetadata(decodeHtml("text/html", bytes), page).title).toBe("Naïve résumé");
  });

  it("reads Shift_JIS declared in a meta charset", () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="Shift_JIS"><title>'),
      Buffer.from("93FA967B8CEA82CC8379815B8357", "hex"),
      Buffer.from("</title></head></html>"),
    ]);
    expect(extractMetadata(decodeHtml("text/html", bytes), page).title).toBe("日本語のページ");
  });

  it("falls back to UTF-8 for an unknown charset, and honours a BOM", () => {
    expect(decodeHtml("text/html; charset=klingon", Buffer.from("<title>ok ✓</title>"))).toBe(
      "<title>ok ✓</title>",
    );
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<title>ü</title>")]);
    expect(decodeHtml("text/html; charset=iso-8859-1", bom)).toBe("<title>ü</title>");
  });
});
