import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.js";
import { normalizeUrl, parseWebUrl, sharedUrl } from "../../src/core/links/url.js";

function refusal(input: string): string {
  try {
    parseWebUrl(input);
  } catch (error) {
    if (error instanceof UserError) return error.code;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe("parseWebUrl", () => {
  it.each([
    ["javascript:alert(1)", "url.scheme"],
    ["JavaScript:alert(document.cookie)", "url.scheme"],
    ["file:///etc/passwd", "url.scheme"],
    ["ftp://example.com/file.txt", "url.scheme"],
    ["data:text/html,<script>alert(1)</script>", "url.scheme"],
    ["mailto:someone@example.com", "url.scheme"],
    ["vbscript:msgbox", "url.scheme"],
    ["hello", "url.invalid"],
    ["just some words", "url.invalid"],
    ["", "url.empty"],
    ["   ", "url.empty"],
    ["https://user:secret@example.com/", "url.credentials"],
    ["https://user@example.com/", "url.credentials"],
    [`https://example.com/${"a".repeat(2040)}`, "url.tooLong"],
    ["http://", "url.invalid"],
    ["https://exa mple.com", "url.invalid"],
  ])("refuses %s with %s", (input, code) => {
    expect(refusal(input)).toBe(code);
  });

  it.each([
    ["https://example.com/a", "https://example.com/a"],
    ["http://example.com", "http://example.com/"],
    ["  https://example.com/a  ", "https://example.com/a"],
    ["<https://example.com/a>", "https://example.com/a"],
    ["example.com/article", "https://example.com/article"],
    ["github.com/rust-lang/rust", "https://github.com/rust-lang/rust"],
    ["http://wiki/Home", "http://wiki/Home"],
  ])("accepts %s as %s", (input, href) => {
    expect(parseWebUrl(input).href).toBe(href);
  });

  it("accepts a link of exactly 2048 characters", () => {
    const url = `https://example.com/${"a".repeat(2048 - "https://example.com/".length)}`;
    expect(url).toHaveLength(2048);
    expect(parseWebUrl(url).href).toBe(url);
  });

  it.each([
    "https:///path",
    "http:///",
    "https:////example.com/a",
    "https:/example.com",
    "https:example.com/a",
    "https:\\\\example.com/",
  ])("refuses %s, which names no host after the scheme, without moving a path into the host", (input) => {
    expect(refusal(input)).toBe("url.invalid");
    expect(() => parseWebUrl(input)).toThrow(/has no host name/);
  });

  it("explains a refusal in words the sharer can act on", () => {
    expect(() => parseWebUrl("javascript:alert(1)")).toThrow(/Only web links \(http or https\)/);
    expect(() => parseWebUrl("https://bob:hunter2@example.com")).toThrow(/user name or password/);
  });
});

describe("sharedUrl", () => {
  it.each([
    ["https://bücher.example/", "https://bücher.example/"],
    ["https://bücher.example/a?x=1#k", "https://bücher.example/a?x=1#k"],
    ["HTTPS://BÜCHER.Example:8443/a", "https://bücher.example:8443/a"],
    ["https://日本語.jp/記事", "https://日本語.jp/%E8%A8%98%E4%BA%8B"],
    ["https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"],
    ["example.com/article", "https://example.com/article"],
  ])("posts %s as %s: an international host as it was shared, never turned into punycode", (input, text) => {
    expect(sharedUrl(input).text).toBe(text);
  });

  it("compares an international host by its punycode, however it was shared", () => {
    const { url } = sharedUrl("https://bücher.example/a");
    expect(url.hostname).toBe("xn--bcher-kva.example");
    expect(normalizeUrl(url)).toBe(normalizeUrl("https://xn--bcher-kva.example/a"));
  });
});

describe("normalizeUrl", () => {
  it.each([
    ["HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"],
    ["https://www.example.com/a", "https://example.com/a"],
    ["https://example.com:443/a", "https://example.com/a"],
    ["http://example.com:80/a", "http://example.com/a"],
    ["https://example.com:8443/a", "https://example.com:8443/a"],
    ["https://example.com/a#section-2", "https://example.com/a"],
    ["https://example.com/a/", "https://example.com/a"],
    ["https://example.com/", "https://example.com"],
    ["https://example.com", "https://example.com"],
    ["https://example.com/a?utm_source=news&utm_medium=email", "https://example.com/a"],
    ["https://example.com/a?UTM_Campaign=x", "https://example.com/a"],
    ["https://example.com/a?fbclid=abc", "https://example.com/a"],
    ["https://example.com/a?gclid=abc&id=7", "https://example.com/a?id=7"],
    ["https://example.com/a?msclkid=1&mc_cid=2&mc_eid=3", "https://example.com/a"],
    [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&utm_source=share",
      "https://youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    ["https://www.youtube.com/watch?v=abc&t=42", "https://youtube.com/watch?t=42&v=abc"],
    ["https://example.com/search?q=rust+lang&page=2", "https://example.com/search?page=2&q=rust+lang"],
    ["https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"],
    ["https://example.com/a?", "https://example.com/a"],
    ["https://example.com/A/B", "https://example.com/A/B"],
    ["https://EXAMPLE.com/a?ref=keep", "https://example.com/a?ref=keep"],
    ["https://bücher.example/a", "https://xn--bcher-kva.example/a"],
    ["https://example.com/a//", "https://example.com/a"],
    ["example.com/post/", "https://example.com/post"],
  ])("%s -> %s", (input, normalized) => {
    expect(normalizeUrl(input)).toBe(normalized);
  });

  it("gives the same key to every way of writing one link", () => {
    const forms = [
      "https://www.example.com/post/?utm_source=x#comments",
      "https://example.com/post",
      "HTTPS://Example.COM:443/post/",
      "https://example.com/post?fbclid=123&utm_campaign=y",
      "example.com/post",
    ];
    expect(new Set(forms.map((f) => normalizeUrl(f))).size).toBe(1);
  });

  it.each([
    ["https://example.com/a%2fb", "https://example.com/a%2Fb"],
    ["https://example.com/%7euser", "https://example.com/%7Euser"],
    ["https://example.com/%7Euser", "https://example.com/~user"],
    ["https://example.com/%41%42c", "https://example.com/ABc"],
    ["https://example.com/%2D%2E%5F%30", "https://example.com/-._0"],
    ["https://example.com/caf%c3%a9", "https://example.com/café"],
    ["https://example.com/a?q=%7e", "https://example.com/a?q=~"],
    ["https://example.com/a?q=x%2fy", "https://example.com/a?q=x%2Fy"],
  ])("spots %s and %s as one link (RFC 3986 6.2.2 percent-encoding)", (a, b) => {
    expect(normalizeUrl(a)).toBe(normalizeUrl(b));
  });

  it.each([
    ["https://example.com/a%2Fb", "https://example.com/a/b"],
    ["https://example.com/a%3Fb", "https://example.com/a?b"],
    ["https://example.com/a%25b", "https://example.com/a%b"],
  ])("keeps %s and %s apart: a reserved character and its encoding differ", (a, b) => {
    expect(normalizeUrl(a)).not.toBe(normalizeUrl(b));
  });

  it("gives the key percent-encoding in one form: upper-case hex, unreserved characters decoded", () => {
    expect(normalizeUrl("https://example.com/%7e%41/x%2fy%c3%a9")).toBe("https://example.com/~A/x%2Fy%C3%A9");
  });

  it("keeps links that differ in a meaningful parameter apart", () => {
    expect(normalizeUrl("https://youtube.com/watch?v=one")).not.toBe(
      normalizeUrl("https://youtube.com/watch?v=two"),
    );
    expect(normalizeUrl("https://example.com/a")).not.toBe(normalizeUrl("https://example.com/b"));
  });
});
