import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { AdminNotices } from "../../src/core/settings/adminNotices.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "slack:T1";
const clock = fixedClock("2026-07-15T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

function actor(admin: boolean) {
  const asked = { count: 0 };
  const who: Actor = {
    userId: "u1",
    name: "Ada",
    isAdmin: async () => {
      asked.count++;
      return admin;
    },
  };
  return { who, asked };
}

async function leaveNotice(text: string) {
  await store.transaction(async (tx) => {
    await tx.workspaces.ensure(workspace, []);
    await tx.settings.setAdminNotice(workspace, text);
  });
}

describe("AdminNotices", () => {
  it("hands a notice to the first admin, once", async () => {
    await leaveNotice("The roundup could not be posted.");
    const notices = new AdminNotices({ store, clock });
    expect(await notices.take({ workspace, actor: actor(false).who })).toBeNull();
    expect(await notices.take({ workspace, actor: actor(true).who })).toBe(
      "The roundup could not be posted.",
    );
    expect(await notices.take({ workspace, actor: actor(true).who })).toBeNull();
  });

  it("does not ask whether someone is an admin when there is no notice, and remembers that for a minute", async () => {
    const notices = new AdminNotices({ store, clock });
    const { who, asked } = actor(true);
    expect(await notices.take({ workspace, actor: who })).toBeNull();
    await leaveNotice("Later notice");
    expect(await notices.take({ workspace, actor: who })).toBeNull();
    expect(asked.count).toBe(0);
    clock.set("2026-07-15T12:01:01Z");
    expect(await notices.take({ workspace, actor: who })).toBe("Later notice");
  });
});
