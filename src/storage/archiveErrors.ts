import { UserError } from "../core/errors.js";

/** Another workspace's public archive has this address already. */
export const slugTaken = (slug: string) =>
  new UserError(
    "archive.slugTaken",
    `The address "${slug}" is taken by another team's archive: choose another --slug.`,
    {
      slug,
    },
  );
