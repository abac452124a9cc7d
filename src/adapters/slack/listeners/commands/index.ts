import type { App, RespondArguments } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { Interaction } from "../../interaction.js";
import { runReadCommand, SLASH_COMMAND } from "./readCommand.js";

type Ack = (body?: RespondArguments) => Promise<void>;

/** The `/read` slash command. */
export function register(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const ix = new Interaction({
      teamId: command.team_id,
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id || null,
      triggerId: command.trigger_id || null,
      client,
      logger: deps.logger,
      ackBudgetMs: deps.ackBudgetMs,
      ack: ack as Ack,
      carriesReply: true,
      respond,
    });
    await runReadCommand(deps, ix, command.text ?? "");
  });
}
