/**
 * Discord adapter figures, through the fake gateway and REST server of test/discord:
 *
 * 1. `/read add` throughput: unique URLs, no page fetcher, sent as INTERACTION_CREATE over the gateway
 *    with at most WINDOW unanswered at once; counted when the interaction callback reaches the REST
 *    server. Also the acknowledgement latency (gateway frame sent -> callback received).
 * 2. Resident memory of the bot with 1,000 guilds in its cache, each delivered by GUILD_CREATE with
 *    27 channels (2 permission overwrites each), 10 roles and 25 members; after GC (the bot process
 *    runs with --expose-gc). Measured on the compiled JavaScript under plain node, as `npm start` runs
 *    it, and under tsx as `npm run dev` runs it: Node 20 runs tsx's module hooks on a thread of their
 *    own, some 50 MB that are the loader's, not the bot's. Compared with the same bot, compiled, on
 *    discord.js's default caches (startDiscord's `defaultCaches`), so the difference is the caches'.
 *
 * The bot runs in its own process. Targets: >= 500 adds/s, < 160 MB resident (compiled). A MISS is
 * reported, not failed: it is a measurement. Run: npx tsx bench/discordBench.ts [--no-compare]
 */
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeDiscord, type GuildSeed, readCommand, snowflake, str } from "../test/discord/fakeDiscord.js";
import { summarize } from "./stats.js";

const TARGETS = { addsPerSecond: 500, rssMb: 160 };
const WARMUP = 500;
const MEASURED = 5_000;
const WINDOW = 64;
const GUILDS = 1_000;
const compare = !process.argv.includes("--no-compare");

const repo = fileURLToPath(new URL("..", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "roundup-discord-bench-"));
const buildDir = join(repo, "node_modules", ".cache", "roundup-discord-bench");
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

interface Memory {
  gc: boolean;
  rss: number;
  heapUsed: number;
  guilds: number;
  channels: number;
  roles: number;
  members: number;
  users: number;
}

/**
 * The bot compiled by tsc into node_modules/.cache (so its imports resolve), with the migrations
 * beside it where the storage looks for them. Null when it does not compile.
 */
function compileBot(): string | null {
  const out = buildDir;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const config = join(out, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(repo, "tsconfig.json"),
      compilerOptions: { rootDir: repo, outDir: join(out, "js"), noEmit: false, sourceMap: false },
      include: [join(repo, "src"), join(repo, "bench", "discord", "botProcess.ts")],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
  if (build.status !== 0) {
    console.log(`(could not compile the bot, so only tsx is measured: ${build.stdout.slice(0, 300)})`);
    return null;
  }
  symlinkSync(join(repo, "migrations"), join(out, "js", "migrations"));
  return join(out, "js", "bench", "discord", "botProcess.js");
}

type Runtime = { kind: "tsx" } | { kind: "node"; script: string };

function startBot(
  mode: "limits" | "default",
  runtime: Runtime,
  apiUrl: string,
  dbPath: string,
): Promise<ChildProcess> {
  const script =
    runtime.kind === "node"
      ? runtime.script
      : fileURLToPath(new URL("./discord/botProcess.ts", import.meta.url));
  const child = fork(script, [mode, apiUrl, dbPath], {
    execArgv: runtime.kind === "node" ? ["--expose-gc"] : ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} bot was not ready within 60 s`)), 60_000);
    child.on("message", (message: { type: string }) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("exit", (code) => reject(new Error(`${mode} bot exited early (${code})`)));
  });
}

function ask<T>(child: ChildProcess, type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type === answer) {
        child.off("message", listener);
        resolve(message as T);
      }
    };
    child.on("message", listener);
    child.send({ type });
  });
}

async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send({ type: "stop" });
  await exited;
  children.delete(child);
}

/** Sends `count` adds, at most WINDOW unanswered; resolves with the elapsed ms and ack latencies. */
async function sendAdds(fake: FakeDiscord, guilds: string[], from: number, count: number) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let next = 0;
  let answered = 0;
  let failed = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const sendOne = (i: number) => {
      const payload = readCommand(
        fake,
        { guildId: guilds[i % guilds.length] as string, userId: `7${String(i % 1000).padStart(17, "0")}` },
        ["add"],
        [str("url", `https://bench.example/articles/${i}`), str("note", "Worth a read")],
      );
      sentAt.set(payload.id, performance.now());
      fake.interact(payload);
    };
    fake.override = (request) => {
      const match = /^\/interactions\/(\d+)\//.exec(request.path);
      const sent = match ? sentAt.get(match[1] as string) : undefined;
      if (sent === undefined) return undefined;
      latencies.push(request.at - sent);
      answered++;
      // A refusal would be ephemeral (flags 64); a new share is visible to the channel.
      if (request.body?.data?.flags === 64) failed++;
      // Numbered now, not when it is sent, so acks arriving together never send one twice.
      if (next < count) {
        const i = from + next++;
        setImmediate(() => sendOne(i));
      } else if (answered === count) setImmediate(resolve);
      return undefined;
    };
    while (next < Math.min(WINDOW, count)) sendOne(from + next++);
  });
  fake.override = null;
  return { elapsedMs: performance.now() - started, latencies, failed };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? "ok" : "MISS");

