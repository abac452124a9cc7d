/**
 * Stopping the Slack bot while a shared page is still being read, with that month's draft out: the
 * read finishes during the stop and starts a redraw, and the stop waits for that redraw too, so the
 * draft shows the page's title before the database closes.
 */
import { afterEach, expect, it } from "vitest";
import type { FetchOutcome, MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import type { Store } from "../../src/core/ports/store.js";
import { DRAFT_AT, draftPages, entryText, reviewedWorkspace, share } from "./draftKit.js";
import { Harness, waitFor } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** The store, with reads of reviews held while `held` is set: a redraw started then waits there. */
function holdingReviews(store: Store, held: () => Promise<void> | null): Store {
  const reviews = new Proxy(store.reviews, {
    get: (target, key) =>
      key === "get"
        ? async (...args: Parameters<Store["reviews"]["get"]>) => {
            await held();
            return target.get(...args);
          }
        : Reflect.get(target, key),
  });
  return new Proxy(store, { get: (target, key) => (key === "reviews" ? reviews : Reflect.get(target, key)) });
}

/** Link #2's line in the draft's first page ("" while there is none). */
const secondEntry = () => {
  const [page] = draftPages(h);
  return page ? entryText(page, 2) : "";
};

it("waits for the draft redraw that a page read finishing during the stop starts", async () => {
  const reads: ((outcome: FetchOutcome) => void)[] = [];
  const fetcher: MetadataFetcher = { fetchMetadata: () => new Promise((resolve) => reads.push(resolve)) };
  let held: Promise<void> | null = null;
  let release = () => {};
  h = await Harness.start({ fetcher, wrapStore: (store) => holdingReviews(store, () => held) });
  await reviewedWorkspace(h);
  await share(h, { url: "https://draft.example/one" });
  h.clock.set?.(DRAFT_AT);
  await h.tick();
  expect(draftPages(h)).toHaveLength(1);

  const added = await h.command("add https://draft.example/late");
  expect(added.status).toBe(200);
  const read = await waitFor(() => reads[0]);
  // The share's own redraw: the link is in the draft, by its address until its page is read.
  await waitFor(() => secondEntry().includes("draft.example/late"));

  // The redraw the read starts waits until the sharer has been shown the title: by then the read's
  // own work is done, and only a stop that waits for redraws after it still sees this one through.
  held = new Promise((resolve) => {
    release = resolve;
  });
  const stopping = h.stopBot();
  read({
    ok: true,
    metadata: {
      title: "A title read late",
      author: null,
      description: null,
      siteName: null,
      canonicalUrl: null,
    },
  });
  await waitFor(() =>
    h.responses.postsTo(added.responseId).some((post) => JSON.stringify(post).includes("A title read late")),
  );
  release();
  await stopping;
  expect(secondEntry()).toContain("A title read late");
});
