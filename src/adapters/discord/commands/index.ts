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
import configOrder from "./config/order.js";
import configPicks from "./config/picks.js";
import configQuiet from "./config/quiet.js";
import configReview from "./config/review.js";
import configSchedule from "./config/schedule.js";
import configShow from "./config/show.js";
import configTitle from "./config/title.js";
import edit from "./edit.js";
import help from "./help.js";
import list, { listPager } from "./list.js";
import remove from "./remove.js";
import { reviewButtons } from "./review/buttons.js";
import { reviewMenus } from "./review/menus.js";
import { reviewNoteForm } from "./review/noteForm.js";
import roundupExport from "./roundup/exportMarkdown.js";
import roundupPost from "./roundup/post.js";
import roundupPreview from "./roundup/preview.js";
import search from "./search.js";
import type {
  ButtonHandler,
  MessageCommand,
  ModalHandler,
  ReadGroup,
  ReadSubcommand,
  SelectHandler,
} from "./types.js";
import vote, { voteButton } from "./vote.js";

export const READ_COMMAND = "read";

export const readSubcommands: readonly ReadSubcommand[] = [
  add,
  list,
  edit,
  remove,
  search,
  vote,
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
  configOrder,
  configPicks,
  configReview,
  configShow,
  help,
];

export const messageCommands: readonly MessageCommand[] = [addToReadingList];

export const buttonHandlers: readonly ButtonHandler[] = [listPager, voteButton, reviewButtons];

export const selectHandlers: readonly SelectHandler[] = [reviewMenus];

export const modalHandlers: readonly ModalHandler[] = [reviewNoteForm];

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

/** The handler of a custom id (`prefix:args…`) among `handlers`. */
export function findHandler<H extends { prefix: string }>(
  handlers: readonly H[],
  customId: string,
): H | undefined {
  const prefix = customId.split(":", 1)[0];
  return handlers.find((h) => h.prefix === prefix);
}
