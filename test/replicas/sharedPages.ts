/** What the concurrent-adds test's writers add: which adds are of pages every writer shares, and how each writes them. */
export const WORKSPACE = "slack:TREPLICAS";

/** Every this-many-th add (the 1st, 5th, ...) is of a page all writers share, at the same step for each. */
export const SHARED_EVERY = 4;

/** Writer `writer`'s spelling of shared page `page`: all normalize to https://shared.example/page/<page>. */
export function sharedPageUrl(writer: number, page: number): string {
  const spellings = [
    `https://Shared.example/page/${page}?utm_source=writer0`,
    `shared.example/page/${page}/`,
    `HTTPS://SHARED.EXAMPLE/page/${page}#writer2`,
  ];
  return spellings[writer % spellings.length] as string;
}

export function sharedPageNote(writer: number, page: number): string {
  return `writer ${writer} on shared page ${page}`;
}

/** The URL of a writer's `i`-th add. */
export function urlOfAdd(writer: number, i: number): { url: string; note: string | null } {
  if (i % SHARED_EVERY !== 0) return { url: `https://own.example/writer-${writer}/${i}`, note: null };
  const page = i / SHARED_EVERY;
  return { url: sharedPageUrl(writer, page), note: sharedPageNote(writer, page) };
}
