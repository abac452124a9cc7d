/**
 * Every Discord command, listed once: the same lists build the definitions registered with Discord
 * and route the interactions that come back.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPutAPIApplicationCommandsJSONBody,
  SlashCommandBuilder,
  SlashCommandSubcommandGroupBuilder,
} from "discord.js";
import add from "./add.js";
import addToReadingList from "./addToReadingList.js";
import categoryAdd from "./category/add.js";
import { categoryArchive, categoryUnarchive } from "./category/archive.js";
import categoryList from "./category/list.js";
import categoryMove from "./category/move.js";
import categoryRemove from "./category/remove.js";
import categoryRename from "./category/rename.js";
import configAdmins from "./config/admins.js";
import configArchive from "./config/archive.js";
import configChannel from "./config/channel.js";
import configIntro from "./config/intro.js";
import configQuiet from "./config/quiet.js";
import configSchedule from "./config/schedule.js";
import configShow from "./config/show.js";
import configTitle from "./config/title.js";
import edit from "./edit.js";
import help from "./help.js";
import list, { listPager } from "./list.js";
import remove from "./remove.js";
import roundupExport from "./roundup/exportMarkdown.js";
import roundupPost from "./roundup/post.js";
import roundupPreview from "./roundup/preview.js";
import search from "./search.js";
import type { ButtonHandler, MessageCommand, ReadGroup, ReadSubcommand } from "./types.js";

export const READ_COMMAND = "read";

export const readSubcommands: readonly ReadSubcommand[] = [
  add,
  list,
  edit,
  remove,
  search,
  roundupPreview,
  roundupExport,
  roundupPost,
  categoryAdd,
  categoryRename,
  categoryMove,
  categoryArchive,
  categoryUnarchive,
  categoryRemove,
  categoryList,
  configChannel,
  configSchedule,
  configAdmins,
  configQuiet,
  configArchive,
  configTitle,
  configIntro,
  configShow,
  help,
];

export const messageCommands: readonly MessageCommand[] = [addToReadingList];

export const buttonHandlers: readonly ButtonHandler[] = [listPager];

const GROUPS: Record<ReadGroup, string> = {
  roundup: "The monthly roundup",
  category: "The roundup's sections",
  config: "Where and when the roundup goes out, and who runs it",
};

/** `/read`, its subcommands and groups in the order listed above. */
export function readCommandData(): SlashCommandBuilder {
  const read = new SlashCommandBuilder()
    .setName(READ_COMMAND)
    .setDescription("The team's reading list and its monthly roundup")
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  const groups = new Map<ReadGroup, SlashCommandSubcommandGroupBuilder>();
  for (const subcommand of readSubcommands) {
    if (!subcommand.group) {
      read.addSubcommand(subcommand.data);
      continue;
    }
    let group = groups.get(subcommand.group);
    if (!group) {
      group = new SlashCommandSubcommandGroupBuilder()
        .setName(subcommand.group)
        .setDescription(GROUPS[subcommand.group]);
      groups.set(subcommand.group, group);
      read.addSubcommandGroup(group);
    }
    group.addSubcommand(subcommand.data);
  }
  return read;
}

/** What is registered with Discord (a bulk overwrite): `/read` and the message commands. */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  return [readCommandData().toJSON(), ...messageCommands.map((command) => command.data.toJSON())];
}

export function findSubcommand(group: string | null, name: string): ReadSubcommand | undefined {
  return readSubcommands.find((s) => (s.group ?? null) === group && s.data.name === name);
}

export function findMessageCommand(name: string): MessageCommand | undefined {
  return messageCommands.find((c) => c.data.name === name);
}

export function findButton(customId: string): ButtonHandler | undefined {
  const prefix = customId.split(":", 1)[0];
  return buttonHandlers.find((b) => b.prefix === prefix);
}
