/**
 * An error as the log shows it. discord.js's REST errors carry the request URL, which for interaction
 * replies holds the interaction's token; it is left out, as is anything else an error may hang on itself.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const described: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  if (extra.code !== undefined) described.code = extra.code;
  if (extra.status !== undefined) described.status = extra.status;
  if (extra.method !== undefined) described.method = extra.method;
  return described;
}
