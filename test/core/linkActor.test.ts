import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { addLink } from "../../src/core/links/addLink.js";
import { editLinkAs, removeLinkAs } from "../../src/core/links/manageLinks.js";
import type { SqliteStore } from "../../src/storage/sqliteStore.js";
import { fixedClock, tempStore } from "../helpers/tempStore.js";

let store: SqliteStore;
let cleanup: () => Promise<void>;
const workspace = "discord:g1";
const clock = fixedClock("2026-07-15T12:00:00Z");

beforeEach(() => {
  ({ store, cleanup } = tempStore());
});
afterEach(() => cleanup());

/** An actor that counts how often it is asked whether it is an admin. */
function actor(userId: string, admin: boolean) {
  const asked = { count: 0 };
  const who: Actor = {
    userId,
    name: userId,
    isAdmin: async () => {
      asked.count++;
      return admin;
    },
  };
  return { who, asked };
}

async function shareAsAda(): Promise<number> {
  const result = await addLink(
    { store, clock },
    { workspace, url: "https://example.com/a", userId: "ada", userName: "Ada", source: "discord" },
  );
  return result.link.id;
}

describe("editLinkAs and removeLinkAs", () => {
  it("let the sharer change their own link without asking whether they are an admin", async () => {
    const id = await shareAsAda();
    const { who, asked } = actor("ada", false);
    expect(await editLinkAs({ store }, { workspace, id, actor: who, note: "Mine" })).toMatchObject({
      note: "Mine",
    });
    expect((await removeLinkAs({ store }, { workspace, id, actor: who })).id).toBe(id);
    expect(asked.count).toBe(0);
  });

  it("ask once whether someone else is an admin, and refuse a member", async () => {
    const id = await shareAsAda();
    const member = actor("bo", false);
    await expect(
      editLinkAs({ store }, { workspace, id, actor: member.who, note: "Not mine" }),
    ).rejects.toMatchObject({
      code: "link.notYours",
      message: `Link #${id} was shared by Ada; only they or an admin can change it.`,
    });
    expect(member.asked.count).toBe(1);
    const admin = actor("cy", true);
    expect(await editLinkAs({ store }, { workspace, id, actor: admin.who, title: "Fixed" })).toMatchObject({
      title: "Fixed",
    });
    expect(admin.asked.count).toBe(1);
    await removeLinkAs({ store }, { workspace, id, actor: admin.who });
    expect(await store.links.get(workspace, id)).toBeUndefined();
  });

  it("does not ask about a link that does not exist", async () => {
    const { who, asked } = actor("bo", true);
    await expect(removeLinkAs({ store }, { workspace, id: 99, actor: who })).rejects.toMatchObject({
      code: "link.unknown",
    });
    expect(asked.count).toBe(0);
  });
});
