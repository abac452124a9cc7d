/**
 * The store's contract: what every port in src/core/ports promises, written once and run on each
 * store (SQLite today; PGlite and a PostgreSQL server beside it). A store file calls
 * `describeStoreContract` with a factory that opens a fresh, migrated, empty database.
 *
 * Only what the ports promise is asserted, never how a store keeps it: no SQL, no error texts of one
 * database. Where a port leaves something open (the order of admins) the test says so and does not
 * pin it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/core/errors.js";
import type { NewCategory } from "../../../src/core/ports/categoryStore.js";
import type { Store } from "../../../src/core/ports/store.js";
import {
  type Category,
  DEFAULT_PICKS,
  DEFAULT_REVIEW,
  DEFAULT_TITLE_TEMPLATE,
  type Link,
  type NewLink,
  type Recommendation,
  type RoundupReview,
  type RoundupRun,
  type Vote,
} from "../../../src/core/types.js";

export interface OpenedStore {
  /** A store on a fresh, migrated database holding nothing. */
  store: Store;
  /**
   * Optional: another store on the same database with its own connection, as another process (or
   * replica) has. Where given, commit visibility and concurrent claims are also checked across the two.
   * `close` closes what it opened.
   */
  connectAnother?: () => Promise<Store>;
  /** Closes the store (one test has closed it already) and whatever `connectAnother` opened, and drops the database. */
  close(): Promise<void>;
}

const A = "local:alpha";
const B = "local:beta";

function newLink(n: number, fields: Partial<NewLink> = {}): NewLink {
  const url = `https://example.com/${n}`;
  return {
    workspace: A,
    url,
    normalizedUrl: url,
    title: null,
    author: null,
    description: null,
    siteName: null,
    note: null,
    categoryId: null,
    sharedById: "u1",
    sharedByName: "Ada",
    sharedAt: 1_000 + n,
    source: "cli",
    canonicalUrl: null,
    ...fields,
  };
}

const NEWS: NewCategory = { name: "News", slug: "news", emoji: "📰" };
const TOOLS: NewCategory = { name: "Tools", slug: "tools", emoji: null };
const TALKS: NewCategory = { name: "Talks", slug: "talks", emoji: "🎤" };

