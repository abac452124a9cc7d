import type { RoundupDoc, RoundupItem } from "../../src/core/roundup/roundupDoc.js";
import type { PageContext } from "../../src/web/html/index.js";

export const ctx: PageContext = {
  archiveUrl: "https://reading.example.com/a/k3y/",
  siteName: "Team Reading",
  noindex: false,
};

export function item(overrides: Partial<RoundupItem> & { id: number }): RoundupItem {
  return {
    url: `https://example.com/${overrides.id}`,
    title: `Title ${overrides.id}`,
    author: null,
    description: null,
    siteName: null,
    note: null,
    sharedBy: "Alice",
    sharedAt: Date.UTC(2026, 6, 14, 9, 30),
    alsoRecommendedBy: [],
    picked: false,
    votes: 0,
    ...overrides,
  };
}

/** A July with two categorised sections and "Other", authors, notes, a description and a repeat share. */
export function julyDoc(): RoundupDoc {
  const sections: RoundupDoc["sections"] = [
    {
      kind: "category",
      categoryId: 1,
      name: "Engineering",
      emoji: "🛠️",
      items: [
        item({
          id: 1,
          url: "https://fly.example/blog/sandboxing/",
          title: "Sandboxing and Workload Isolation",
          author: "Thomas Ptacek",
          note: "The clearest tour of gVisor vs Firecracker I know.",
          sharedBy: "Alice",
          sharedAt: Date.UTC(2026, 6, 2, 8),
          alsoRecommendedBy: [
            { name: "Bob", note: "Read the part on seccomp twice." },
            { name: "Chen", note: null },
          ],
        }),
        item({
          id: 2,
          url: "https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones",
          title:
            "https://example.org/a-very-long-path/that/goes/on/and/on/and/on/without/any/break/at/all/for/phones",
          description: "A page that only says this about itself.",
          sharedBy: "Dana",
          sharedAt: Date.UTC(2026, 6, 20, 17, 45),
        }),
      ],
    },
    {
      kind: "category",
      categoryId: 2,
      name: "Design",
      emoji: "🎨",
      items: [
        item({
          id: 3,
          title: "Butterick's Practical Typography",
          author: "Matthew Butterick",
          sharedBy: "Eve",
        }),
      ],
    },
    {
      kind: "other",
      categoryId: null,
      name: "Other",
      emoji: null,
      items: [item({ id: 4, title: "A note on notes", note: "Short & sweet — 10/10.", sharedBy: "Frank" })],
    },
  ];
  return {
    workspace: "local:team",
    period: "2026-07",
    periodLabel: "July 2026",
    title: "Reading roundup: July 2026",
    intro: "What we read in July.",
    sections,
    linkCount: 4,
    dropped: [],
  };
}

export function emptyDoc(): RoundupDoc {
  return { ...julyDoc(), intro: null, sections: [], linkCount: 0 };
}
