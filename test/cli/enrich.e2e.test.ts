import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { html, startTestWeb, type TestWeb } from "../helpers/webServer.js";
import { createSandbox, type LinkJson, parseJson, runCli, type Sandbox } from "./cliHarness.js";

describe("cli add fetches the page's title and author", () => {
  let web: TestWeb;
  let sandbox: Sandbox;
  const fetching = { FETCH_METADATA: "true", FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" };

  beforeAll(async () => {
    sandbox = createSandbox();
    web = await startTestWeb((_req, res) =>
      html(
        res,
        '<html><head><meta property="og:title" content="Seastar"><meta name="author" content="ScyllaDB"><meta property="og:site_name" content="Seastar"></head></html>',
      ),
    );
  });
  afterAll(async () => {
    await web.close();
    sandbox.cleanup();
  });

  it("waits for the page and reports what it found", async () => {
    const result = await runCli(sandbox.databaseUrl, ["add", `${web.origin}/seastar`], fetching);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Added #1: http:\/\/127\.0\.0\.1:\d+\/seastar\nFound: Seastar by ScyllaDB \(Seastar\)\n$/,
    );
    const links = parseJson<LinkJson[]>(await sandbox.cli("list", "--json"));
    expect(links[0]).toMatchObject({ title: "Seastar", author: "ScyllaDB" });
  });

  it("does not fetch with --no-fetch", async () => {
    const before = web.requests.length;
    const result = await runCli(sandbox.databaseUrl, ["add", `${web.origin}/quiet`, "--no-fetch"], fetching);
    expect(result.stdout.trim()).toMatch(/^Added #2: /);
    expect(web.requests.length).toBe(before);
  });

  it("keeps the link and says why when the fetcher refuses a private address", async () => {
    const before = web.connections;
    const result = await runCli(sandbox.databaseUrl, ["add", `${web.origin}/intranet`], {
      FETCH_METADATA: "true",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "Couldn't read the page: it points into a private network. The link keeps its URL as its title.",
    );
    expect(web.connections).toBe(before);
    const links = parseJson<LinkJson[]>(await sandbox.cli("list", "--json"));
    expect(links.map((l) => l.url)).toContain(`${web.origin}/intranet`);
  });
});