/** A promise the test settles when it chooses: where a transaction waits, mid-way. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** What a promise rejected with; fails the test if it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but it resolved");
}

async function expectUserError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
}

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`the store contract on ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      await store.workspaces.ensure(A, []);
      await store.workspaces.ensure(B, []);
    });
    afterEach(async () => {
      await opened.close();
    });

    const ids = (links: Link[]) => links.map((l) => l.id);
    const add = async (n: number, fields: Partial<NewLink> = {}) =>
      (await store.links.insertOrGet(newLink(n, fields))).link;

    describe("workspaces", () => {
      it("are created once, seeded with the default categories in order, and exist from then on", async () => {
        const fresh = "slack:T-fresh";
        expect(await store.workspaces.exists(fresh)).toBe(false);
        expect(await store.workspaces.ensure(fresh, [NEWS, TOOLS])).toBe(true);
        expect(await store.workspaces.exists(fresh)).toBe(true);
        expect(await store.workspaces.ensure(fresh, [TALKS])).toBe(false);
        const categories = await store.categories.list(fresh);
        expect(
          categories.map(({ name, slug, emoji, position, archived, workspace }) => ({
            name,
            slug,
            emoji,
            position,
            archived,
            workspace,
          })),
        ).toEqual([
          { name: "News", slug: "news", emoji: "📰", position: 0, archived: false, workspace: fresh },
          { name: "Tools", slug: "tools", emoji: null, position: 1, archived: false, workspace: fresh },
        ]);
      });

      it("are not created by reading them", async () => {
        const unknown = "discord:never";
        expect((await store.settings.get(unknown)).channelId).toBeNull();
        expect(await store.links.list(unknown)).toEqual([]);
        expect(await store.categories.list(unknown, { includeArchived: true })).toEqual([]);
        expect(await store.runs.latest(unknown)).toBeUndefined();
        expect(await store.workspaces.exists(unknown)).toBe(false);
      });

      it("created in a transaction that rolls back do not exist, and are created (and seeded) again", async () => {
        const fresh = "slack:T-rolled";
        await expect(
          store.transaction(async (tx) => {
            expect(await tx.workspaces.ensure(fresh, [NEWS])).toBe(true);
            expect(await tx.workspaces.exists(fresh)).toBe(true);
            throw new Error("undo");
          }),
        ).rejects.toThrow("undo");
        expect(await store.workspaces.exists(fresh)).toBe(false);
        expect(await store.categories.list(fresh)).toEqual([]);
        expect(await store.workspaces.ensure(fresh, [NEWS])).toBe(true);
        expect((await store.categories.list(fresh)).map((c) => c.slug)).toEqual(["news"]);
      });
    });

    describe("links", () => {
      it("insertOrGet stores a new link as #1 of its workspace, and get reads it back whole", async () => {
        const expected: Link = {
          id: 1,
          workspace: A,
          url: "https://Example.com/1?utm_source=x",
          normalizedUrl: "https://example.com/1",
          title: "One",
          author: "Grace",
          description: "The first",
          siteName: "Example",
          note: "read this",
          categoryId: null,
          sharedById: "u1",
          sharedByName: "Ada",
          sharedAt: 1_001,
          source: "slack",
          canonicalUrl: null,
          recommendations: [],
          votes: [],
          picked: false,
          dropped: false,
        };
        const result = await store.links.insertOrGet(
          newLink(1, {
            url: "https://Example.com/1?utm_source=x",
            title: "One",
            author: "Grace",
            description: "The first",
            siteName: "Example",
            note: "read this",
            source: "slack",
          }),
        );
        expect(result).toEqual({ created: true, link: expected });
        expect(await store.links.get(A, 1)).toEqual(expected);
      });

      it("are numbered per workspace from 1, and a removed link's number is never given again", async () => {
        expect((await add(1)).id).toBe(1);
        expect((await add(2)).id).toBe(2);
        expect((await store.links.insertOrGet(newLink(1, { workspace: B }))).link.id).toBe(1);
        expect(await store.links.remove(A, 2)).toBe(true);
        expect((await add(3)).id).toBe(3);
        expect(ids(await store.links.list(A))).toEqual([1, 3]);
        expect(ids(await store.links.list(B))).toEqual([1]);
      });

      it("insertOrGet returns the link already stored under the same normalized URL, taking no number", async () => {
        await add(1, { note: "first", sharedById: "u1" });
        const again = await store.links.insertOrGet(
          newLink(1, {
            url: "https://example.com/1#again",
            note: "second",
            sharedById: "u2",
            sharedAt: 9_999,
          }),
        );
        expect(again.created).toBe(false);
        expect(again.link).toMatchObject({
          id: 1,
          url: "https://example.com/1",
          note: "first",
          sharedById: "u1",
          sharedAt: 1_001,
        });
        // A duplicate share used no number: the next link is #2.
        expect((await add(2)).id).toBe(2);
        expect(ids(await store.links.list(A))).toEqual([1, 2]);
      });

      it("insertOrGet returns the link whose canonical URL is the new link's normalized URL", async () => {
        await add(1);
        await store.links.update(A, 1, { canonicalUrl: "https://example.com/canonical" });
        const again = await store.links.insertOrGet(
          newLink(7, {
            url: "https://example.com/canonical",
            normalizedUrl: "https://example.com/canonical",
          }),
        );
        expect(again.created).toBe(false);
        expect(again.link).toMatchObject({ id: 1, normalizedUrl: "https://example.com/1" });
        expect(ids(await store.links.list(A))).toEqual([1]);
      });

      it("findByKey finds a link by its normalized or its canonical URL, in its own workspace only", async () => {
        await add(1);
        await store.links.update(A, 1, { canonicalUrl: "https://example.com/canonical" });
        expect((await store.links.findByKey(A, "https://example.com/1"))?.id).toBe(1);
        expect((await store.links.findByKey(A, "https://example.com/canonical"))?.id).toBe(1);
        expect(await store.links.findByKey(A, "https://example.com/2")).toBeUndefined();
        expect(await store.links.findByKey(B, "https://example.com/1")).toBeUndefined();
        expect(await store.links.findByKey(B, "https://example.com/canonical")).toBeUndefined();
      });

      it("of one URL in two workspaces are two links", async () => {
        const inA = await store.links.insertOrGet(newLink(1));
        const inB = await store.links.insertOrGet(newLink(1, { workspace: B, sharedById: "u9" }));
        expect([inA.created, inB.created]).toEqual([true, true]);
        expect((await store.links.get(B, 1))?.sharedById).toBe("u9");
        expect((await store.links.get(A, 1))?.sharedById).toBe("u1");
      });

      it("keep recommendations in the order they were added, each as given", async () => {
        await add(1);
        const first: Recommendation = { userId: "u2", userName: "Bob", note: "agree", sharedAt: 2_000 };
        const second: Recommendation = { userId: "u3", userName: "Cy", note: null, sharedAt: 1_500 };
        await store.links.addRecommendation(A, 1, first);
        await store.links.addRecommendation(A, 1, second);
        expect((await store.links.get(A, 1))?.recommendations).toEqual([
          { userId: "u2", userName: "Bob", note: "agree", sharedAt: 2_000 },
          { userId: "u3", userName: "Cy", note: null, sharedAt: 1_500 },
        ]);
        expect((await store.links.list(A))[0]?.recommendations).toEqual([first, second]);
        expect((await store.links.findByKey(A, "https://example.com/1"))?.recommendations).toEqual([
          first,
          second,
        ]);
        // A recommendation addressed to another workspace's #1 does not land on this one.
        await store.links.insertOrGet(newLink(5, { workspace: B }));
        await store.links.addRecommendation(B, 1, { userId: "u4", userName: "Di", note: "x", sharedAt: 3 });
        expect((await store.links.get(A, 1))?.recommendations).toHaveLength(2);
        expect((await store.links.get(B, 1))?.recommendations).toEqual([
          { userId: "u4", userName: "Di", note: "x", sharedAt: 3 },
        ]);
      });

      it("get answers undefined for an unknown number and for another workspace's link", async () => {
        await add(1);
        expect(await store.links.get(A, 2)).toBeUndefined();
        expect(await store.links.get(B, 1)).toBeUndefined();
      });

      it("update changes only the given fields, clears those set to null, and answers the link", async () => {
        const category = await store.categories.insert(A, NEWS);
        await add(1, { title: "Old", note: "keep?", author: "Grace" });
        const updated = await store.links.update(A, 1, {
          title: "New",
          note: null,
          categoryId: category.id,
          siteName: "Site",
          description: "About",
          canonicalUrl: "https://example.com/c",
        });
        expect(updated).toMatchObject({
          id: 1,
          title: "New",
          note: null,
          author: "Grace",
          categoryId: category.id,
          siteName: "Site",
          description: "About",
          canonicalUrl: "https://example.com/c",
          url: "https://example.com/1",
        });
        expect(await store.links.get(A, 1)).toEqual(updated);
        expect(await store.links.update(A, 1, {})).toEqual(updated);
        expect(await store.links.update(A, 1, { categoryId: null })).toMatchObject({ categoryId: null });
      });

      it("update answers undefined for an unknown link and never touches another workspace's", async () => {
        await add(1, { title: "Mine" });
        expect(await store.links.update(A, 2, { title: "x" })).toBeUndefined();
        expect(await store.links.update(B, 1, { title: "Theirs" })).toBeUndefined();
        expect((await store.links.get(A, 1))?.title).toBe("Mine");
      });

      it("remove answers whether it removed, and only in its own workspace", async () => {
        await add(1);
        expect(await store.links.remove(B, 1)).toBe(false);
        expect(await store.links.remove(A, 1)).toBe(true);
        expect(await store.links.remove(A, 1)).toBe(false);
        expect(await store.links.get(A, 1)).toBeUndefined();
        expect(await store.links.findByKey(A, "https://example.com/1")).toBeUndefined();
      });

      describe("editors' marks and votes", () => {
        const vote = (userId: string, votedAt: number): Vote => ({
          userId,
          userName: `Name of ${userId}`,
          votedAt,
        });

        it("a new link has no votes and is neither picked nor dropped", async () => {
          const link = await add(1);
          expect(link).toMatchObject({ votes: [], picked: false, dropped: false });
          expect(await store.links.get(A, 1)).toMatchObject({ votes: [], picked: false, dropped: false });
        });

        it("curate picks, drops and restores, leaving a mark not given as it is, and answers the link", async () => {
          await add(1, { title: "One" });
          const picked = await store.links.curate(A, 1, { picked: true });
          expect(picked).toMatchObject({ id: 1, title: "One", picked: true, dropped: false });
          expect(await store.links.get(A, 1)).toEqual(picked);
          expect(await store.links.curate(A, 1, { dropped: true })).toMatchObject({
            picked: true,
            dropped: true,
          });
          expect(await store.links.curate(A, 1, {})).toMatchObject({ picked: true, dropped: true });
          expect(await store.links.curate(A, 1, { picked: false, dropped: false })).toMatchObject({
            picked: false,
            dropped: false,
          });
          expect(await store.links.get(A, 1)).toMatchObject({ picked: false, dropped: false });
        });

        it("curate answers undefined for an unknown link and never marks another workspace's", async () => {
          await add(1);
          expect(await store.links.curate(A, 2, { picked: true })).toBeUndefined();
          expect(await store.links.curate(B, 1, { picked: true, dropped: true })).toBeUndefined();
          expect(await store.links.get(A, 1)).toMatchObject({ picked: false, dropped: false });
        });

        it("addVote counts each person once, keeps votes oldest first, and every read gives them", async () => {
          await add(1);
          expect(await store.links.addVote(A, 1, vote("u2", 2_000))).toBe(true);
          expect(await store.links.addVote(A, 1, vote("u3", 1_500))).toBe(true);
          // The same person again, even later and under another name: not counted.
          expect(await store.links.addVote(A, 1, { userId: "u2", userName: "Bobby", votedAt: 3_000 })).toBe(
            false,
          );
          const votes = [vote("u2", 2_000), vote("u3", 1_500)];
          expect((await store.links.get(A, 1))?.votes).toEqual(votes);
          expect((await store.links.list(A))[0]?.votes).toEqual(votes);
          expect((await store.links.findByKey(A, "https://example.com/1"))?.votes).toEqual(votes);
          expect((await store.links.insertOrGet(newLink(1))).link.votes).toEqual(votes);
          // Votes are not recommendations, nor the other way round.
          expect((await store.links.get(A, 1))?.recommendations).toEqual([]);
        });

        it("addVote answers false for an unknown link and for another workspace's, and changes neither", async () => {
          await add(1);
          await store.links.insertOrGet(newLink(1, { workspace: B }));
          expect(await store.links.addVote(A, 2, vote("u2", 2_000))).toBe(false);
          await store.links.remove(B, 1);
          expect(await store.links.addVote(B, 1, vote("u2", 2_000))).toBe(false);
          expect((await store.links.get(A, 1))?.votes).toEqual([]);
          // A vote for B's #1 lands there only.
          await store.links.insertOrGet(newLink(2, { workspace: B }));
          expect(await store.links.addVote(B, 2, vote("u2", 2_000))).toBe(true);
          expect((await store.links.get(A, 1))?.votes).toEqual([]);
          expect((await store.links.get(B, 2))?.votes).toEqual([vote("u2", 2_000)]);
        });

        it("marks and votes are kept through edits and recommendations", async () => {
          await add(1);
          await store.links.curate(A, 1, { picked: true });
          await store.links.addVote(A, 1, vote("u2", 2_000));
          await store.links.addRecommendation(A, 1, {
            userId: "u3",
            userName: "Cy",
            note: null,
            sharedAt: 5,
          });
          expect(await store.links.update(A, 1, { title: "Edited" })).toMatchObject({
            title: "Edited",
            picked: true,
            dropped: false,
            votes: [vote("u2", 2_000)],
          });
        });

        it("list filters still see every link whatever its marks", async () => {
          await add(1);
          await add(2);
          await store.links.curate(A, 1, { dropped: true });
          await store.links.curate(A, 2, { picked: true });
          expect((await store.links.list(A)).map((l) => [l.id, l.picked, l.dropped])).toEqual([
            [1, false, true],
            [2, true, false],
          ]);
        });
      });

      describe("list", () => {
        it("gives a workspace's links oldest shared first, ties in the order they were stored", async () => {
          await add(1, { sharedAt: 300 });
          await add(2, { sharedAt: 100 });
          await add(3, { sharedAt: 200 });
          await add(4, { sharedAt: 100 });
          await store.links.insertOrGet(newLink(5, { workspace: B, sharedAt: 50 }));
          expect(ids(await store.links.list(A))).toEqual([2, 4, 3, 1]);
          expect(ids(await store.links.list(B))).toEqual([1]);
        });

        it("filters by time: from inclusive, to exclusive", async () => {
          await add(1, { sharedAt: 99 });
          await add(2, { sharedAt: 100 });
          await add(3, { sharedAt: 199 });
          await add(4, { sharedAt: 200 });
          expect(ids(await store.links.list(A, { from: 100, to: 200 }))).toEqual([2, 3]);
          expect(ids(await store.links.list(A, { from: 100 }))).toEqual([2, 3, 4]);
          expect(ids(await store.links.list(A, { to: 100 }))).toEqual([1]);
        });

        it("filters by category, or by having none", async () => {
          const news = await store.categories.insert(A, NEWS);
          const tools = await store.categories.insert(A, TOOLS);
          await add(1, { categoryId: news.id });
          await add(2, { categoryId: null });
          await add(3, { categoryId: tools.id });
          await add(4, { categoryId: news.id });
          expect(ids(await store.links.list(A, { categoryId: news.id }))).toEqual([1, 4]);
          expect(ids(await store.links.list(A, { categoryId: null }))).toEqual([2]);
          expect(ids(await store.links.list(A, {}))).toEqual([1, 2, 3, 4]);
        });

        it("filters by sharer id exactly, and by sharer name in any case", async () => {
          await add(1, { sharedById: "u1", sharedByName: "Ada" });
          await add(2, { sharedById: "u2", sharedByName: "Bob" });
          await add(3, { sharedById: "U1", sharedByName: "ADA" });
          expect(ids(await store.links.list(A, { sharedById: "u1" }))).toEqual([1]);
          expect(ids(await store.links.list(A, { sharedByName: "ada" }))).toEqual([1, 3]);
          expect(ids(await store.links.list(A, { sharedByName: "Ad" }))).toEqual([]);
        });

        it("pages with limit and offset, after filtering and in order", async () => {
          for (let n = 1; n <= 5; n++) await add(n, { sharedAt: 100 - n });
          expect(ids(await store.links.list(A, { limit: 2 }))).toEqual([5, 4]);
          expect(ids(await store.links.list(A, { limit: 2, offset: 2 }))).toEqual([3, 2]);
          expect(ids(await store.links.list(A, { limit: 2, offset: 4 }))).toEqual([1]);
          expect(ids(await store.links.list(A, { limit: 10, offset: 5 }))).toEqual([]);
          expect(ids(await store.links.list(A, { to: 97, limit: 1, offset: 1 }))).toEqual([4]);
          expect(ids(await store.links.list(A, { limit: 0 }))).toEqual([]);
        });

        it("skips `offset` links even without a limit", async () => {
          for (let n = 1; n <= 4; n++) await add(n);
          expect(ids(await store.links.list(A, { offset: 1 }))).toEqual([2, 3, 4]);
        });

        it("combines every filter", async () => {
          const news = await store.categories.insert(A, NEWS);
          await add(1, { categoryId: news.id, sharedByName: "Ada", title: "rust tips", sharedAt: 10 });
          await add(2, { categoryId: news.id, sharedByName: "Ada", title: "rust tips", sharedAt: 30 });
          await add(3, { categoryId: news.id, sharedByName: "Bob", title: "rust tips", sharedAt: 11 });
          await add(4, { categoryId: null, sharedByName: "Ada", title: "rust tips", sharedAt: 12 });
          await add(5, { categoryId: news.id, sharedByName: "Ada", title: "go tips", sharedAt: 13 });
          await add(6, { categoryId: news.id, sharedByName: "Ada", title: "Rust Tips", sharedAt: 14 });
          expect(
            ids(
              await store.links.list(A, {
                from: 10,
                to: 20,
                categoryId: news.id,
                sharedById: "u1",
                sharedByName: "ada",
                search: "rust",
              }),
            ),
          ).toEqual([1, 6]);
        });
      });

      describe("search", () => {
        beforeEach(async () => {
          await add(1, { title: "Rust ownership explained" });
          await add(2, { note: "a great read on ownership" });
          await add(3, { author: "Niko Matsakis" });
          await add(4, { description: "All about lifetimes" });
          await add(5, {
            url: "https://blog.example.org/borrowck",
            normalizedUrl: "https://blog.example.org/borrowck",
          });
          await add(6, { sharedByName: "Ferris" });
          await add(7, { siteName: "Sitename only", sharedById: "needle-id" });
          await add(8);
          await store.links.addRecommendation(A, 8, {
            userId: "rec-user-id",
            userName: "Quinn",
            note: "concurrency gold",
            sharedAt: 5,
          });
          await add(9, { title: "100% real_deal" });
          await add(10, { title: "1000 realXdeal" });
        });
        const found = async (search: string) => ids(await store.links.list(A, { search }));

        it("finds words in the title, note, author, description, URL and sharer's name", async () => {
          expect(await found("ownership")).toEqual([1, 2]);
          expect(await found("matsakis")).toEqual([3]);
          expect(await found("lifetimes")).toEqual([4]);
          expect(await found("borrowck")).toEqual([5]);
          expect(await found("ferris")).toEqual([6]);
        });

        it("finds words in a recommendation's note and recommender's name", async () => {
          expect(await found("concurrency")).toEqual([8]);
          expect(await found("quinn")).toEqual([8]);
        });

        it("ignores ASCII case and finds parts of words", async () => {
          expect(await found("RUST")).toEqual([1]);
          expect(await found("owner")).toEqual([1, 2]);
        });

        it("needs every word, each anywhere in the link", async () => {
          expect(await found("rust ownership")).toEqual([1]);
          expect(await found("  rust   explained ")).toEqual([1]);
          expect(await found("rust great")).toEqual([]);
          expect(await found("quinn gold")).toEqual([8]);
        });

        it("searches text only: not ids, site names, times or the recommendations' field names", async () => {
          expect(await found("needle-id")).toEqual([]);
          expect(await found("Sitename")).toEqual([]);
          expect(await found("rec-user-id")).toEqual([]);
          expect(await found("userName")).toEqual([]);
          expect(await found("sharedAt")).toEqual([]);
          expect(await found("userId")).toEqual([]);
        });

        it("takes % and _ as the characters they are", async () => {
          expect(await found("100%")).toEqual([9]);
          expect(await found("real_deal")).toEqual([9]);
          expect(await found("%")).toEqual([9]);
        });
      });
    });

    describe("categories", () => {
      it("insert appends each at the end and answers it whole", async () => {
        const news = await store.categories.insert(A, NEWS);
        const tools = await store.categories.insert(A, TOOLS);
        expect(news).toEqual({
          id: news.id,
          workspace: A,
          name: "News",
          slug: "news",
          emoji: "📰",
          position: 0,
          archived: false,
        } satisfies Category);
        expect(tools).toMatchObject({ workspace: A, name: "Tools", slug: "tools", emoji: null, position: 1 });
        expect(news.id).not.toBe(tools.id);
        expect(await store.categories.list(A)).toEqual([news, tools]);
        // Each workspace counts positions of its own.
        expect((await store.categories.insert(B, TALKS)).position).toBe(0);
      });

      it("list leaves archived ones out unless asked", async () => {
        const news = await store.categories.insert(A, NEWS);
        const tools = await store.categories.insert(A, TOOLS);
        const archived = await store.categories.update(A, news.id, { archived: true });
        expect(archived).toEqual({ ...news, archived: true });
        expect(await store.categories.list(A)).toEqual([tools]);
        expect(await store.categories.list(A, { includeArchived: true })).toEqual([archived, tools]);
        expect(await store.categories.update(A, news.id, { archived: false })).toEqual(news);
      });

      it("refuse a taken slug, or a taken name in any case, within one workspace only", async () => {
        await store.categories.insert(A, NEWS);
        await expectUserError(
          store.categories.insert(A, { name: "Headlines", slug: "news", emoji: null }),
          "category.exists",
        );
        await expectUserError(
          store.categories.insert(A, { name: "nEWS", slug: "news-2", emoji: null }),
          "category.exists",
        );
        expect((await store.categories.list(A)).map((c) => c.name)).toEqual(["News"]);
        expect(await store.categories.insert(B, NEWS)).toMatchObject({ workspace: B, name: "News" });
      });

      it("for a workspace never created are not refused as a taken name", async () => {
        // The ports leave open whether such a write creates the workspace or is refused; it is never
        // a clash with a category that does not exist.
        const outcome = await store.categories.insert("local:nobody", NEWS).then(
          () => "stored",
          (error: unknown) => (error instanceof UserError ? error.code : "refused"),
        );
        expect(outcome).not.toBe("category.exists");
        expect(await store.workspaces.exists("local:nobody")).toBe(outcome === "stored");
      });

      it("update renames and re-emojis, refusing another's name in any case but not its own", async () => {
        const news = await store.categories.insert(A, NEWS);
        const tools = await store.categories.insert(A, TOOLS);
        expect(
          await store.categories.update(A, news.id, { name: "Headlines", slug: "headlines", emoji: null }),
        ).toEqual({
          ...news,
          name: "Headlines",
          slug: "headlines",
          emoji: null,
        });
        await expectUserError(store.categories.update(A, tools.id, { name: "HEADLINES" }), "category.exists");
        await expectUserError(store.categories.update(A, tools.id, { slug: "headlines" }), "category.exists");
        expect(await store.categories.update(A, tools.id, { name: "TOOLS" })).toMatchObject({
          name: "TOOLS",
        });
        expect((await store.categories.list(A)).map((c) => [c.name, c.slug])).toEqual([
          ["Headlines", "headlines"],
          ["TOOLS", "tools"],
        ]);
      });

      it("update of an unknown category, or another workspace's, fails with category.unknown", async () => {
        const news = await store.categories.insert(A, NEWS);
        await expectUserError(store.categories.update(A, news.id + 1000, { name: "X" }), "category.unknown");
        await expectUserError(store.categories.update(B, news.id, { name: "X" }), "category.unknown");
        expect((await store.categories.list(A))[0]?.name).toBe("News");
      });

      it("remove deletes the category, moves its links to no category and counts them", async () => {
        const news = await store.categories.insert(A, NEWS);
        const tools = await store.categories.insert(A, TOOLS);
        await add(1, { categoryId: news.id });
        await add(2, { categoryId: tools.id });
        await add(3, { categoryId: news.id });
        expect(await store.categories.remove(A, news.id)).toBe(2);
        expect(await store.categories.list(A, { includeArchived: true })).toEqual([tools]);
        expect((await store.links.list(A)).map((l) => [l.id, l.categoryId])).toEqual([
          [1, null],
          [2, tools.id],
          [3, null],
        ]);
        expect(await store.categories.remove(A, tools.id + 1000)).toBe(0);
      });

      it("remove leaves another workspace's category and links alone", async () => {
        const news = await store.categories.insert(A, NEWS);
        await add(1, { categoryId: news.id });
        expect(await store.categories.remove(B, news.id)).toBe(0);
        expect(await store.categories.list(A)).toEqual([news]);
        expect((await store.links.get(A, 1))?.categoryId).toBe(news.id);
      });

      it("reorder saves the given order, and a new one still goes last", async () => {
        const news = await store.categories.insert(A, NEWS);
        const tools = await store.categories.insert(A, TOOLS);
        const talks = await store.categories.insert(A, TALKS);
        await store.categories.reorder(A, [talks.id, news.id, tools.id]);
        expect((await store.categories.list(A)).map((c) => [c.slug, c.position])).toEqual([
          ["talks", 0],
          ["news", 1],
          ["tools", 2],
        ]);
        const more = await store.categories.insert(A, { name: "More", slug: "more", emoji: null });
        expect(more.position).toBe(3);
        expect((await store.categories.list(A)).map((c) => c.slug)).toEqual([
          "talks",
          "news",
          "tools",
          "more",
        ]);
        // Another workspace's reorder does not move these.
        await store.categories.reorder(B, [tools.id, news.id]);
        expect((await store.categories.list(A)).map((c) => c.slug)).toEqual([
          "talks",
          "news",
          "tools",
          "more",
        ]);
      });
    });

    describe("settings", () => {
      it("read as the defaults for a workspace nobody configured", async () => {
        expect(await store.settings.get(A)).toEqual({
          workspace: A,
          channelId: null,
          schedule: { day: 1, time: "09:00", timeZone: "UTC" },
          titleTemplate: DEFAULT_TITLE_TEMPLATE,
          intro: null,
          admins: [],
          quietMonthNote: false,
          nextDue: null,
          adminNotice: null,
          archive: { mode: "off", token: null, slug: null },
          order: "shared",
          picks: { title: "Picks of the month", emoji: "⭐" },
          review: { days: 0, channelId: null },
        });
        expect(DEFAULT_TITLE_TEMPLATE).toBe("What we've been reading in {month}");
        expect(DEFAULT_PICKS).toEqual({ title: "Picks of the month", emoji: "⭐" });
        expect(DEFAULT_REVIEW).toEqual({ days: 0, channelId: null });
        // A workspace configured otherwise reads the same defaults for what nobody set.
        await store.settings.setChannel(B, "C1");
        expect(await store.settings.get(B)).toMatchObject({
          order: "shared",
          picks: DEFAULT_PICKS,
          review: DEFAULT_REVIEW,
        });
      });

      it("each setter changes its own field and keeps the others", async () => {
        await store.settings.setChannel(A, "C1");
        await store.settings.setSchedule(A, { day: 15, time: "17:30", timeZone: "Europe/Berlin" });
        await store.settings.setTitleTemplate(A, "Reads of {month}");
        await store.settings.setIntro(A, "Hello");
        await store.settings.setQuietMonthNote(A, true);
        await store.settings.setNextDue(A, { period: "2026-08", at: 1_785_000_000_000 });
        await store.settings.setAdminNotice(A, "No channel");
        await store.settings.setArchive(A, { mode: "public", token: "t1", slug: "alpha" });
        await store.settings.setOrder(A, "votes");
        await store.settings.setPicks(A, { title: "Editors' choice", emoji: "🏆" });
        await store.settings.setReview(A, { days: 3, channelId: "C-review" });
        await store.settings.setChannel(A, "C2");
        expect(await store.settings.get(A)).toEqual({
          workspace: A,
          channelId: "C2",
          schedule: { day: 15, time: "17:30", timeZone: "Europe/Berlin" },
          titleTemplate: "Reads of {month}",
          intro: "Hello",
          admins: [],
          quietMonthNote: true,
          nextDue: { period: "2026-08", at: 1_785_000_000_000 },
          adminNotice: "No channel",
          archive: { mode: "public", token: "t1", slug: "alpha" },
          order: "votes",
          picks: { title: "Editors' choice", emoji: "🏆" },
          review: { days: 3, channelId: "C-review" },
        });
        expect((await store.settings.get(B)).channelId).toBeNull();
      });

      it("keep the archive's mode, token and slug, and find an archive by its address only in its mode", async () => {
        await store.settings.setChannel(A, "C1");
        await store.settings.setArchive(A, { mode: "private", token: "t0ken-a", slug: null });
        expect((await store.settings.get(A)).archive).toEqual({
          mode: "private",
          token: "t0ken-a",
          slug: null,
        });
        expect((await store.settings.get(A)).channelId).toBe("C1");
        expect(await store.settings.findArchive({ token: "t0ken-a" })).toBe(A);
        expect(await store.settings.findArchive({ token: "t0ken-b" })).toBeUndefined();
        expect(await store.settings.findArchive({ slug: "t0ken-a" })).toBeUndefined();

        await store.settings.setArchive(B, { mode: "public", token: null, slug: "team-b" });
        expect(await store.settings.findArchive({ slug: "team-b" })).toBe(B);
        // Off keeps the address for later, but it no longer leads anywhere.
        await store.settings.setArchive(A, { mode: "off", token: "t0ken-a", slug: null });
        expect(await store.settings.findArchive({ token: "t0ken-a" })).toBeUndefined();
        expect((await store.settings.get(A)).archive.token).toBe("t0ken-a");
      });

      it("refuse a slug another workspace's archive has, and change nothing", async () => {
        await store.settings.setArchive(B, { mode: "public", token: null, slug: "team" });
        await expectUserError(
          store.settings.setArchive(A, { mode: "public", token: null, slug: "team" }),
          "archive.slugTaken",
        );
        expect((await store.settings.get(A)).archive.mode).toBe("off");
        await store.settings.setArchive(B, { mode: "public", token: null, slug: "team" });
        expect(await store.settings.findArchive({ slug: "team" })).toBe(B);
      });

      it("set to null or false go back to nothing", async () => {
        await store.settings.setChannel(A, "C1");
        await store.settings.setIntro(A, "Hello");
        await store.settings.setQuietMonthNote(A, true);
        await store.settings.setNextDue(A, { period: "2026-08", at: 5 });
        await store.settings.setAdminNotice(A, "Hey");
        await store.settings.setChannel(A, null);
        await store.settings.setIntro(A, null);
        await store.settings.setQuietMonthNote(A, false);
        await store.settings.setNextDue(A, null);
        await store.settings.setAdminNotice(A, null);
        expect(await store.settings.get(A)).toMatchObject({
          channelId: null,
          intro: null,
          quietMonthNote: false,
          nextDue: null,
          adminNotice: null,
        });
      });

      it("keep the order, the picks' title and emoji (or none), and the review's days and channel", async () => {
        await store.settings.setOrder(A, "votes");
        await store.settings.setPicks(A, { title: "Our picks", emoji: null });
        await store.settings.setReview(A, { days: 2, channelId: "C-edit" });
        expect(await store.settings.get(A)).toMatchObject({
          order: "votes",
          picks: { title: "Our picks", emoji: null },
          review: { days: 2, channelId: "C-edit" },
        });
        await store.settings.setOrder(A, "shared");
        await store.settings.setPicks(A, { title: "Our picks", emoji: "🌟" });
        await store.settings.setReview(A, { days: 0, channelId: null });
        expect(await store.settings.get(A)).toMatchObject({
          order: "shared",
          picks: { title: "Our picks", emoji: "🌟" },
          review: { days: 0, channelId: null },
        });
        expect(await store.settings.get(B)).toMatchObject({
          order: "shared",
          picks: DEFAULT_PICKS,
          review: DEFAULT_REVIEW,
        });
      });

      it("keep each admin once per workspace, and removeAdmin answers whether it removed one", async () => {
        // The port names no order for admins: compared sorted.
        const sorted = async (workspace: string) =>
          (await store.settings.get(workspace)).admins.map((a) => `${a.kind}:${a.id}`).sort();
        await store.settings.addAdmin(A, { kind: "user", id: "U1" });
        await store.settings.addAdmin(A, { kind: "role", id: "R1" });
        await store.settings.addAdmin(A, { kind: "user", id: "U1" });
        await store.settings.addAdmin(A, { kind: "role", id: "U1" });
        await store.settings.addAdmin(B, { kind: "user", id: "U9" });
        expect(await sorted(A)).toEqual(["role:R1", "role:U1", "user:U1"]);
        expect((await store.settings.get(A)).admins).toContainEqual({ kind: "user", id: "U1" });
        expect(await store.settings.removeAdmin(A, { kind: "user", id: "U1" })).toBe(true);
        expect(await store.settings.removeAdmin(A, { kind: "user", id: "U1" })).toBe(false);
        expect(await store.settings.removeAdmin(A, { kind: "user", id: "U9" })).toBe(false);
        expect(await sorted(A)).toEqual(["role:R1", "role:U1"]);
        expect(await sorted(B)).toEqual(["user:U9"]);
        // Admins of a workspace without a settings row come with its defaults.
        expect((await store.settings.get(B)).channelId).toBeNull();
      });

      it("due lists the platforms' workspaces due at or before now, most overdue first, up to limit", async () => {
        const workspaces = ["discord:1", "discord:2", "slack:1", "slack:2", "local:1", "discord:3"];
        for (const workspace of workspaces) await store.workspaces.ensure(workspace, []);
        await store.settings.setNextDue("discord:1", { period: "2026-07", at: 100 });
        await store.settings.setNextDue("slack:1", { period: "2026-06", at: 50 });
        await store.settings.setNextDue("local:1", { period: "2026-05", at: 10 });
        await store.settings.setNextDue("discord:2", { period: "2026-07", at: 151 });
        await store.settings.setNextDue("slack:2", { period: "2026-07", at: 150 });
        await store.settings.setChannel("discord:3", "C3");
        expect(await store.settings.due(150, 10, ["discord", "slack"])).toEqual([
          { workspace: "slack:1", period: "2026-06", at: 50 },
          { workspace: "discord:1", period: "2026-07", at: 100 },
          { workspace: "slack:2", period: "2026-07", at: 150 },
        ]);
        expect(await store.settings.due(150, 2, ["slack", "discord"])).toEqual([
          { workspace: "slack:1", period: "2026-06", at: 50 },
          { workspace: "discord:1", period: "2026-07", at: 100 },
        ]);
        expect(await store.settings.due(150, 10, ["discord"])).toEqual([
          { workspace: "discord:1", period: "2026-07", at: 100 },
        ]);
        expect(await store.settings.due(1_000, 10, ["local"])).toEqual([
          { workspace: "local:1", period: "2026-05", at: 10 },
        ]);
        expect(await store.settings.due(150, 10, [])).toEqual([]);
        expect(await store.settings.due(49, 10, ["discord", "slack"])).toEqual([]);
        await store.settings.setNextDue("slack:1", null);
        expect(await store.settings.due(150, 10, ["slack"])).toEqual([
          { workspace: "slack:2", period: "2026-07", at: 150 },
        ]);
      });
    });

    describe("the roundup ledger", () => {
      const claim = (
        fields: Partial<{
          workspace: string;
          period: string;
          owner: string;
          now: number;
          leaseUntil: number;
        }> & {
          mode?: "scheduled" | "manual" | "force";
        } = {},
      ) =>
        store.runs.claim({
          workspace: A,
          period: "2026-07",
          owner: "p1",
          now: 1_000,
          leaseUntil: 2_000,
          mode: "scheduled",
          ...fields,
        });

      it("claim takes a new period and answers its row", async () => {
        const run = await claim();
        expect(run).toEqual({
          id: (run as RoundupRun).id,
          workspace: A,
          period: "2026-07",
          status: "posting",
          messageIds: [],
          claimedBy: "p1",
          leaseUntil: 2_000,
          attempts: 1,
          lastError: null,
          updatedAt: 1_000,
        } satisfies RoundupRun);
        expect(await store.runs.get(A, "2026-07")).toEqual(run);
        expect(await store.runs.get(A, "2026-08")).toBeUndefined();
        expect(await store.runs.get(B, "2026-07")).toBeUndefined();
      });

      it("claim refuses a period being posted under a live lease, in every mode", async () => {
        await claim();
        expect(await claim({ owner: "p2", now: 1_500, leaseUntil: 3_000 })).toBeNull();
        expect(await claim({ owner: "p2", now: 1_500, leaseUntil: 3_000, mode: "manual" })).toBeNull();
        expect(await claim({ owner: "p2", now: 1_500, leaseUntil: 3_000, mode: "force" })).toBeNull();
        expect(await store.runs.get(A, "2026-07")).toMatchObject({ claimedBy: "p1", attempts: 1 });
        // The same period of another workspace is its own.
        expect(await claim({ workspace: B, owner: "p2" })).toMatchObject({ workspace: B, claimedBy: "p2" });
      });

      it("recordMessage adds ids in order and extends the lease while the claim holds", async () => {
        const run = (await claim()) as RoundupRun;
        expect(await store.runs.recordMessage(run.id, "p1", "m1", 2_500, 1_100)).toBe(true);
        expect(await store.runs.recordMessage(run.id, "p1", "m2", 2_600, 1_200)).toBe(true);
        expect(await store.runs.recordMessage(run.id, "p2", "mX", 9_999, 1_300)).toBe(false);
        expect(await store.runs.get(A, "2026-07")).toMatchObject({
          messageIds: ["m1", "m2"],
          leaseUntil: 2_600,
          updatedAt: 1_200,
          claimedBy: "p1",
        });
      });

      it("claim resumes a post whose lease expired, keeping what was posted; the old owner has lost it", async () => {
        const first = (await claim()) as RoundupRun;
        await store.runs.recordMessage(first.id, "p1", "m1", 2_000, 1_100);
        const resumed = await claim({ owner: "p2", now: 2_001, leaseUntil: 5_000 });
        expect(resumed).toEqual({
          ...first,
          messageIds: ["m1"],
          claimedBy: "p2",
          leaseUntil: 5_000,
          attempts: 2,
          updatedAt: 2_001,
        });
        expect(await store.runs.recordMessage(first.id, "p1", "late", 9_000, 2_100)).toBe(false);
        await store.runs.finish(first.id, "p1", "posted", null, 2_200);
        expect(await store.runs.get(A, "2026-07")).toMatchObject({ status: "posting", claimedBy: "p2" });
        expect(await store.runs.recordMessage(first.id, "p2", "m2", 6_000, 2_300)).toBe(true);
        expect((await store.runs.get(A, "2026-07"))?.messageIds).toEqual(["m1", "m2"]);
      });

      it("finish records the outcome and ends the lease; a finished period is not claimed again but by force", async () => {
        const run = (await claim()) as RoundupRun;
        await store.runs.recordMessage(run.id, "p1", "m1", 2_000, 1_100);
        await store.runs.finish(run.id, "p1", "posted", null, 1_200);
        expect(await store.runs.get(A, "2026-07")).toEqual({
          ...run,
          status: "posted",
          messageIds: ["m1"],
          leaseUntil: null,
          lastError: null,
          updatedAt: 1_200,
        });
        expect(await claim({ now: 5_000, leaseUntil: 6_000 })).toBeNull();
        expect(await claim({ now: 5_000, leaseUntil: 6_000, mode: "manual" })).toBeNull();
        const again = await claim({ owner: "admin", now: 5_000, leaseUntil: 6_000, mode: "force" });
        expect(again).toEqual({
          ...run,
          status: "posting",
          messageIds: [],
          claimedBy: "admin",
          leaseUntil: 6_000,
          attempts: 2,
          lastError: null,
          updatedAt: 5_000,
        });
      });

      it("a failed post is resumed by hand with its messages, not by the schedule", async () => {
        const run = (await claim()) as RoundupRun;
        await store.runs.recordMessage(run.id, "p1", "m1", 2_000, 1_100);
        await store.runs.finish(run.id, "p1", "failed", "Missing Access", 1_200);
        expect(await store.runs.get(A, "2026-07")).toMatchObject({
          status: "failed",
          lastError: "Missing Access",
          leaseUntil: null,
          messageIds: ["m1"],
        });
        expect(await claim({ now: 3_000, leaseUntil: 4_000 })).toBeNull();
        expect(await claim({ owner: "admin", now: 3_000, leaseUntil: 4_000, mode: "manual" })).toMatchObject({
          status: "posting",
          messageIds: ["m1"],
          claimedBy: "admin",
          attempts: 2,
          lastError: null,
          leaseUntil: 4_000,
        });
      });

      it("quiet and failed outcomes keep their status; force starts any finished one over", async () => {
        const run = (await claim()) as RoundupRun;
        await store.runs.finish(run.id, "p1", "quiet", null, 1_100);
        expect((await store.runs.get(A, "2026-07"))?.status).toBe("quiet");
        expect(await claim({ now: 3_000, leaseUntil: 4_000, mode: "manual" })).toBeNull();
        expect(await claim({ now: 3_000, leaseUntil: 4_000, mode: "force" })).toMatchObject({
          status: "posting",
          attempts: 2,
        });
      });

      it("recordSkipped writes a skipped row unless the period has one", async () => {
        await store.runs.recordSkipped(A, "2026-06", "too late", 1_000);
        const skipped = await store.runs.get(A, "2026-06");
        expect(skipped).toEqual({
          id: (skipped as RoundupRun).id,
          workspace: A,
          period: "2026-06",
          status: "skipped",
          messageIds: [],
          claimedBy: null,
          leaseUntil: null,
          attempts: 0,
          lastError: "too late",
          updatedAt: 1_000,
        } satisfies RoundupRun);
        await store.runs.recordSkipped(A, "2026-06", "again", 2_000);
        expect(await store.runs.get(A, "2026-06")).toEqual(skipped);

        const posting = (await claim()) as RoundupRun;
        await store.runs.recordSkipped(A, "2026-07", "too late", 1_500);
        expect(await store.runs.get(A, "2026-07")).toEqual(posting);

        expect(await claim({ period: "2026-06", now: 3_000, leaseUntil: 4_000 })).toBeNull();
        expect(await claim({ period: "2026-06", now: 3_000, leaseUntil: 4_000, mode: "manual" })).toBeNull();
        expect(
          await claim({ period: "2026-06", owner: "admin", now: 3_000, leaseUntil: 4_000, mode: "force" }),
        ).toMatchObject({
          status: "posting",
          claimedBy: "admin",
          attempts: 1,
          lastError: null,
          messageIds: [],
        });
      });

      it("latest is the workspace's most recently updated run", async () => {
        expect(await store.runs.latest(A)).toBeUndefined();
        const july = (await claim({ period: "2026-07", now: 1_000 })) as RoundupRun;
        await claim({ period: "2026-08", now: 2_000, leaseUntil: 3_000 });
        await store.runs.recordSkipped(B, "2026-09", "late", 9_000);
        expect((await store.runs.latest(A))?.period).toBe("2026-08");
        await store.runs.recordMessage(july.id, "p1", "m1", 4_000, 3_000);
        expect((await store.runs.latest(A))?.period).toBe("2026-07");
        await store.runs.recordSkipped(A, "2026-05", "late", 3_500);
        expect(await store.runs.latest(A)).toMatchObject({ period: "2026-05", status: "skipped" });
        expect((await store.runs.latest(B))?.period).toBe("2026-09");
      });
    });

    describe("the editors' reviews", () => {
      const DAY = 86_400_000;
      const openReview = (
        fields: Partial<{ workspace: string; period: string; channelId: string; now: number }> = {},
      ) =>
        store.reviews.open({ workspace: A, period: "2026-07", channelId: "C-edit", now: 1_000, ...fields });

      it("open starts a period's review and answers it; a second open answers null and changes nothing", async () => {
        const review = await openReview();
        expect(review).toEqual({
          workspace: A,
          period: "2026-07",
          channelId: "C-edit",
          messageIds: [],
          heldBy: null,
          version: 0,
          remindedAt: null,
          createdAt: 1_000,
        } satisfies RoundupReview);
        expect(await store.reviews.get(A, "2026-07")).toEqual(review);
        expect(await openReview({ channelId: "C-other", now: 2_000 })).toBeNull();
        expect(await store.reviews.get(A, "2026-07")).toEqual(review);
        // Another period, or the same period of another workspace, is a review of its own.
        expect(await openReview({ period: "2026-08" })).toMatchObject({ period: "2026-08" });
        expect(await openReview({ workspace: B })).toMatchObject({ workspace: B, period: "2026-07" });
      });

      it("get answers undefined for a period nobody opened and for another workspace's review", async () => {
        await openReview();
        expect(await store.reviews.get(A, "2026-08")).toBeUndefined();
        expect(await store.reviews.get(B, "2026-07")).toBeUndefined();
      });

      it("records the draft's messages over the ids a drawing started from, and only those", async () => {
        await openReview();
        expect(await store.reviews.setMessages(A, "2026-07", ["m1", "m2"], [])).toBe(true);
        // Another drawing recorded first: this one's ids are refused and nothing changes.
        expect(await store.reviews.setMessages(A, "2026-07", ["m9"], [])).toBe(false);
        expect(await store.reviews.setMessages(A, "2026-07", ["m9"], ["m2", "m1"])).toBe(false);
        expect((await store.reviews.get(A, "2026-07"))?.messageIds).toEqual(["m1", "m2"]);
        expect(await store.reviews.setMessages(A, "2026-07", ["m3", "m2"], ["m1", "m2"])).toBe(true);
        expect((await store.reviews.get(A, "2026-07"))?.messageIds).toEqual(["m3", "m2"]);
        expect(await store.reviews.setMessages(B, "2026-07", ["m1"], [])).toBe(false);
      });

      it("keeps the draft's messages in order, who held it, and when reviewers were reminded", async () => {
        await openReview();
        await openReview({ workspace: B });
        await store.reviews.setMessages(A, "2026-07", ["m1", "m2"]);
        await store.reviews.setHeld(A, "2026-07", "u-editor");
        await store.reviews.setRemindedAt(A, "2026-07", 5_000);
        expect(await store.reviews.get(A, "2026-07")).toMatchObject({
          messageIds: ["m1", "m2"],
          heldBy: "u-editor",
          remindedAt: 5_000,
          version: 0,
        });
        // Posted again after one was deleted; released.
        await store.reviews.setMessages(A, "2026-07", ["m3"]);
        await store.reviews.setHeld(A, "2026-07", null);
        expect(await store.reviews.get(A, "2026-07")).toMatchObject({ messageIds: ["m3"], heldBy: null });
        expect(await store.reviews.get(B, "2026-07")).toMatchObject({
          messageIds: [],
          heldBy: null,
          remindedAt: null,
        });
      });

      it("bump raises the version by one each time and answers it; 0 and no review where there is none", async () => {
        await openReview();
        expect(await store.reviews.bump(A, "2026-07")).toBe(1);
        expect(await store.reviews.bump(A, "2026-07")).toBe(2);
        expect((await store.reviews.get(A, "2026-07"))?.version).toBe(2);
        expect(await store.reviews.bump(B, "2026-07")).toBe(0);
        expect(await store.reviews.get(B, "2026-07")).toBeUndefined();
        // Changes to a review nobody opened create none.
        await store.reviews.setHeld(B, "2026-07", "u1");
        await store.reviews.setMessages(B, "2026-07", ["m1"]);
        await store.reviews.setRemindedAt(B, "2026-07", 1);
        expect(await store.reviews.get(B, "2026-07")).toBeUndefined();
      });

      it("draftsDue lists the platforms' workspaces whose draft is due, with review on and no review yet, earliest first", async () => {
        const review = async (
          workspace: string,
          days: number,
          channelId: string | null,
          at: number | null,
        ) => {
          await store.workspaces.ensure(workspace, []);
          await store.settings.setReview(workspace, { days, channelId });
          if (at !== null) await store.settings.setNextDue(workspace, { period: "2026-07", at });
        };
        await review("discord:two-days", 2, "C1", 10 * DAY); // draft at day 8
        await review("slack:a-month", 28, "C2", 37 * DAY); // draft at day 9
        await review("discord:off", 0, "C3", 5 * DAY);
        await review("discord:no-channel", 2, null, 5 * DAY);
        await review("discord:not-planned", 2, "C4", null);
        await review("local:cli", 1, "C5", 2 * DAY); // draft at day 1
        await store.workspaces.ensure("discord:plain", []);
        await store.settings.setNextDue("discord:plain", { period: "2026-07", at: DAY });
        const twoDays = {
          workspace: "discord:two-days",
          period: "2026-07",
          roundupAt: 10 * DAY,
          channelId: "C1",
        };
        const aMonth = {
          workspace: "slack:a-month",
          period: "2026-07",
          roundupAt: 37 * DAY,
          channelId: "C2",
        };

        expect(await store.reviews.draftsDue(8 * DAY - 1, 10, ["discord", "slack"])).toEqual([]);
        expect(await store.reviews.draftsDue(8 * DAY, 10, ["discord", "slack"])).toEqual([twoDays]);
        expect(await store.reviews.draftsDue(20 * DAY, 10, ["slack", "discord"])).toEqual([twoDays, aMonth]);
        expect(await store.reviews.draftsDue(20 * DAY, 1, ["discord", "slack"])).toEqual([twoDays]);
        expect(await store.reviews.draftsDue(20 * DAY, 10, ["slack"])).toEqual([aMonth]);
        expect(await store.reviews.draftsDue(20 * DAY, 10, [])).toEqual([]);
        expect(await store.reviews.draftsDue(20 * DAY, 10, ["local"])).toEqual([
          { workspace: "local:cli", period: "2026-07", roundupAt: 2 * DAY, channelId: "C5" },
        ]);

        // Opened: not due again for that period; a review of another period changes nothing.
        await store.reviews.open({
          workspace: "discord:two-days",
          period: "2026-07",
          channelId: "C1",
          now: 8 * DAY,
        });
        await store.reviews.open({ workspace: "slack:a-month", period: "2026-06", channelId: "C2", now: 1 });
        expect(await store.reviews.draftsDue(20 * DAY, 10, ["discord", "slack"])).toEqual([aMonth]);
        // The next roundup planned: its draft is due in its own window.
        await store.settings.setNextDue("discord:two-days", { period: "2026-08", at: 41 * DAY });
        expect(await store.reviews.draftsDue(38 * DAY, 10, ["discord", "slack"])).toEqual([aMonth]);
        expect(await store.reviews.draftsDue(39 * DAY, 10, ["discord", "slack"])).toEqual([
          aMonth,
          { workspace: "discord:two-days", period: "2026-08", roundupAt: 41 * DAY, channelId: "C1" },
        ]);
        // Review turned off: no draft.
        await store.settings.setReview("slack:a-month", { days: 0, channelId: "C2" });
        expect(await store.reviews.draftsDue(39 * DAY, 10, ["slack"])).toEqual([]);
      });
    });

    describe("the request log", () => {
      it("remembers a signature once until it expires", async () => {
        expect(await store.requestLog.remember("v0=a", 10_000, 1_000)).toBe(true);
        expect(await store.requestLog.remember("v0=a", 10_000, 9_999)).toBe(false);
        expect(await store.requestLog.remember("v0=b", 10_000, 9_999)).toBe(true);
        expect(await store.requestLog.remember("v0=a", 20_000, 10_000)).toBe(true);
        // Taken again, it is remembered until its new expiry.
        expect(await store.requestLog.remember("v0=a", 20_000, 15_000)).toBe(false);
        expect(await store.requestLog.remember("v0=a", 30_000, 20_000)).toBe(true);
      });

      it("keeps a signature past a sweep that forgets the expired ones", async () => {
        expect(await store.requestLog.remember("v0=old", 5_000, 1_000)).toBe(true);
        expect(await store.requestLog.remember("v0=kept", 500_000, 2_000)).toBe(true);
        expect(await store.requestLog.remember("v0=c", 600_000, 400_000)).toBe(true);
        expect(await store.requestLog.remember("v0=kept", 500_000, 400_001)).toBe(false);
        expect(await store.requestLog.remember("v0=old", 900_000, 400_002)).toBe(true);
      });
    });

    describe("transactions", () => {
      it("commit what the work wrote when it resolves, and answer its value", async () => {
        const other = opened.connectAnother ? await opened.connectAnother() : undefined;
        const midway = gate();
        const reached = gate();
        let seenMidway: number[] | undefined;
        const done = store.transaction(async (tx) => {
          await tx.links.insertOrGet(newLink(1));
          reached.open();
          await midway.opened;
          await tx.links.insertOrGet(newLink(2));
          await tx.settings.setChannel(A, "C1");
          return "done";
        });
        await reached.opened;
        if (other) seenMidway = ids(await other.links.list(A));
        midway.open();
        expect(await done).toBe("done");
        if (other) {
          expect(seenMidway).toEqual([]);
          expect(ids(await other.links.list(A))).toEqual([1, 2]);
        }
        expect(ids(await store.links.list(A))).toEqual([1, 2]);
        expect((await store.settings.get(A)).channelId).toBe("C1");
      });

      it("roll back everything the work wrote when it throws, and pass the error on", async () => {
        const failure = new Error("changed my mind");
        await store.categories.insert(A, NEWS);
        await add(9, { sharedAt: 1 });
        await expect(
          store.transaction(async (tx) => {
            await tx.links.insertOrGet(newLink(1));
            await tx.links.addRecommendation(A, 1, {
              userId: "u2",
              userName: "Bob",
              note: null,
              sharedAt: 1,
            });
            await tx.links.update(A, 1, { title: "changed" });
            await tx.settings.setChannel(A, "C1");
            await tx.settings.addAdmin(A, { kind: "user", id: "U1" });
            await tx.categories.insert(A, TOOLS);
            await tx.runs.claim({
              workspace: A,
              period: "2026-07",
              owner: "p",
              now: 1,
              leaseUntil: 2,
              mode: "scheduled",
            });
            await tx.requestLog.remember("v0=tx", 10_000, 1_000);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(ids(await store.links.list(A))).toEqual([1]);
        expect(await store.links.get(A, 1)).toMatchObject({
          title: null,
          recommendations: [],
          url: "https://example.com/9",
        });
        expect(await store.settings.get(A)).toMatchObject({ channelId: null, admins: [] });
        expect((await store.categories.list(A)).map((c) => c.slug)).toEqual(["news"]);
        expect(await store.runs.get(A, "2026-07")).toBeUndefined();
        expect(await store.requestLog.remember("v0=tx", 10_000, 1_000)).toBe(true);
        if (opened.connectAnother) {
          const other = await opened.connectAnother();
          expect(ids(await other.links.list(A))).toEqual([1]);
        }
        // The next transaction starts cleanly.
        await store.transaction(async (tx) => {
          await tx.links.insertOrGet(newLink(3, { sharedAt: 2 }));
        });
        expect(ids(await store.links.list(A))).toEqual([1, 2]);
      });

      it("roll back a link's number with it: the next link takes the same number", async () => {
        await expect(
          store.transaction(async (tx) => {
            expect((await tx.links.insertOrGet(newLink(1))).link.id).toBe(1);
            throw new Error("undo");
          }),
        ).rejects.toThrow("undo");
        expect((await add(2)).id).toBe(1);
      });

      it("are joined by a nested one, which commits and rolls back with the outer", async () => {
        await expect(
          store.transaction(async (outer) => {
            await outer.links.insertOrGet(newLink(1));
            const inner = await outer.transaction(async (tx) => {
              await tx.links.insertOrGet(newLink(2));
              return (await tx.links.list(A)).length;
            });
            expect(inner).toBe(2);
            throw new Error("outer fails after the inner one finished");
          }),
        ).rejects.toThrow("outer fails");
        expect(await store.links.list(A)).toEqual([]);

        await store.transaction(async (outer) => {
          await outer.links.insertOrGet(newLink(1));
          await outer.transaction(async (tx) => {
            await tx.links.insertOrGet(newLink(2));
          });
        });
        expect(ids(await store.links.list(A))).toEqual([1, 2]);
      });

      it("keep what a nested one wrote before failing when the outer catches it (no savepoint)", async () => {
        await store.transaction(async (outer) => {
          await outer.links.insertOrGet(newLink(1));
          await expect(
            outer.transaction(async (tx) => {
              await tx.links.insertOrGet(newLink(2));
              throw new Error("inner fails");
            }),
          ).rejects.toThrow("inner fails");
          await outer.links.insertOrGet(newLink(3));
        });
        expect(ids(await store.links.list(A))).toEqual([1, 2, 3]);
      });

      it("keep a write from outside out of them: it outlives their rollback", async () => {
        const inside = gate();
        const outsideIssued = gate();
        let seenInside: number[] = [];
        const rolledBack = store.transaction(async (tx) => {
          await tx.links.insertOrGet(newLink(1));
          inside.open();
          await outsideIssued.opened;
          seenInside = (await tx.links.list(A)).map((l) => l.sharedAt);
          throw new Error("roll back");
        });
        await inside.opened;
        const outside = store.links.insertOrGet(newLink(2, { workspace: B }));
        outsideIssued.open();
        await expect(rolledBack).rejects.toThrow("roll back");
        expect((await outside).created).toBe(true);
        expect(seenInside).toEqual([1_001]);
        expect(await store.links.list(A)).toEqual([]);
        expect(ids(await store.links.list(B))).toEqual([1]);
      });

      it("keep a read from outside from seeing what they have not committed", async () => {
        const inside = gate();
        const outsideIssued = gate();
        const done = store.transaction(async (tx) => {
          await tx.links.insertOrGet(newLink(1));
          inside.open();
          await outsideIssued.opened;
          await tx.links.remove(A, 1);
        });
        await inside.opened;
        const read = store.links.list(A);
        outsideIssued.open();
        await done;
        expect(await read).toEqual([]);
      });

      it("under way are waited for by close", async () => {
        const other = opened.connectAnother ? await opened.connectAnother() : undefined;
        const midway = gate();
        const reached = gate();
        const done = store.transaction(async (tx) => {
          reached.open();
          await midway.opened;
          await tx.links.insertOrGet(newLink(1));
          return "committed";
        });
        await reached.opened;
        const closed = store.close();
        midway.open();
        expect(await done).toBe("committed");
        await closed;
        if (other) expect(ids(await other.links.list(A))).toEqual([1]);
      });
    });

    describe("concurrency", () => {
      /** The stores to race: this one, and another connection to the database when the store has one. */
      const racers = async (): Promise<Store[]> =>
        opened.connectAnother ? [store, await opened.connectAnother()] : [store, store];

      it("two claims of one period at once: exactly one wins", async () => {
        const [one, two] = await racers();
        const claimOn = (s: Store, owner: string) =>
          (s as Store).runs.claim({
            workspace: A,
            period: "2026-07",
            owner,
            now: 1_000,
            leaseUntil: 2_000,
            mode: "scheduled",
          });
        const results = await Promise.all([claimOn(one as Store, "p1"), claimOn(two as Store, "p2")]);
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(await store.runs.get(A, "2026-07")).toMatchObject({
          claimedBy: winners[0]?.claimedBy,
          attempts: 1,
          status: "posting",
        });
      });

      it("many claims of one expired lease at once: exactly one resumes it", async () => {
        const [one, two] = await racers();
        await store.runs.claim({
          workspace: A,
          period: "2026-07",
          owner: "dead",
          now: 1_000,
          leaseUntil: 2_000,
          mode: "scheduled",
        });
        const claims = Array.from({ length: 6 }, (_, i) =>
          ((i % 2 === 0 ? one : two) as Store).runs.claim({
            workspace: A,
            period: "2026-07",
            owner: `p${i}`,
            now: 3_000,
            leaseUntil: 4_000,
            mode: i < 3 ? "scheduled" : "manual",
          }),
        );
        const winners = (await Promise.all(claims)).filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect((await store.runs.get(A, "2026-07"))?.attempts).toBe(2);
      });

      it("shares of one page at once make one link; shares of different pages get different numbers", async () => {
        const [one, two] = await racers();
        const same = await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).links.insertOrGet(newLink(1, { sharedById: `u${i}` })),
          ),
        );
        expect(same.filter((r) => r.created)).toHaveLength(1);
        expect(same.map((r) => r.link.id)).toEqual([1, 1, 1, 1]);
        const different = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).links.insertOrGet(newLink(10 + i)),
          ),
        );
        expect(different.every((r) => r.created)).toBe(true);
        expect(different.map((r) => r.link.id).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7]);
        expect(ids(await store.links.list(A)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      });

      it("one workspace ensured at once from several places is created and seeded once", async () => {
        const [one, two] = await racers();
        const fresh = "discord:race";
        const created = await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).workspaces.ensure(fresh, [NEWS, TOOLS]),
          ),
        );
        expect(created.filter(Boolean)).toHaveLength(1);
        expect((await store.categories.list(fresh)).map((c) => c.slug)).toEqual(["news", "tools"]);
      });

      it("votes of different people at once are all kept; one person's at once count once", async () => {
        const [one, two] = await racers();
        await add(1);
        const voteOn = (i: number, userId: string) =>
          ((i % 2 === 0 ? one : two) as Store).links.addVote(A, 1, { userId, userName: userId, votedAt: i });
        const counted = await Promise.all(Array.from({ length: 6 }, (_, i) => voteOn(i, `u${i}`)));
        expect(counted).toEqual([true, true, true, true, true, true]);
        const same = await Promise.all(Array.from({ length: 4 }, (_, i) => voteOn(i, "u-twice")));
        expect(same.filter(Boolean)).toHaveLength(1);
        const votes = (await store.links.get(A, 1))?.votes ?? [];
        expect(votes.map((v) => v.userId).sort()).toEqual(["u-twice", "u0", "u1", "u2", "u3", "u4", "u5"]);
      });

      it("one period's review opened at once from several places is opened once", async () => {
        const [one, two] = await racers();
        const opened = await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).reviews.open({
              workspace: A,
              period: "2026-07",
              channelId: `C${i}`,
              now: i,
            }),
          ),
        );
        const winners = opened.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(await store.reviews.get(A, "2026-07")).toEqual(winners[0]);
      });

      it("bumps at once each raise the version once", async () => {
        const [one, two] = await racers();
        await store.reviews.open({ workspace: A, period: "2026-07", channelId: "C1", now: 1 });
        const versions = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).reviews.bump(A, "2026-07"),
          ),
        );
        expect(versions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
        expect((await store.reviews.get(A, "2026-07"))?.version).toBe(6);
      });

      it("one signature remembered at once from several places is taken once", async () => {
        const [one, two] = await racers();
        const taken = await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            ((i % 2 === 0 ? one : two) as Store).requestLog.remember("v0=race", 10_000, 1_000),
          ),
        );
        expect(taken.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
