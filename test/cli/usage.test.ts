import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.js";
import { requireCurrentBuild } from "../helpers/builtCli.js";
import { tempStore } from "../helpers/tempStore.js";
import { repoRoot } from "./cliHarness.js";
import { type CliRun, inProcessCli } from "./inProcessCli.js";

const PROGRAM = "npm run -s cli --";

let temp: ReturnType<typeof tempStore>;
let cli: (...argv: string[]) => Promise<CliRun>;
beforeEach(() => {
  temp = tempStore();
  cli = inProcessCli(temp.path);
});
afterEach(() => temp.cleanup());

/** The general help and every command's help, as a person asking for them sees them. */
async function helpTexts(): Promise<string[]> {
  const texts = [(await cli("--help")).stdout];
  for (const command of commands) texts.push((await cli(command.name, "--help")).stdout);
  return texts;
}

/** The arguments of every complete command a help text shows (placeholders like `<id>` excluded). */
function shownCommands(text: string): string[][] {
  const shown: string[][] = [];
  for (const line of text.split("\n")) {
    const at = line.indexOf(`${PROGRAM} `);
    if (at < 0 || /[<[]/.test(line.slice(at))) continue;
    const words = [...line.slice(at + PROGRAM.length).matchAll(/"([^"]*)"|(\S+)/g)].map(
      (match) => match[1] ?? match[2] ?? "",
    );
    const redirect = words.indexOf(">");
    shown.push(redirect < 0 ? words : words.slice(0, redirect));
  }
  return shown;
}

describe("cli help", () => {
  it("shows every usage as `npm run -s cli -- ...`, never as a program called roundup", async () => {
    const texts = await helpTexts();
    expect(texts).toHaveLength(commands.length + 1);
    for (const text of texts) {
      // A usage, an example or a usage's second line naming the program: "Usage: roundup add ...".
      expect(text).not.toMatch(/^(Usage:|Examples?:)?\s*roundup \S/m);
      for (const usage of text.split("\n").filter((line) => line.startsWith("Usage:"))) {
        expect(usage).toMatch(/^Usage: npm run -s cli -- /);
      }
    }
  });

  it("every example the help shows is a command line the CLI accepts", async () => {
    const shown = (await helpTexts()).flatMap(shownCommands);
    expect(shown.length).toBeGreaterThanOrEqual(commands.length);
    for (const shownArgs of shown) {
      // An example that writes files (`site ./public`) writes them in the test's folder, not the repo.
      const args =
        shownArgs[0] === "site" && shownArgs[1] !== undefined
          ? ["site", join(dirname(temp.path), shownArgs[1]), ...shownArgs.slice(2)]
          : shownArgs;
      const result = await cli(...args);
      // Exit 1 is fine (e.g. `edit 42` on an empty database); 2 would be a usage error.
      expect(result.status, `${args.join(" ")}\n${result.stderr}`).not.toBe(2);
    }
  });

  it("`npm run -s cli -- add --help` runs the CLI the way its usage line says", async (context) => {
    requireCurrentBuild("dist/cli/main.js", context);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: temp.path, LOG_LEVEL: "silent" };
    for (const name of ["DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "NODE_OPTIONS"]) {
      delete env[name];
    }
    const child = spawn("npm", ["run", "-s", "cli", "--", "add", "--help"], { cwd: repoRoot, env });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run -s cli -- add <url> /);
  });
});

describe("cli option values", () => {
  it('takes a value that starts with "-" as the option\'s value: --note "-5% faster", --note=-5%', async () => {
    expect(await cli("add", "https://example.com/a", "--note", "-5% faster", "--no-fetch")).toMatchObject({
      status: 0,
      stderr: "",
    });
    expect(await cli("add", "https://example.com/b", "--note=-5%")).toMatchObject({ status: 0 });
    // Even a value that looks like an option every command takes is the value it follows.
    expect(
      await cli("add", "https://example.com/c", "--title", "-h", "--note", "--workspace", "--by", "-"),
    ).toMatchObject({ status: 0, stderr: "" });
    expect(await cli("edit", "2", "--note", "--help")).toMatchObject({ status: 0, stderr: "" });

    const links = JSON.parse((await cli("list", "--json")).stdout) as {
      url: string;
      title: string | null;
      note: string | null;
      sharedBy: string;
    }[];
    expect(links.map(({ url, title, note, sharedBy }) => ({ url, title, note, sharedBy }))).toEqual([
      { url: "https://example.com/a", title: null, note: "-5% faster", sharedBy: expect.any(String) },
      { url: "https://example.com/b", title: null, note: "--help", sharedBy: expect.any(String) },
      { url: "https://example.com/c", title: "-h", note: "--workspace", sharedBy: "-" },
    ]);
  });

  it("still refuses an option whose value is missing, with the usage", async () => {
    const result = await cli("add", "https://example.com/a", "--note");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--note/);
    expect(result.stderr).toMatch(/^Usage: /m);
    expect(JSON.parse((await cli("list", "--json")).stdout)).toEqual([]);
  });
});
