/**
 * Sharing links through the real Bolt app: `/read add`, the category buttons, the form, the message
 * shortcut, and the page lookup that follows the answer.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../../src/core/categories/defaultCategories.js";
import { addCategory } from "../../src/core/categories/manageCategories.js";
import type { FetchOutcome, MetadataFetcher } from "../../src/core/ports/metadataFetcher.js";
import type { Category } from "../../src/core/types.js";
import { allText, Harness, waitFor } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** A fetcher whose answers the test hands out, one page at a time. */
function controlledFetcher() {
  const pending: { url: string; resolve: (outcome: FetchOutcome) => void }[] = [];
  const fetcher: MetadataFetcher = {
    fetchMetadata: (url) => new Promise((resolve) => pending.push({ url, resolve })),
  };
  return { fetcher, pending };
}

const page = (title: string, author: string | null = null): FetchOutcome => ({
  ok: true,
  metadata: { title, author, description: null, siteName: null, canonicalUrl: null },
});

function buttons(body: { blocks?: unknown[] } | null) {
  const actions = (body?.blocks ?? []).find((b) => (b as { type: string }).type === "actions") as
    | { elements: { action_id: string; value: string; text: { text: string } }[]; block_id: string }
    | undefined;
  return actions;
}

function buttonPayload(
  button: { action_id: string; value: string },
  blockId: string,
  who: { team?: string; user?: string } = {},
) {
  const team = who.team ?? "T1";
  const user = who.user ?? "UAMY";
  return {
    type: "block_actions",
    team: { id: team, domain: "t" },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "trigger-b",
    container: { type: "message", message_ts: "1.2", channel_id: "CGENERAL", is_ephemeral: true },
    channel: { id: "CGENERAL", name: "general" },
    actions: [
      {
        type: "button",
        block_id: blockId,
        action_id: button.action_id,
        value: button.value,
        action_ts: "1.3",
      },
    ],
  };
}

/**
 * Team T1 with a category named after Tools' id, first in order: where a lookup that also matches ids
 * by name would land.
 */
async function toolsNamedByAnother(harness: Harness): Promise<Category> {
  const workspace = "slack:T1";
  const deps = { store: harness.store, clock: harness.clock };
  await harness.store.workspaces.ensure(workspace, DEFAULT_CATEGORIES);
  const tools = (await harness.store.categories.list(workspace)).find((c) => c.name === "Tools");
  if (!tools) throw new Error("no Tools");
  const named = await addCategory(deps, { workspace, name: String(tools.id) });
  const rest = (await harness.store.categories.list(workspace)).filter((c) => c.id !== named.id);
  await harness.store.categories.reorder(workspace, [named.id, ...rest.map((c) => c.id)]);
  return tools;
}

