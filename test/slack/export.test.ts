import { describe, expect, it } from "vitest";
import { markdownBlocks } from "../../src/adapters/slack/listeners/commands/roundup.js";

describe("markdownBlocks", () => {
  it("cuts at line ends into code blocks that each fit, losing no line", () => {
    const lines = Array.from({ length: 50 }, (_, i) => `- entry ${i} ${"x".repeat(1 + (i % 7))}`);
    const blocks = markdownBlocks(lines.join("\n"), 100);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      expect(block.startsWith("```\n") && block.endsWith("\n```")).toBe(true);
      expect(block.length).toBeLessThanOrEqual(100 + 8);
    }
    const back = blocks.map((b) => b.slice(4, -4)).join("\n");
    expect(back).toBe(lines.join("\n"));
  });

  it("keeps a short roundup in one block", () => {
    expect(markdownBlocks("# Title\n\n- [a](https://a.example)\n")).toEqual([
      "```\n# Title\n\n- [a](https://a.example)\n```",
    ]);
  });
});
