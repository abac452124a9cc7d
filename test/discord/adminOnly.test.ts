import { describe, expect, it } from "vitest";
import { readSubcommands } from "../../src/adapters/discord/commands/index.js";

describe("admin-only /read subcommands", () => {
  it("declare what their refusal says, for the router to check before they run", () => {
    const declared = Object.fromEntries(
      readSubcommands
        .filter((c) => c.adminOnly !== undefined)
        .map((c) => [`${c.group ? `${c.group} ` : ""}${c.data.name}`, c.adminOnly]),
    );
    expect(declared).toEqual({
      "roundup post": "post the roundup",
      "category add": "change the roundup's sections",
      "category rename": "change the roundup's sections",
      "category move": "change the roundup's sections",
      "category archive": "change the roundup's sections",
      "category unarchive": "change the roundup's sections",
      "category remove": "change the roundup's sections",
      "config channel": "change the roundup settings",
      "config schedule": "change the roundup settings",
      "config title": "change the roundup settings",
      "config intro": "change the roundup settings",
      "config quiet": "change the roundup settings",
      "config archive": "change the roundup settings",
      "config order": "change the roundup settings",
      "config picks": "change the roundup settings",
      "config review": "change the roundup settings",
    });
  });
});