describe("/read add", () => {
  it("adds a link with a category prefix and a note, crediting the Slack display name", async () => {
    h = await Harness.start();
    const res = await h.command("add <https://example.com/deep-dive> articles Worth &amp; the read");
    expect(res.status).toBe(200);
    expect(res.body?.response_type).toBe("ephemeral");
    expect(res.body?.text).toContain("Added #1 to *Articles &amp; Learning*");
    const [link] = await h.links();
    expect(link).toMatchObject({
      url: "https://example.com/deep-dive",
      categoryName: "Articles & Learning",
      note: "Worth & the read",
      sharedById: "UAMY",
      sharedByName: "Amy",
      source: "slack",
    });
    // A quoted multi-word category; a word that is no category starts the note.
    await h.command('add <https://example.com/2> "Neat Open Source Projects" a gem');
    await h.command("add <https://example.com/3> seriously good");
    const links = await h.links();
    expect(links[1]).toMatchObject({ categoryName: "Neat Open Source Projects", note: "a gem" });
    expect(links[2]).toMatchObject({ categoryName: null, note: "seriously good" });
  });

  it("refuses a bad URL with one line and stores nothing", async () => {
    h = await Harness.start();
    for (const text of ["add notalink", "add <javascript:alert(1)>", "add <https://user:pw@example.com/x>"]) {
      const res = await h.command(text);
      expect(res.status).toBe(200);
      expect(res.body?.text).toMatch(/^:warning: /);
      expect(res.body?.text).not.toContain("\n");
    }
    expect(await h.links()).toHaveLength(0);
  });

  it("says when a link was already shared and keeps the second sharer's note", async () => {
    h = await Harness.start();
    await h.command("add <https://example.com/dup> tools");
    const res = await h.command("add <https://www.example.com/dup/?utm_source=x> me too", { user: "UBEN" });
    expect(res.body?.text).toContain("Already on the list: #1");
    expect(res.body?.text).toContain("Your note was added");
    expect(await h.links()).toHaveLength(1);
    expect((await h.links())[0]?.recommendations).toMatchObject([
      { userId: "UBEN", userName: "Ben", note: "me too" },
    ]);
  });

  it("offers the categories as buttons, and a button files the link there", async () => {
    h = await Harness.start();
    const res = await h.command("add <https://example.com/unfiled>");
    const actions = buttons(res.body);
    expect(actions?.elements.map((e) => e.text.text)).toEqual([
      "📚 Articles & Learning",
      "🧩 Neat Open Source Projects",
      "🛠️ Tools",
    ]);
    const tools = actions?.elements[2];
    if (!actions || !tools) throw new Error("no buttons");

    // Someone else's click changes nothing.
    const other = await h.interact(buttonPayload(tools, actions.block_id, { user: "UBEN" }));
    expect(other.status).toBe(200);
    const refusal = await waitFor(() => h.followUps(other.responseId)[0]);
    expect(refusal.text).toContain("only they or an admin");
    expect((await h.links())[0]?.categoryName).toBeNull();

    const click = await h.interact(buttonPayload(tools, actions.block_id));
    expect(click.status).toBe(200);
    const updated = await waitFor(() => h.followUps(click.responseId)[0]);
    expect(updated.replace_original).toBe(true);
    expect(updated.text).toContain("to *Tools*");
    expect(buttons(updated as { blocks?: unknown[] })).toBeUndefined();
    expect((await h.links())[0]?.categoryName).toBe("Tools");
  });

  it("files the link in the category whose button was clicked, even when another is named by its id", async () => {
    h = await Harness.start();
    const tools = await toolsNamedByAnother(h);
    const res = await h.command("add <https://example.com/picked>");
    const actions = buttons(res.body);
    const button = actions?.elements.find((e) => e.text.text === "🛠️ Tools");
    if (!actions || !button) throw new Error("no Tools button");
    const click = await h.interact(buttonPayload(button, actions.block_id));
    const updated = await waitFor(() => h.followUps(click.responseId)[0]);
    expect(updated.text).toContain("to *Tools*");
    expect((await h.links())[0]?.categoryId).toBe(tools.id);
  });

  it("acknowledges in under a second while the page lookup hangs, then updates the confirmation", async () => {
    const { fetcher, pending } = controlledFetcher();
    h = await Harness.start({ fetcher });
    const res = await h.command("add <https://slow.example/post> tools");
    expect(res.status).toBe(200);
    // Slack's deadline is 3 s; the answer must not wait on the page at all.
    expect(res.elapsedMs).toBeLessThan(1_000);
    expect(res.body?.text).toContain("Added #1");
    expect(allText(res.body)).toContain("Reading the page");
    const fetch = await waitFor(() => pending[0]);
    expect(fetch.url).toBe("https://slow.example/post");
    expect(h.followUps(res.responseId)).toHaveLength(0);

    fetch.resolve(page("The Slow Post", "Sam Writer"));
    const update = await waitFor(() => h.followUps(res.responseId)[0]);
    expect(update.replace_original).toBe(true);
    expect(update.text).toContain("<https://slow.example/post|The Slow Post> by Sam Writer");
    expect((await h.links())[0]).toMatchObject({ title: "The Slow Post", author: "Sam Writer" });
  });

  it("acknowledges within 3 s when Slack is slow to say who someone is, crediting their handle", async () => {
    h = await Harness.start();
    h.api.on(
      "users.info",
      () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: "timeout" }), 4_000)),
    );
    const res = await h.command("add <https://slow-names.example/> tools");
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3_000);
    expect(res.body?.text).toContain("Added #1");
    expect((await h.links())[0]?.sharedByName).toBe("uamy");
  });

  it("says briefly when the page could not be read, and keeps the link", async () => {
    const fetcher: MetadataFetcher = {
      fetchMetadata: async () => ({ ok: false, reason: "the page took too long to answer" }),
    };
    h = await Harness.start({ fetcher });
    const res = await h.command("add <https://down.example/x>");
    const update = await waitFor(() => h.followUps(res.responseId)[0]);
    expect(allText(update)).toContain("I couldn't read the page (the page took too long to answer)");
    // Still unfiled, so the buttons stay.
    expect(buttons(update as { blocks?: unknown[] })).toBeDefined();
    expect(await h.links()).toHaveLength(1);
  });
});

