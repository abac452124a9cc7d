import { UserError } from "../errors.js";
import type { Store } from "../ports/store.js";
import type { ArchiveMode, ArchiveSettings, Settings } from "../types.js";
import { ensureWorkspace } from "../workspace.js";
import type { SettingsDeps } from "./manageSettings.js";

/** Path parts the server keeps for itself, so no slug can hide them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "a",
  "slack",
  "healthz",
  "static",
  "assets",
  "api",
  "feed",
  "admin",
  "well-known",
]);
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** 192 random bits, URL-safe: an address nobody can guess or enumerate. */
export function newArchiveToken(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
}

function checkSlug(slug: string): string {
  const wanted = slug.trim().toLowerCase();
  if (!SLUG.test(wanted) || wanted.includes("--")) {
    throw new UserError(
      "archive.slugInvalid",
      `"${slug}" can't be an address: use 3 to 40 lowercase letters, digits and single hyphens, like team-reading.`,
    );
  }
  if (RESERVED_SLUGS.has(wanted)) {
    throw new UserError(
      "archive.slugReserved",
      `"${wanted}" is kept for Roundup's own pages: choose another --slug.`,
    );
  }
  return wanted;
}

export interface ArchiveInput {
  workspace: string;
  mode: ArchiveMode;
  /** Private only: a new token, so the old address stops working. */
  rotate?: boolean;
  /** Public only: the readable address; kept from before when not given. */
  slug?: string;
}

/**
 * Turns the web archive off, private (an unguessable address) or public (a readable one). Turning it
 * off keeps both addresses, so turning it back on restores them; `rotate` replaces the private one.
 */
export async function setArchive(deps: SettingsDeps, input: ArchiveInput): Promise<Settings> {
  const { store } = deps;
  if (input.rotate && input.mode !== "private") {
    throw new UserError(
      "archive.rotateNotPrivate",
      "Only a private archive has a secret address to replace.",
    );
  }
  if (input.slug !== undefined && input.mode !== "public") {
    throw new UserError("archive.slugNotPublic", "Only a public archive has a readable address (--slug).");
  }
  const workspace = await ensureWorkspace(deps, input.workspace);
  const before = (await store.settings.get(workspace)).archive;
  const next: ArchiveSettings = { ...before, mode: input.mode };
  if (input.mode === "private" && (input.rotate || before.token === null)) next.token = newArchiveToken();
  if (input.mode === "public") {
    if (input.slug !== undefined) next.slug = checkSlug(input.slug);
    if (next.slug === null) {
      throw new UserError(
        "archive.slugMissing",
        "A public archive needs a readable address: add --slug, like --slug team-reading.",
      );
    }
  }
  await store.settings.setArchive(workspace, next);
  return store.settings.get(workspace);
}

/**
 * The archive's address, ending in "/", under `publicUrl` (PUBLIC_URL); null when the archive is off
 * or no public URL is set. Private archives live under /a/<token>/, public ones at /<slug>/.
 */
export function archiveUrl(publicUrl: string | null | undefined, archive: ArchiveSettings): string | null {
  if (!publicUrl || archive.mode === "off") return null;
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  if (archive.mode === "private") return archive.token ? `${base}a/${archive.token}/` : null;
  return archive.slug ? `${base}${archive.slug}/` : null;
}

/** The workspace an archive address leads to, or undefined (a plain 404 reveals nothing more). */
export function findArchive(
  { store }: { store: Store },
  address: { token: string } | { slug: string },
): Promise<string | undefined> {
  return store.settings.findArchive(address);
}
