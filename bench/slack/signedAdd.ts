import { createHmac } from "node:crypto";
import { BENCH_SECRET } from "./shared.js";

let sequence = 0;

/**
 * A signed `/read add` for a URL nobody has shared yet, as Slack would send it. autocannon calls this
 * for every request, so each body, and so each signature, is new: the servers refuse a signature
 * they have seen (409), which would count as failed. `team` is the Slack workspace it comes from.
 */
export function signedAdd(tag: string, team = "TBENCH") {
  sequence += 1;
  const body = new URLSearchParams({
    token: "legacy",
    team_id: team,
    team_domain: "bench",
    channel_id: "CBENCH",
    channel_name: "bench",
    user_id: "UBENCH",
    user_name: "bench",
    command: "/read",
    text: `add <https://bench.example/${tag}/${sequence}> tools worth a look`,
    api_app_id: "ABENCH",
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: `trigger.${sequence}`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", BENCH_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    method: "POST" as const,
    path: "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
    body,
  };
}
