/**
 * The installed command, `roundup` (package.json "bin"), which runs the compiled CLI in dist/. The
 * package checks and the import check need no build. Running the built file needs dist/, which
 * `npm ci` makes (the "prepare" script) and which goes stale as soon as a source changes: that test
 * runs only when dist/ is newer than every source, and is skipped otherwise, saying why, except in CI
 * (CI=true, as .ci/run runs), where a missing build is a failure. Building here would cost ~10 s.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { requireCurrentBuild } from "../helpers/builtCli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
const bin = pkg.bin.roundup as string;
const SOURCE = "src/cli/main.ts";

/** Bare packages reached from `file` through imports that stay at run time (not `import type`, not `import()`). */
function staticPackages(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(file)) return found;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const [, from] of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\bfrom\s+"([^"]+)"/gms)) {
    const spec = from as string;
    if (spec.startsWith(".")) staticPackages(join(dirname(file), spec.replace(/\.js$/, ".ts")), seen, found);
    else if (!spec.startsWith("node:")) found.add(spec);
  }
  return found;
}

describe("the roundup command", () => {
  it("is the file the build makes of src/cli/main.ts, and what npm run cli runs", () => {
    const build = JSON.parse(readFileSync(join(root, "tsconfig.build.json"), "utf8")) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    const { rootDir, outDir } = build.compilerOptions;
    expect(bin).toBe(join(outDir, relative(rootDir, SOURCE)).replace(/\.ts$/, ".js"));
    expect(pkg.scripts.cli).toMatch(new RegExp(`\\bnode ${bin.replaceAll(".", "\\.")}$`));
  });

  it("starts with a shebang, so it runs without node in front (tsc keeps it)", () => {
    expect(readFileSync(join(root, SOURCE), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("loads the chat libraries and the page reader only in the commands that use them", () => {
    const loaded = [...staticPackages(join(root, SOURCE))];
    for (const heavy of ["discord.js", "@slack/bolt", "@slack/web-api", "htmlparser2", "ipaddr.js", "pino"]) {
      expect(loaded).not.toContain(heavy);
    }
  });

  describe("built", () => {
    const built = join(root, bin);
    const dir = mkdtempSync(join(tmpdir(), "roundup-bin-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) =>
      spawnSync(built, args, {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", DATABASE_URL: join(dir, "roundup.db"), FETCH_METADATA: "false" },
        timeout: 15_000,
      });

    it("runs as a program: help, then a link added and listed on a new database", (context) => {
      requireCurrentBuild(bin, context);
      expect(statSync(built).mode & 0o111, "executable (npm run build sets it)").not.toBe(0);
      const help = run("--help");
      expect(help.stderr).toBe("");
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("Usage:");

      // Migrations are found from dist/ as from src/.
      expect(run("add", "https://example.com/post", "--title", "A post").status).toBe(0);
      const list = run("list", "--json");
      expect(list.status).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject([{ id: 1, url: "https://example.com/post" }]);
    });
  });
});