describe("the add form", () => {
  function submission(values: { url: string; category?: string; note?: string }, channel = "CGENERAL") {
    return {
      type: "view_submission",
      team: { id: "T1", domain: "t" },
      user: { id: "UAMY", username: "amy", name: "amy", team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger-v",
      view: {
        id: "V1",
        type: "modal",
        callback_id: "read_add_modal",
        private_metadata: JSON.stringify({ channel }),
        hash: "h",
        state: {
          values: {
            url: { value: { type: "url_text_input", value: values.url } },
            category: {
              value: {
                type: "static_select",
                selected_option: values.category
                  ? { value: values.category, text: { type: "plain_text", text: "x" } }
                  : null,
              },
            },
            note: { value: { type: "plain_text_input", value: values.note ?? null } },
          },
        },
      },
    };
  }

  it("opens on /read add alone and adds what is submitted", async () => {
    h = await Harness.start();
    const res = await h.command("add");
    expect(res.status).toBe(200);
    expect(res.raw).toBe("");
    const open = await waitFor(() => h.api.callsTo("views.open")[0]);
    expect(open.params.trigger_id).toBe(`trigger-${res.responseId}`);
    const view = open.params.view as {
      callback_id: string;
      blocks: { block_id: string; element: { options?: { value: string }[] } }[];
    };
    expect(view.callback_id).toBe("read_add_modal");
    const options = view.blocks.find((b) => b.block_id === "category")?.element.options ?? [];
    expect(options).toHaveLength(3);

    const tools = options[2]?.value as string;
    const submitted = await h.interact(
      submission({ url: "https://form.example/a", category: tools, note: "<!here> from the form" }),
      false,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.raw).toBe("");
    expect((await h.links())[0]).toMatchObject({
      url: "https://form.example/a",
      categoryName: "Tools",
      note: "<!here> from the form",
    });
    const confirm = await waitFor(() => h.api.callsTo("chat.postEphemeral")[0]);
    expect(confirm.params).toMatchObject({ channel: "CGENERAL", user: "UAMY" });
    expect(String(confirm.params.text)).toContain("Added #1 to *Tools*");
  });

  it("files the link in the category picked, even when another category is named by its id", async () => {
    h = await Harness.start();
    const tools = await toolsNamedByAnother(h);
    const submitted = await h.interact(
      submission({ url: "https://form.example/picked", category: String(tools.id) }),
      false,
    );
    expect(submitted.raw).toBe("");
    expect((await h.links())[0]).toMatchObject({ categoryId: tools.id, categoryName: "Tools" });
  });

  it("closes at once and confirms with what the page lookup found", async () => {
    const { fetcher, pending } = controlledFetcher();
    h = await Harness.start({ fetcher });
    const submitted = await h.interact(submission({ url: "https://form.example/slow" }), false);
    expect(submitted.raw).toBe("");
    const fetch = await waitFor(() => pending[0]);
    expect(fetch.url).toBe("https://form.example/slow");
    expect(h.api.callsTo("chat.postEphemeral")).toHaveLength(0);

    fetch.resolve(page("The Form Post", "Fran Writer"));
    const confirm = await waitFor(() => h.api.callsTo("chat.postEphemeral")[0]);
    expect(String(confirm.params.text)).toContain("Added #1");
    expect(JSON.stringify(confirm.params.blocks)).toContain(
      "<https://form.example/slow|The Form Post> by Fran Writer",
    );
    expect((await h.links())[0]).toMatchObject({ title: "The Form Post", author: "Fran Writer" });
  });

  it("shows a refusal next to the field and stores nothing", async () => {
    h = await Harness.start();
    const res = await h.interact(submission({ url: "ftp://files.example/x" }), false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: { url: expect.stringContaining("Only web links") },
    });
    const tooLong = await h.interact(
      submission({ url: "https://ok.example", note: "x".repeat(1200) }),
      false,
    );
    expect(tooLong.body).toMatchObject({
      response_action: "errors",
      errors: { note: expect.stringContaining("1,000") },
    });
    expect(await h.links()).toHaveLength(0);
  });
});

