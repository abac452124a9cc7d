/** Registering the command definitions with Discord, and the link that invites the bot. */
import { OAuth2Scopes, PermissionFlagsBits, type REST, Routes } from "discord.js";
import { commandDefinitions } from "./commands/index.js";

/** What the bot needs in the roundup channel: see it, post, embed links, read back what it posted. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands];

/** The link a server admin opens to add the bot, with its scopes and permissions. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(" "),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/**
 * Replaces the application's commands with ours (one bulk overwrite): globally, or in one guild, where
 * changes show at once (for development). Returns how many were registered.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<number> {
  const body = commandDefinitions();
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return registered.length;
}
