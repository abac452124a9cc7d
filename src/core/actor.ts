/**
 * Who is asking, as every face knows them: an id, the name the roundup credits, and whether they are an
 * admin. `isAdmin` is asked only when a use case must know (someone else's link, an admin-only action):
 * it may cost a lookup (Slack asks its Web API), so a face memoizes it with `actorOf`.
 */
export interface Actor {
  userId: string;
  name: string;
  isAdmin: () => Promise<boolean>;
}

/** An actor whose `isAdmin` is worked out at most once. */
export function actorOf(input: { userId: string; name: string; isAdmin: () => Promise<boolean> }): Actor {
  let admin: Promise<boolean> | undefined;
  return {
    userId: input.userId,
    name: input.name,
    isAdmin: () => {
      admin ??= input.isAdmin();
      // A lookup that failed is asked again next time rather than remembered.
      admin.catch(() => {
        admin = undefined;
      });
      return admin;
    },
  };
}
