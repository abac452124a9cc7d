/**
 * `add` fetching the page it is given, through the real page fetcher against a loopback web server.
 * The CLI runs in this process with the deps src/cli/main.ts builds from FETCH_METADATA and
 * FETCH_ALLOW_PRIVATE_HOSTS, on a new database and web server for each test.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { html, startTestWeb, type TestWeb } from "../helpers/webServer.js";
import { createSandbox, type LinkJson, parseJson, type Sandbox } from "./cliHarness.js";
import { inProcessCli } from "./inProcessCli.js";

describe("cli add fetches the page's title and author", () => {
  let web: TestWeb;
  let sandbox: Sandbox;
  const fetching = { FETCH_METADATA: "true", FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" };
  /** The CLI with `env` added to the harness's (no fetching, no chat tokens). */
  const cli = (env: Record<string, string>, ...argv: string[]) =>
    inProcessCli(sandbox.databaseUrl, { asMain: env })(...argv);

  beforeEach(async () => {
    sandbox = createSandbox();
    web = await startTestWeb((_req, res) =>
      html(
        res,
        '<html><head><meta property="og:title" content="Seastar"><meta name="author" content="ScyllaDB"><meta property="og:site_name" content="Seastar"></head></html>',
      ),
    );
  });
  afterEach(async () => {
    await web.close();
    sandbox.cleanup();
  });

  it("waits for the page and reports what it found", async () => {
    const result = await cli(fetching, "add", `${web.origin}/seastar`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Added #1: http:\/\/127\.0\.0\.1:\d+\/seastar\nFound: Seastar by ScyllaDB \(Seastar\)\n$/,
    );
    const links = parseJson<LinkJson[]>(await cli({}, "list", "--json"));
    expect(links[0]).toMatchObject({ title: "Seastar", author: "ScyllaDB" });
  });

  it("does not fetch with --no-fetch", async () => {
    // A link fetched before, so this one is #2.
    expect((await cli(fetching, "add", `${web.origin}/seastar`)).status).toBe(0);
    const before = web.requests.length;
    const result = await cli(fetching, "add", `${web.origin}/quiet`, "--no-fetch");
    expect(result.stdout.trim()).toMatch(/^Added #2: /);
    expect(web.requests.length).toBe(before);
  });

  it("keeps the link and says why when the fetcher refuses a private address", async () => {
    const before = web.connections;
    const result = await cli({ FETCH_METADATA: "true" }, "add", `${web.origin}/intranet`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "Couldn't read the page: it points into a private network. The link keeps its URL as its title.",
    );
    expect(web.connections).toBe(before);
    const links = parseJson<LinkJson[]>(await cli({}, "list", "--json"));
    expect(links.map((l) => l.url)).toContain(`${web.origin}/intranet`);
  });
});