describe("the Add to reading list shortcut", () => {
  function shortcut(text: string, blocks: unknown[] = []) {
    return {
      type: "message_action",
      callback_id: "read_add_from_message",
      team: { id: "T1", domain: "t" },
      user: { id: "UBEN", username: "ben", name: "ben", team_id: "T1" },
      channel: { id: "CGENERAL", name: "general" },
      message: { type: "message", user: "UAMY", ts: "100.1", text, blocks },
      message_ts: "100.1",
      trigger_id: "trigger-s",
      action_ts: "100.2",
      token: "legacy",
    };
  }

  it("adds the first link of the message for whoever used it", async () => {
    h = await Harness.start();
    const res = await h.interact(
      shortcut("hey <@UAMY> read <https://blog.example/post|this> and <https://other.example>"),
    );
    expect(res.status).toBe(200);
    const reply = await waitFor(() => h.followUps(res.responseId)[0]);
    expect(reply.text).toContain("Added #1");
    expect((await h.links())[0]).toMatchObject({
      url: "https://blog.example/post",
      sharedById: "UBEN",
      sharedByName: "Ben",
    });
  });

  it("keeps the message's text, as plain text, as the note", async () => {
    h = await Harness.start();
    await h.interact(
      shortcut(
        "<@UAMY|amy> says <https://blog.example/post|this one> on <#C1|general> is good &amp; short &lt;3\nreally",
      ),
    );
    await waitFor(async () => (await h.links()).length === 1);
    expect((await h.links())[0]?.note).toBe(
      "@amy says this one (https://blog.example/post) on #general is good & short <3 really",
    );
  });

  it("adds no note when the message is only the link, as sent or as Slack linked it", async () => {
    h = await Harness.start();
    await h.interact(shortcut("<https://only.example/a>"));
    await h.interact(shortcut(" <http://bare.example/b|bare.example/b> "));
    await waitFor(async () => (await h.links()).length === 2);
    expect((await h.links()).map((l) => [l.url, l.note])).toEqual([
      ["https://only.example/a", null],
      ["http://bare.example/b", null],
    ]);
  });

  it("shortens a message longer than a note at a word, with an ellipsis", async () => {
    h = await Harness.start();
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    await h.interact(shortcut(`<https://long.example/post> ${words}`));
    await waitFor(async () => (await h.links()).length === 1);
    const note = (await h.links())[0]?.note ?? "";
    expect(note.length).toBeLessThanOrEqual(1000);
    expect(note).toMatch(/^https:\/\/long\.example\/post word0 word1 .* word\d+…$/);
    expect(words.startsWith(note.slice("https://long.example/post ".length, -1))).toBe(true);
  });

  it("finds a link that only lives in rich-text blocks, and says so when there is none", async () => {
    h = await Harness.start();
    const blocks = [
      {
        type: "rich_text",
        elements: [{ type: "rich_text_section", elements: [{ type: "link", url: "https://rich.example/" }] }],
      },
    ];
    await h.interact(shortcut("", blocks));
    await waitFor(async () => (await h.links()).length === 1);
    expect((await h.links())[0]?.url).toBe("https://rich.example/");
    const none = await h.interact(shortcut("no links here"));
    const reply = await waitFor(() => h.followUps(none.responseId)[0]);
    expect(reply.text).toBe(":warning: That message has no link to add.");
  });
});
