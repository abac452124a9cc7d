import type { Link, NewLink } from "../core/types.js";

/**
 * The link a store just created from `link` under `number`, without reading it back. Listed field by
 * field: on Node 20, spreading and then adding fields costs more than the insert's own overhead (see
 * npm run bench).
 */
export function createdLink(link: NewLink, number: number): Link {
  return {
    id: number,
    workspace: link.workspace,
    url: link.url,
    normalizedUrl: link.normalizedUrl,
    title: link.title,
    author: link.author,
    description: link.description,
    siteName: link.siteName,
    note: link.note,
    categoryId: link.categoryId,
    sharedById: link.sharedById,
    sharedByName: link.sharedByName,
    sharedAt: link.sharedAt,
    source: link.source,
    canonicalUrl: link.canonicalUrl,
    recommendations: [],
    votes: [],
    picked: false,
    dropped: false,
  };
}
