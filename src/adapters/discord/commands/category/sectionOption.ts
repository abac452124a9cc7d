import type { SlashCommandStringOption } from "discord.js";

/** The `category:` option of the commands that act on one existing section: required, autocompleted. */
export function sectionOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName("category")
    .setDescription("The section")
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(100);
}