async function throughput(runtime: Runtime): Promise<number> {
  const guilds = Array.from({ length: 10 }, () => snowflake());
  const fake = await FakeDiscord.start({ guilds: guilds.map((id) => ({ id })) });
  const bot = await startBot("limits", runtime, fake.apiUrl, join(root, "throughput.db"));
  try {
    await sendAdds(fake, guilds, 0, WARMUP);
    const run = await sendAdds(fake, guilds, WARMUP, MEASURED);
    const perSecond = (MEASURED / run.elapsedMs) * 1000;
    const latency = summarize(run.latencies);
    console.log(
      `/read add through the gateway (${MEASURED} unique URLs, ${WINDOW} in flight, no fetcher, ${runtime.kind === "node" ? "compiled, as npm start runs it" : "under tsx"})`,
    );
    console.log(
      `  ${Math.round(perSecond).toLocaleString("en-US")} adds/s   (target >= ${TARGETS.addsPerSecond}: ${verdict(perSecond >= TARGETS.addsPerSecond)})`,
    );
    console.log(
      `  acknowledgement p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`,
    );
    if (run.failed > 0) console.log(`  ${run.failed} adds were refused (expected none)`);
    return perSecond;
  } finally {
    await stopBot(bot);
    await fake.close();
  }
}

async function memory(mode: "limits" | "default", runtime: Runtime, target: boolean): Promise<Memory> {
  const seeds: GuildSeed[] = Array.from({ length: GUILDS }, () => ({
    id: snowflake(),
    channels: 27,
    roles: 10,
    members: 25,
  }));
  const fake = await FakeDiscord.start({ guilds: seeds });
  const started = performance.now();
  const bot = await startBot(mode, runtime, fake.apiUrl, join(root, `memory-${mode}-${runtime.kind}.db`));
  const readyMs = performance.now() - started;
  try {
    const measured = await ask<Memory>(bot, "measure", "memory");
    const how =
      runtime.kind === "node" ? "compiled, as npm start runs it" : "under tsx, as npm run dev runs it";
    const label =
      mode === "limits"
        ? `Roundup's cache limits (${how})`
        : `the same bot on discord.js default caches (${how}), for comparison`;
    console.log(`${label}: ready with ${measured.guilds} guilds in ${(readyMs / 1000).toFixed(1)} s`);
    console.log(
      `  cached: ${measured.channels.toLocaleString("en-US")} channels, ${measured.roles.toLocaleString("en-US")} roles, ${measured.members.toLocaleString("en-US")} members, ${measured.users.toLocaleString("en-US")} users`,
    );
    const verdictText = target
      ? `   (target < ${TARGETS.rssMb} MB: ${verdict(measured.rss < TARGETS.rssMb * 1024 * 1024)})`
      : "";
    console.log(
      `  RSS ${mb(measured.rss)}${measured.gc ? " after GC" : ""}, heap used ${mb(measured.heapUsed)}${verdictText}`,
    );
    return measured;
  } finally {
    await stopBot(bot);
    await fake.close();
  }
}

const compiled = compileBot();
const main: Runtime = compiled ? { kind: "node", script: compiled } : { kind: "tsx" };
const adds = await throughput(main);
console.log("");
const limited = await memory("limits", main, true);
if (compiled) {
  console.log("");
  await memory("limits", { kind: "tsx" }, false);
}
if (compare) {
  console.log("");
  const unlimited = await memory("default", main, false);
  console.log(
    `  the limits save ${mb(unlimited.rss - limited.rss)} of resident memory; ${(unlimited.members - limited.members).toLocaleString("en-US")} members and ${(unlimited.users - limited.users).toLocaleString("en-US")} users are not kept`,
  );
}
const ok = adds >= TARGETS.addsPerSecond && limited.rss < TARGETS.rssMb * 1024 * 1024;
console.log(`\nDiscord bench: ${ok ? "all targets met" : "a target was missed"}`);
