/**
 * Issue #12: replicas adding at once on one PostgreSQL database. Three processes, each with its own
 * pool as a replica has, add 40 links each through the core into a workspace none of them has seen
 * yet; every fourth add is a page all three share (written three ways, each with its own note).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../../src/core/categories/defaultCategories.js";
import { NodePgDriver } from "../../src/storage/postgres/nodePgDriver.js";
import { PostgresStore } from "../../src/storage/postgres/postgresStore.js";
import { createTestDatabase, NO_SERVER, type TestDatabase } from "../helpers/postgresServer.js";
import { startWorker } from "../helpers/workerProcess.js";
import type { AddOutcome } from "./addWorker.js";
import { SHARED_EVERY, sharedPageNote, WORKSPACE } from "./sharedPages.js";

const WRITERS = 3;
const ADDS_EACH = 40;
const SHARED_PAGES = ADDS_EACH / SHARED_EVERY;
const DISTINCT_LINKS = SHARED_PAGES + WRITERS * (ADDS_EACH - SHARED_PAGES);

describe.skipIf(NO_SERVER)(
  `three replicas adding at once on PostgreSQL${NO_SERVER ? `: ${NO_SERVER}` : ""}`,
  () => {
    let database: TestDatabase;
    let store: PostgresStore;
    beforeAll(async () => {
      database = await createTestDatabase("adds");
      // Migrated here, so the writers race on adds rather than on the migration (see startTogether).
      store = await PostgresStore.open(new NodePgDriver(database.url, { max: 2 }));
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("stores every link once, numbered 1..N, and keeps every sharer's note on a shared page", async () => {
      const writers = Array.from({ length: WRITERS }, (_, writer) =>
        startWorker(
          "test/replicas/addWorker.ts",
          { DATABASE_URL: database.url, WRITER: String(writer), COUNT: String(ADDS_EACH) },
          { waitForGo: true },
        ),
      );
      await Promise.all(writers.map((w) => w.ready));
      for (const w of writers) w.go();
      const exits = await Promise.all(writers.map((w) => w.exited));

      for (const exit of exits) expect(exit.status, exit.output).toBe(0);
      const outcomes = exits.flatMap((exit) => exit.report as AddOutcome[]);
      expect(outcomes.filter((o) => typeof o !== "string")).toEqual([]);
      expect(outcomes.filter((o) => o === "added")).toHaveLength(DISTINCT_LINKS);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(SHARED_PAGES * (WRITERS - 1));

      const links = await store.links.list(WORKSPACE);
      expect(links.map((l) => l.id).sort((a, b) => a - b)).toEqual(
        Array.from({ length: DISTINCT_LINKS }, (_, i) => i + 1),
      );
      for (let page = 0; page < SHARED_PAGES; page++) {
        const entries = links.filter((l) => l.normalizedUrl === `https://shared.example/page/${page}`);
        expect(entries, `shared page ${page}`).toHaveLength(1);
        const [entry] = entries;
        const notes = [entry?.note, ...(entry?.recommendations ?? []).map((r) => r.note)];
        expect(notes.sort(), `notes on shared page ${page}`).toEqual(
          Array.from({ length: WRITERS }, (_, writer) => sharedPageNote(writer, page)),
        );
      }
      // The workspace, new to all three, was set up once.
      expect(await store.categories.list(WORKSPACE)).toHaveLength(DEFAULT_CATEGORIES.length);
    });
  },
);
