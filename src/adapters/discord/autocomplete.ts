/**
 * Suggestions while a person types: the workspace's categories and IANA time zones. Both are answered
 * from memory or one indexed read, well inside the deadline.
 */
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import { describeError } from "../../core/background/describeError.js";
import { OTHER_SECTION_NAME } from "../../core/categories/defaultCategories.js";
import { type DiscordDeps, workspaceKey } from "./context.js";

const MAX_CHOICES = 25;

let zones: string[] | undefined;
function allTimeZones(): string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
  return zones;
}

/** Zones whose name contains what was typed (spaces as underscores), those starting with it first. */
export function timeZoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, "_");
  const all = allTimeZones();
  if (wanted === "") return all.slice(0, MAX_CHOICES).map((z) => ({ name: z, value: z }));
  const starts: string[] = [];
  const contains: string[] = [];
  for (const zone of all) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf("/") + 1);
    if (lower.startsWith(wanted) || city.startsWith(wanted)) starts.push(zone);
    else if (lower.includes(wanted)) contains.push(zone);
  }
  return [...starts, ...contains].slice(0, MAX_CHOICES).map((z) => ({ name: z, value: z }));
}

/** Which sections a `category:` option offers: new links use open ones; unarchiving wants the others. */
type SectionChoice = "open" | "open+other" | "all" | "archived";

export async function categoryChoices(
  deps: DiscordDeps,
  workspace: string,
  typed: string,
  which: SectionChoice,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const wanted = typed.trim().toLowerCase();
  const categories = await deps.core.listCategories({
    workspace,
    includeArchived: which === "all" || which === "archived",
  });
  const names = categories
    .filter((c) => which !== "archived" || c.archived)
    .map((c) => ({ name: c.emoji ? `${c.emoji} ${c.name}` : c.name, value: c.name }));
  if (which === "open+other") names.push({ name: OTHER_SECTION_NAME, value: OTHER_SECTION_NAME });
  return names
    .filter((c) => wanted === "" || c.value.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) }));
}

/** Listing and editing can pick "Other" (no section); managing sections can pick archived ones. */
function sectionChoice(group: string | null, subcommand: string | null): SectionChoice {
  if (group === "category") {
    if (subcommand === "unarchive") return "archived";
    return subcommand === "archive" ? "open" : "all";
  }
  return subcommand === "list" || subcommand === "edit" ? "open+other" : "open";
}

export async function answerAutocomplete(
  deps: DiscordDeps,
  interaction: AutocompleteInteraction,
): Promise<void> {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value);
    if (focused.name === "timezone") choices = timeZoneChoices(typed);
    else if (focused.name === "category" && interaction.guildId) {
      const which = sectionChoice(
        interaction.options.getSubcommandGroup(false),
        interaction.options.getSubcommand(false),
      );
      choices = await categoryChoices(deps, workspaceKey(interaction.guildId), typed, which);
    }
  } catch (error) {
    deps.logger.error({ err: describeError(error), interactionId: interaction.id }, "autocomplete failed");
  }
  await interaction.respond(choices);
}
