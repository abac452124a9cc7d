import type { LookupAddress } from "node:dns";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AllowedHosts, isPublicAddress } from "../../src/enrich/addressPolicy.js";
import { type SafeFetchOptions, safeFetch } from "../../src/enrich/safeFetch.js";
import { html, startTestWeb, type TestWeb } from "../helpers/webServer.js";

/** A resolver for made-up names, so no test asks a real DNS server anything. */
function resolver(names: Record<string, string[]>): NonNullable<SafeFetchOptions["resolve"]> {
  return ((hostname: string, _options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) => {
    const addresses = names[hostname];
    if (!addresses) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
      process.nextTick(callback, error, []);
      return;
    }
    process.nextTick(
      callback,
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  }) as unknown as NonNullable<SafeFetchOptions["resolve"]>;
}

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "IPv6 loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:192.168.1.1", "IPv4-mapped private"],
    ["169.254.169.254", "link-local, cloud metadata"],
    ["fe80::1", "IPv6 link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "IPv6 multicast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "documentation"],
    ["0.0.0.0", "unspecified"],
    ["::", "IPv6 unspecified"],
    ["255.255.255.255", "broadcast"],
    ["64:ff9b::a00:1", "NAT64 of 10.0.0.1"],
    ["2002:a00:1::", "6to4 of 10.0.0.1"],
    ["::7f00:1", "IPv4-compatible loopback, ::127.0.0.1"],
    ["::127.0.0.1", "IPv4-compatible loopback, dotted"],
    ["::a9fe:a9fe", "IPv4-compatible cloud metadata"],
    ["::808:808", "IPv4-compatible, deprecated whatever it embeds"],
    ["::ffff:a9fe:a9fe", "IPv4-mapped cloud metadata"],
    ["64:ff9b::7f00:1", "NAT64 of loopback"],
    ["64:ff9b::a9fe:a9fe", "NAT64 of cloud metadata"],
    ["64:ff9b:1::a00:1", "local-use NAT64"],
    ["2002:7f00:1::1", "6to4 of loopback"],
    ["2002:c0a8:101::1", "6to4 of 192.168.1.1"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo, client 127.0.0.1"],
    ["2001:0:a00:1:8000:63bf:f7f7:f7f7", "Teredo, server 10.0.0.1"],
    ["not-an-ip", "garbage"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
  ])("allows public %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("safeFetch", () => {
  let web: TestWeb;
  const nobody = new AllowedHosts([]);

  beforeAll(async () => {
    web = await startTestWeb((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname.startsWith("/hop/")) {
        const n = Number(url.pathname.slice(5));
        res.writeHead(302, { location: n > 1 ? `/hop/${n - 1}` : "/page" });
        res.end();
      } else if (url.pathname === "/to-private") {
        res.writeHead(301, { location: String(url.searchParams.get("target")) });
        res.end();
      } else if (url.pathname === "/to-ftp") {
        res.writeHead(302, { location: "ftp://example.com/file" });
        res.end();
      } else if (url.pathname === "/huge") {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 5 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        pump();
      } else if (url.pathname === "/liar") {
        // Content-Length claims one thing, the wire carries 5 MB of page.
        res.writeHead(200, {
          "content-type": "text/html",
          "content-length": String(url.searchParams.get("says")),
        });
        res.on("error", () => {});
        res.write(Buffer.alloc(5 * 1024 * 1024, "a"));
        res.end();
      } else if (url.pathname === "/bomb") {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(gzipSync(Buffer.alloc(50 * 1024 * 1024, " ")));
      } else if (url.pathname === "/drip") {
        res.writeHead(200, { "content-type": "text/html" });
        const timer = setInterval(() => res.write("<p>."), 100);
        res.on("close", () => clearInterval(timer));
      } else if (url.pathname === "/pdf") {
        html(res, "%PDF-1.7 not html", "application/pdf");
      } else if (url.pathname === "/missing") {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("gone");
      } else {
        html(res, "<title>The page</title>");
      }
    });
  });
  afterAll(() => web.close());

  it.each([
    ["127.0.0.1"],
    ["[::ffff:127.0.0.1]"],
    ["[::ffff:7f00:1]"],
    ["2130706433"],
    ["0x7f.1"],
    ["0177.0.0.1"],
    ["127.1"],
  ])("refuses http://%s and the server sees no connection", async (host) => {
    const before = web.connections;
    const result = await safeFetch(`http://${host}:${web.port}/page`, { allowedHosts: nobody });
    expect(result).toEqual({ ok: false, reason: "it points into a private network" });
    expect(web.connections).toBe(before);
  });

  it.each([["[::127.0.0.1]"], ["[::7f00:1]"], ["[64:ff9b::127.0.0.1]"], ["[2002:7f00:1::1]"]])(
    "refuses http://%s, an IPv6 form of loopback, as private",
    async (host) => {
      const before = web.connections;
      const result = await safeFetch(`http://${host}:${web.port}/page`, { allowedHosts: nobody });
      expect(result).toEqual({ ok: false, reason: "it points into a private network" });
      expect(web.connections).toBe(before);
    },
  );

  it("refuses a name that resolves to an IPv4-compatible loopback address", async () => {
    const result = await safeFetch(`http://innocent.test:${web.port}/page`, {
      allowedHosts: nobody,
      resolve: resolver({ "innocent.test": ["::7f00:1"] }),
    });
    expect(result).toEqual({ ok: false, reason: "it points into a private network" });
  });

  it("refuses http://[::1] without connecting", async () => {
    let v6: TestWeb | undefined;
    try {
      v6 = await startTestWeb((_req, res) => html(res, "<title>v6</title>"), "::1");
    } catch {
      return; // No IPv6 loopback on this machine: the address check is covered by isPublicAddress.
    }
    const result = await safeFetch(`http://[::1]:${v6.port}/`, { allowedHosts: nobody });
    expect(result).toMatchObject({ ok: false, reason: "it points into a private network" });
    expect(v6.connections).toBe(0);
    await v6.close();
  });

  it.each([[["127.0.0.1"]], [["::ffff:127.0.0.1"]], [["93.184.216.34", "127.0.0.1"]]])(
    "refuses a name that resolves to %j, checked after resolution",
    async (addresses) => {
      const before = web.connections;
      const result = await safeFetch(`http://innocent.test:${web.port}/page`, {
        allowedHosts: nobody,
        resolve: resolver({ "innocent.test": addresses }),
      });
      expect(result).toEqual({ ok: false, reason: "it points into a private network" });
      expect(web.connections).toBe(before);
    },
  );

  it("reaches a private host an admin allowed by an international name, however the link spells it", async () => {
    const options = {
      allowedHosts: new AllowedHosts(["Bücher.internal"]),
      resolve: resolver({ "xn--bcher-kva.internal": ["127.0.0.1"] }),
    };
    for (const host of ["bücher.internal", "xn--bcher-kva.internal"]) {
      expect(await safeFetch(`http://${host}:${web.port}/page`, options)).toMatchObject({
        ok: true,
        status: 200,
      });
    }
  });

  it("reaches a private host an admin allowed by name", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/page`, {
      allowedHosts: new AllowedHosts(["wiki.internal"]),
      resolve: resolver({ "wiki.internal": ["127.0.0.1"] }),
    });
    expect(result).toMatchObject({ ok: true, status: 200 });
    if (result.ok) expect(result.body.toString()).toBe("<title>The page</title>");
  });

  const allowed = {
    allowedHosts: new AllowedHosts(["wiki.internal"]),
    resolve: resolver({ "wiki.internal": ["127.0.0.1"] }),
  };

  it("follows up to three redirects, checking each hop", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/hop/3`, allowed);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.url.pathname).toBe("/page");
  });

  it("refuses a fourth redirect", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/hop/4`, allowed);
    expect(result).toEqual({ ok: false, reason: "it redirects too many times" });
  });

  it("refuses a redirect from an allowed host to a private address, without connecting to it", async () => {
    const target = await startTestWeb((_req, res) => html(res, "<title>secret</title>"));
    const result = await safeFetch(
      `http://wiki.internal:${web.port}/to-private?target=${encodeURIComponent(`http://127.0.0.1:${target.port}/admin`)}`,
      allowed,
    );
    expect(result).toEqual({ ok: false, reason: "it points into a private network" });
    expect(target.connections).toBe(0);
    await target.close();
  });

  it("refuses a redirect to a non-web scheme", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/to-ftp`, allowed);
    expect(result).toEqual({ ok: false, reason: "it redirects to something that isn't a web page" });
  });

  it("stops reading a 5 MB body at 1 MB", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/huge`, allowed);
    expect(result).toMatchObject({ ok: true, truncated: true });
    if (result.ok) expect(result.body.length).toBe(1_000_000);
  });

  it.each([["50000000"], ["1000"]])(
    "reads at most 1 MB when Content-Length says %s but 5 MB are sent",
    async (says) => {
      const result = await safeFetch(`http://wiki.internal:${web.port}/liar?says=${says}`, allowed);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.body.length).toBeLessThanOrEqual(1_000_000);
      if (result.ok && says === "50000000") expect(result).toMatchObject({ truncated: true });
    },
  );

  it("stops a compressed body at 1 MB once inflated", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/bomb`, allowed);
    expect(result).toMatchObject({ ok: true, truncated: true });
    if (result.ok) expect(result.body.length).toBe(1_000_000);
  });

  it("gives up on a page that drips slowly, in time", async () => {
    const started = Date.now();
    const result = await safeFetch(`http://wiki.internal:${web.port}/drip`, {
      ...allowed,
      totalTimeoutMs: 600,
    });
    expect(result).toEqual({ ok: false, reason: "the page took too long to load" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not read a PDF", async () => {
    const result = await safeFetch(`http://wiki.internal:${web.port}/pdf`, allowed);
    expect(result).toEqual({ ok: false, reason: "it isn't a web page (application/pdf)" });
  });

  it("reports an error status and an unknown host briefly", async () => {
    expect(await safeFetch(`http://wiki.internal:${web.port}/missing`, allowed)).toEqual({
      ok: false,
      reason: "the site answered 404",
    });
    expect(await safeFetch("http://nowhere.test/", { allowedHosts: nobody, resolve: resolver({}) })).toEqual({
      ok: false,
      reason: "its address could not be found",
    });
  });

  it("sends a recognisable User-Agent", async () => {
    let agent = "";
    const spy = await startTestWeb((req, res) => {
      agent = req.headers["user-agent"] ?? "";
      html(res, "<title>x</title>");
    });
    await safeFetch(`http://wiki.internal:${spy.port}/`, allowed);
    expect(agent).toMatch(/RoundupBot/);
    await spy.close();
  });
});
