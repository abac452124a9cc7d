import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

function newestSource(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
      entry.isDirectory()
        ? newestSource(join(folder, entry.name))
        : statSync(join(folder, entry.name)).mtimeMs,
    ),
  );
}

/**
 * Why a test of the built `file` (relative to the repository, e.g. dist/cli/main.js) cannot run: it is
 * missing or older than src/, so it would test yesterday's code. Null when it is current.
 */
export function staleBuild(file: string): string | null {
  const builtAt = statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return `${file} is missing`;
  return builtAt < newestSource(join(root, "src")) ? `${file} is older than src/` : null;
}

/**
 * Skips a test of the build when the build is not current (saying how to make it so), except in CI
 * (CI=true, as .ci/run runs), where `npm ci` builds and a missing build is a failure.
 */
export function requireCurrentBuild(file: string, context: { skip: (note?: string) => void }): void {
  const stale = staleBuild(file);
  if (stale === null) return;
  const reason = `${stale}: run npm run build to test the built command`;
  if (process.env.CI === "true") throw new Error(reason);
  context.skip(reason);
}

const TSX = import.meta.resolve("tsx");
const SOURCES = { bot: "src/main.ts", cli: "src/cli/main.ts" } as const;
const BUILT = { bot: "dist/main.js", cli: "dist/cli/main.js" } as const;
let buildIsCurrent: boolean | undefined;

/**
 * The node arguments that run `npm start`'s entry point (`bot`) or the CLI's, from the repository:
 * the build, which is what `npm start` runs, when it is current (as in CI, where `npm ci` builds);
 * otherwise the sources under tsx, so a test of a change made since the last build still tests it.
 * The build starts several times faster: tsx compiles every module at each start.
 */
export function entryArguments(entry: "bot" | "cli"): string[] {
  buildIsCurrent ??= staleBuild(BUILT.bot) === null && staleBuild(BUILT.cli) === null;
  return buildIsCurrent ? [join(root, BUILT[entry])] : ["--import", TSX, join(root, SOURCES[entry])];
}
