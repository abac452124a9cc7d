/** Failed Slack Web API calls as the core's `PublishError`, for the roundup's posts and the draft's pages. */
import { PublishError } from "../../core/ports/publisher.js";

/** The error code Slack answered a call with ("" for a failure that never reached Slack). */
export function slackErrorCode(error: unknown): string {
  return (error as { data?: { error?: string } }).data?.error ?? "";
}

/** Permanent when `permanent` words the code for an admin; otherwise worth retrying. */
export function publishError(error: unknown, permanent: Record<string, string>): PublishError {
  const code = slackErrorCode(error);
  const known = permanent[code];
  if (known) return new PublishError(known, true);
  return new PublishError(code ? `Slack answered ${code}` : (error as Error).message, false);
}
