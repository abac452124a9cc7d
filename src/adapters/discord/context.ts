/**
 * One interaction as the command modules see it: who asked, in which workspace, whether they are an
 * admin, and how to answer. Every answer goes out with no mentions allowed, private unless asked.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type BaseInteraction,
  GuildMember,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from "discord.js";
import { type Actor, actorOf } from "../../core/actor.js";
import type { BackgroundWork } from "../../core/background/backgroundWork.js";
import { UserError } from "../../core/errors.js";
import type { RoundupCore } from "../../core/roundupCore.js";
import { isAdmin } from "../../core/settings/manageSettings.js";
import type { Logger } from "../../logger.js";
import { NO_MENTIONS } from "./publisher.js";
import type { DiscordMessage } from "./render.js";
import { notAdminError } from "./replyError.js";

/** What every command gets. */
export interface DiscordDeps {
  logger: Logger;
  /**
   * The use cases, bound to the store: the adapter holds no store. When it reads pages
   * (`core.fetches`), a new link's page is read after the answer, and the answer updated.
   */
  core: RoundupCore;
  /** Interactions and follow-up work in progress; drained on stop. */
  inFlight: BackgroundWork;
}

/** A row of buttons or a menu, as a message carries it. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface Answer {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  /** Files attached to the answer, as Discord's upload takes them. */
  files?: { name: string; attachment: Buffer }[];
}

export const workspaceKey = (guildId: string) => `discord:${guildId}`;

/** The name the roundup credits: the server nickname, else the display name, else the user name. */
export function displayName(interaction: BaseInteraction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  if (member && "nick" in member && member.nick) return member.nick;
  return interaction.user.globalName ?? interaction.user.username;
}

export function roleIds(interaction: BaseInteraction): string[] {
  const member = interaction.member;
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles;
  if (member instanceof GuildMember) return [...member.roles.cache.keys()];
  return [];
}

export class CommandContext<I extends RepliableInteraction = RepliableInteraction> {
  readonly guildId: string;
  readonly workspace: string;
  readonly userId: string;
  private admin: boolean | undefined;
  private name: string | undefined;
  private asActor: Actor | undefined;

  constructor(
    readonly interaction: I,
    readonly deps: DiscordDeps,
  ) {
    if (!interaction.guildId) {
      throw new UserError(
        "guild.required",
        "Roundup works inside a server: use /read in one of its channels.",
      );
    }
    this.guildId = interaction.guildId;
    this.workspace = workspaceKey(interaction.guildId);
    this.userId = interaction.user.id;
  }

  get userName(): string {
    this.name ??= displayName(this.interaction);
    return this.name;
  }

  /** The person asking, as the core's use cases take them. */
  get actor(): Actor {
    this.asActor ??= actorOf({
      userId: this.userId,
      name: this.userName,
      isAdmin: () => this.isAdmin(),
    });
    return this.asActor;
  }

  /** Manage Server (or Administrator), or a user or role an admin added. */
  async isAdmin(): Promise<boolean> {
    if (this.admin === undefined) {
      const platformAdmin = this.interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      this.admin =
        platformAdmin ||
        isAdmin(await this.deps.core.getSettings({ workspace: this.workspace }), {
          userId: this.userId,
          roleIds: roleIds(this.interaction),
          platformAdmin,
        });
    }
    return this.admin;
  }

  /** Refuses, changing nothing, unless the person is an admin. */
  async requireAdmin(what: string): Promise<void> {
    if (await this.isAdmin()) return;
    throw notAdminError(what);
  }

  /**
   * Answers: the first answer acknowledges the interaction (or fills in a deferral), later ones are
   * follow-ups. Private unless `visible` says the channel should see it.
   */
  async reply(answer: Answer, options: { visible?: boolean } = {}): Promise<void> {
    const interaction = this.interaction;
    const payload = { ...answer, allowedMentions: NO_MENTIONS };
    const flags = options.visible ? undefined : MessageFlags.Ephemeral;
    if (interaction.deferred && !interaction.replied) await interaction.editReply(payload);
    else if (interaction.replied) await interaction.followUp({ ...payload, flags });
    else await interaction.reply({ ...payload, flags });
  }

  /** Replaces the first answer (a confirmation updated once a page was read). */
  async edit(answer: Answer): Promise<void> {
    await this.interaction.editReply({ ...answer, allowedMentions: NO_MENTIONS });
  }

  /** Sends one of a roundup's messages as an answer. */
  async replyMessage(message: DiscordMessage, options: { visible?: boolean } = {}): Promise<void> {
    await this.reply(
      { ...(message.content ? { content: message.content } : {}), embeds: message.embeds },
      options,
    );
  }
}
