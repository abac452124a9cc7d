import type { RoundupDoc } from "../roundup/roundupDoc.js";

/**
 * Puts a roundup in a chat channel; each platform adapter provides one. `plan` must be deterministic
 * (the same document gives the same messages) so a post interrupted half-way resumes where it stopped.
 */
export interface RoundupPublisher<Message = unknown> {
  plan(doc: RoundupDoc): Message[];
  /**
   * Posts one message and returns its platform id. `key` is unique per workspace, period and part;
   * a platform with idempotency keys (Discord's nonce) uses it so a retried send is never doubled.
   * Throws a `PublishError` for what retrying cannot fix.
   */
  send(channelId: string, message: Message, key: string): Promise<string>;
  /**
   * Optional: the id of a message already posted with `key`, or null. A process that died between a
   * send and recording it leaves one such message; a resumed post asks before sending it again.
   */
  findSent?(channelId: string, key: string): Promise<string | null>;
}

/** A post that failed for a reason retrying will not fix: a missing permission, a deleted channel. */
export class PublishError extends Error {
  override readonly name = "PublishError";

  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
