/**
 * `npm run discord:register`: registers the commands without starting the bot, globally or in
 * DISCORD_GUILD_ID, and prints the invite link. Reads the same environment as `npm start`.
 */
import { REST, Routes } from "discord.js";
import { loadConfigOrExplain } from "../../config.js";
import { inviteUrl, registerCommands } from "./registration.js";

async function main(): Promise<number> {
  const config = loadConfigOrExplain();
  if (!config) return 2;
  if (!config.discord) {
    console.error(
      "DISCORD_TOKEN is not set: put the bot's token in the environment (README: Connect Discord).",
    );
    return 2;
  }
  const { token, guildId, apiUrl } = config.discord;
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  try {
    const application = (await rest.get(Routes.currentApplication())) as { id: string; name?: string };
    const count = await registerCommands(rest, application.id, guildId);
    const where = guildId
      ? `in server ${guildId} (shown at once)`
      : "globally (may take up to an hour to show)";
    console.log(`Registered ${count} commands ${where}.`);
    console.log(`Invite the bot with: ${inviteUrl(application.id)}`);
    return 0;
  } catch (error) {
    const status = (error as { status?: number }).status;
    console.error(
      status === 401
        ? "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal."
        : `Registering the commands failed: ${(error as Error).message}`,
    );
    return 1;
  }
}

process.exitCode = await main();
