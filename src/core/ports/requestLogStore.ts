/**
 * Signed requests already taken, shared by every process on the database, so the same request sent
 * again (a replay) is refused wherever it arrives.
 */
export interface RequestLogStore {
  /**
   * Remembers `signature` until `expiresAt` (epoch ms). False when it is remembered already: the
   * request was taken before. Now and then forgets the ones expired at `now`.
   */
  remember(signature: string, expiresAt: number, now: number): Promise<boolean>;
}
