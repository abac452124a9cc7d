import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageMetadataFetcher } from "../../src/enrich/pageMetadataFetcher.js";
import { fixedClock } from "../helpers/tempStore.js";
import { html, startTestWeb, type TestWeb } from "../helpers/webServer.js";

describe("PageMetadataFetcher", () => {
  let web: TestWeb;
  let inFlight = 0;
  let peak = 0;

  beforeAll(async () => {
    web = await startTestWeb((req, res) => {
      // The first look at /flaky finds the site having a bad minute.
      if (req.url === "/flaky" && web.requests.filter((r) => r === "/flaky").length === 1) {
        res.writeHead(503).end();
        return;
      }
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        html(res, `<title>Page ${req.url}</title><meta name="author" content="Ada">`);
      }, 50);
    });
  });
  afterAll(() => web.close());

  it("fetches a popular link once a day, however it is written", async () => {
    const clock = fixedClock("2026-07-01T10:00:00Z");
    const fetcher = new PageMetadataFetcher({ clock, allowPrivateHosts: ["127.0.0.1"] });
    const before = web.requests.length;
    const forms = [
      `${web.origin}/popular`,
      `${web.origin}/popular/`,
      `${web.origin}/popular?utm_source=x#top`,
    ];
    const results = await Promise.all(forms.map((url) => fetcher.fetchMetadata(url)));
    expect(results.every((r) => r.ok && r.metadata.title === "Page /popular")).toBe(true);
    expect(web.requests.length - before).toBe(1);

    clock.set("2026-07-02T10:00:01Z");
    await fetcher.fetchMetadata(`${web.origin}/popular`);
    expect(web.requests.length - before).toBe(2);
  });

  it("tries a page that failed again after five minutes, not the next day", async () => {
    const clock = fixedClock("2026-07-01T10:00:00Z");
    const fetcher = new PageMetadataFetcher({ clock, allowPrivateHosts: ["127.0.0.1"] });
    const url = `${web.origin}/flaky`;
    const failed = { ok: false, reason: "the site answered 503" };
    expect(await fetcher.fetchMetadata(url)).toEqual(failed);

    clock.set("2026-07-01T10:04:59Z");
    expect(await fetcher.fetchMetadata(url)).toEqual(failed);
    expect(web.requests.filter((r) => r === "/flaky")).toHaveLength(1);

    clock.set("2026-07-01T10:05:00Z");
    expect(await fetcher.fetchMetadata(url)).toMatchObject({ ok: true, metadata: { title: "Page /flaky" } });
    expect(web.requests.filter((r) => r === "/flaky")).toHaveLength(2);

    clock.set("2026-07-02T10:04:59Z");
    await fetcher.fetchMetadata(url);
    expect(web.requests.filter((r) => r === "/flaky")).toHaveLength(2);
  });

  it("runs at most the configured number of fetches at once", async () => {
    peak = 0;
    const fetcher = new PageMetadataFetcher({
      clock: fixedClock("2026-07-01T10:00:00Z"),
      allowPrivateHosts: ["127.0.0.1"],
      concurrency: 2,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetcher.fetchMetadata(`${web.origin}/burst-${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(peak).toBe(2);
  });

  it("refuses loopback unless the host is allowed", async () => {
    const fetcher = new PageMetadataFetcher({ clock: fixedClock("2026-07-01T10:00:00Z") });
    const before = web.connections;
    expect(await fetcher.fetchMetadata(`${web.origin}/private`)).toEqual({
      ok: false,
      reason: "it points into a private network",
    });
    expect(web.connections).toBe(before);
  });
});
