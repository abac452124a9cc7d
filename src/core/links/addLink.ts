import { resolveOpenCategory } from "../categories/categoryName.js";
import { isUserError, UserError } from "../errors.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { Category, Link, Source } from "../types.js";
import { ensureWorkspace } from "../workspace.js";
import { checkLine, checkNote, displayName } from "./linkText.js";
import { recordRepeatShare } from "./recordRepeatShare.js";
import { normalizeUrl, sharedUrl } from "./url.js";

export interface AddLinkDeps {
  store: Store;
  clock: Clock;
}

export interface AddLinkInput {
  workspace: string;
  url: string;
  /** A category name as a person typed it. */
  category?: string | null;
  /** A category id, as a menu or button sends it; wins over `category`. */
  categoryId?: number | null;
  note?: string | null;
  title?: string | null;
  author?: string | null;
  userId: string;
  userName: string;
  source: Source;
  /** When it was shared; defaults to now. The CLI back-fills past months with it. */
  at?: number;
  /**
   * The words after the URL when they may start with a category (Slack's `/read add <url> [category]
   * [note…]`): the face's grammar cuts them, the core decides (see `categoryOrNote`). Set instead of
   * `category` and `note`.
   */
  categoryOrNote?: FirstWord;
}

/** The words after a shared URL, cut by a face's grammar: the first word, and the note without or with it. */
export interface FirstWord {
  word: string;
  noteAfter: string | null;
  noteWithWord: string | null;
}

/**
 * Whether the first word after a URL names a category: if it names an open one, the link goes there
 * and the note is the rest; if no category fits it (or several could), it starts the note. A word that
 * names an archived category is refused with how to restore it, as a typed category is.
 */
export function categoryOrNote(
  categories: Category[],
  words: FirstWord,
): { category: Category | null; note: string | null } {
  try {
    return { category: resolveOpenCategory(categories, { name: words.word }), note: words.noteAfter };
  } catch (error) {
    if (isUserError(error) && error.code === "category.unknown") {
      return { category: null, note: words.noteWithWord };
    }
    throw error;
  }
}

export type AddLinkResult =
  | { status: "added"; link: Link; category: Category | null }
  | {
      /** Someone shared it before: nothing new is stored but the note, kept as a recommendation. */
      status: "duplicate";
      link: Link;
      category: Category | null;
      noteKept: boolean;
    };

/**
 * Shares a link with the workspace. Validates everything before writing, so a refused link
 * stores nothing; a second share of the same page adds the sharer's note to the first entry.
 */
export async function addLink({ store, clock }: AddLinkDeps, input: AddLinkInput): Promise<AddLinkResult> {
  const { url, text: urlText } = sharedUrl(input.url);
  // Checked before anything is written; with `categoryOrNote` the shorter note is checked now (if it is
  // too long, so is the other), and the chosen one once the categories say which it is.
  let note = checkNote(input.categoryOrNote ? input.categoryOrNote.noteAfter : input.note);
  const title = checkLine(input.title, "title");
  const author = checkLine(input.author, "author");
  const userName = displayName(input.userName, input.userId);
  const sharedAt = input.at ?? clock.now();
  if (!Number.isFinite(sharedAt)) throw new UserError("link.date", "That date isn't valid.");
  const workspace = await ensureWorkspace({ store, clock }, input.workspace);
  const categories = await store.categories.list(workspace, { includeArchived: true });
  let category: Category | null;
  if (input.categoryOrNote) {
    const decided = categoryOrNote(categories, input.categoryOrNote);
    category = decided.category;
    note = checkNote(decided.note);
  } else {
    category =
      input.categoryId !== undefined && input.categoryId !== null
        ? resolveOpenCategory(categories, { id: input.categoryId })
        : input.category?.trim()
          ? resolveOpenCategory(categories, { name: input.category })
          : null;
  }

  return store.transaction(async (tx): Promise<AddLinkResult> => {
    const { link, created } = await tx.links.insertOrGet({
      workspace,
      url: urlText,
      normalizedUrl: normalizeUrl(url),
      title,
      author,
      description: null,
      siteName: null,
      note,
      categoryId: category?.id ?? null,
      sharedById: input.userId,
      sharedByName: userName,
      sharedAt,
      source: input.source,
      canonicalUrl: null,
    });
    if (created) return { status: "added", link, category };

    const existingCategory = categories.find((c) => c.id === link.categoryId) ?? null;
    const noteKept = await recordRepeatShare(tx, workspace, link, {
      userId: input.userId,
      userName,
      note,
      sharedAt,
    });
    const current = (await tx.links.get(workspace, link.id)) ?? link;
    return { status: "duplicate", link: current, category: existingCategory, noteKept };
  });
}
