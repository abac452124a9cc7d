/**
 * Why the bot could not start, in one line for whoever runs it: which platform, whether it refused
 * the credentials or could not be reached, and what to check. Never the credentials themselves.
 */
export function explainStartFailure(platform: "Slack" | "Discord", error: unknown): string {
  const e = error as { code?: unknown; data?: { error?: unknown }; status?: unknown; message?: unknown };
  const slackError = typeof e.data?.error === "string" ? e.data.error : null;
  const refused =
    (slackError !== null && /auth|token|account_inactive/.test(slackError)) ||
    e.code === "TokenInvalid" ||
    e.status === 401 ||
    /invalid token|unauthori[sz]ed/i.test(String(e.message ?? ""));
  if (platform === "Slack") {
    if (refused) {
      return `Slack refused SLACK_BOT_TOKEN${slackError ? ` (${slackError})` : ""}: copy the Bot User OAuth Token again (README: Connect Slack).`;
    }
    if (slackError) return `Slack answered ${slackError} at start (README: Connect Slack).`;
    return "Could not reach Slack's Web API: check the network, or SLACK_API_URL if it is set.";
  }
  if (refused) return "Discord refused DISCORD_TOKEN: copy the bot token again (README: Connect Discord).";
  if (typeof e.status === "number") return `Discord answered ${e.status} at start; try again shortly.`;
  return "Could not reach Discord: check the network, or DISCORD_API_URL if it is set.";
}
