/**
 * A real browser for the web archive's tests: Debian's Chromium (package `chromium`) driven by
 * playwright-core. `npx playwright install` cannot download here, so the system's binary is used.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Why the browser tests cannot run, for their name; null when they can. In CI (CI=true, as .ci/run
 * sets, which also installs the package) a missing Chromium is a failure rather than a quiet skip.
 */
export const NO_BROWSER: string | null = existsSync(CHROMIUM_PATH)
  ? null
  : `${CHROMIUM_PATH} is missing: apt-get install chromium to run the browser tests`;

if (NO_BROWSER !== null && process.env.CI === "true") throw new Error(NO_BROWSER);

/**
 * Launches headless Chromium. As root (CI) it only starts without its sandbox; the machine has no
 * network, so everything that would phone home (updates, sync, QUIC probes) is turned off, which also
 * keeps any request but the page's own out of the tests' request log.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
