/**
 * Starts the Discord adapter: logs in over the gateway (all of it, or the shards it is given),
 * registers the commands (bulk overwrite, globally or in one guild; when sharded, only the process
 * holding shard 0), logs the invite link, and answers interactions until `stop`.
 */
import { once } from "node:events";
import {
  type CacheFactory,
  Client,
  Events,
  GatewayIntentBits,
  LimitedCollection,
  MessageFlags,
  Options,
  RESTEvents,
} from "discord.js";
import type { DiscordShards } from "../../config.js";
import { BackgroundWork } from "../../core/background/backgroundWork.js";
import { describeError } from "../../core/background/describeError.js";
import type { DraftBoard } from "../../core/ports/draftBoard.js";
import type { RoundupPublisher } from "../../core/ports/publisher.js";
import type { RoundupCore } from "../../core/roundupCore.js";
import type { Logger } from "../../logger.js";
import type { DiscordDeps } from "./context.js";
import { createDiscordDraftBoard } from "./draft/draftBoard.js";
import type { DraftMessage } from "./draft/renderDraft.js";
import { createDiscordPublisher, NO_MENTIONS } from "./publisher.js";
import { inviteUrl, registerCommands } from "./registration.js";
import type { DiscordMessage } from "./render.js";
import { handleInteraction } from "./router.js";

export interface StartDiscordOptions {
  token: string;
  /** Register the commands in this guild only (development: they show at once). */
  guildId?: string;
  /** The REST base, e.g. a proxy or a test server (discord.js's `rest.api`); Discord's own when unset. */
  apiUrl?: string;
  /**
   * The gateway shards this process runs, out of how many all processes share (discord.js's `shards`
   * and `shardCount`); Discord sends each guild's events over shard `(guild_id >> 22) % count`. Unset:
   * one process holds the whole gateway, as discord.js decides.
   */
  shards?: DiscordShards;
  logger: Logger;
  /** The use cases, bound to the store; the adapter hands it its publisher. */
  core: RoundupCore;
  /** How long `stop` waits for work in flight; default 10 s. */
  drainMs?: number;
  /** discord.js's default caches instead of Roundup's limits: for the bench, to measure what the limits save. */
  defaultCaches?: boolean;
}

export interface RunningDiscord {
  client: Client;
  /** Posts roundups to Discord for the core's `postRoundup` and scheduler: `publishers: { discord: publisher }`. */
  publisher: RoundupPublisher<DiscordMessage>;
  /** Shows review drafts in Discord for the core and the scheduler: `boards: { discord: board }`. */
  board: DraftBoard<DraftMessage>;
  /** Stops taking interactions, lets those in flight (and page lookups, posts) finish, and logs out. */
  stop(): Promise<void>;
}

const RESTARTING = "Roundup is restarting; try again in a moment.";

/** Caches the bot never reads: nothing goes in them. */
const NEVER_CACHED = new Set([
  "MessageManager",
  "PresenceManager",
  "VoiceStateManager",
  "ReactionManager",
  "ReactionUserManager",
  "GuildEmojiManager",
  "BaseGuildEmojiManager",
  "GuildStickerManager",
  "GuildScheduledEventManager",
  "GuildInviteManager",
  "GuildBanManager",
  "GuildSoundboardSoundManager",
  "StageInstanceManager",
  "ThreadMemberManager",
  "AutoModerationRuleManager",
  "ApplicationCommandManager",
  "GuildApplicationCommandManager",
  "EntitlementManager",
  // Threads stay in the channel caches; only each channel's own list of its threads goes.
  "GuildTextThreadManager",
  "GuildForumThreadManager",
]);

/**
 * Caches only what the bot uses: guilds, their channels and roles (which discord.js needs). Members,
 * users, messages, presences and the rest are never kept; the bot's own user and member are. Every
 * never-filled cache is one shared empty collection rather than one per channel and guild: at a
 * thousand guilds of 27 channels that is some 60,000 empty maps fewer.
 */
export function cacheSettings(): CacheFactory {
  const never = new LimitedCollection({ maxSize: 0 });
  const limited = Options.cacheWithLimits({
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  });
  return ((managerType, holds, manager) =>
    NEVER_CACHED.has(manager.name) || NEVER_CACHED.has(managerType.name)
      ? never
      : limited(managerType, holds, manager)) as CacheFactory;
}

export function createClient(options: {
  apiUrl?: string | undefined;
  defaultCaches?: boolean | undefined;
  shards?: DiscordShards | undefined;
}): Client {
  return new Client({
    ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    // Interactions need no intent; Guilds gives the server list (and GUILD_CREATE) only.
    intents: [GatewayIntentBits.Guilds],
    // The default is what discord.js's Options.createDefault() sets when makeCache is not given.
    makeCache: options.defaultCaches
      ? Options.cacheWithLimits(Options.DefaultMakeCacheSettings)
      : cacheSettings(),
    sweepers: { ...Options.DefaultSweeperSettings },
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  });
}

export async function startDiscord(options: StartDiscordOptions): Promise<RunningDiscord> {
  const { logger } = options;
  const client = createClient(options);
  const inFlight = new BackgroundWork(logger);
  const publisher = createDiscordPublisher({ rest: client.rest });
  options.core.usePublisher("discord", publisher as RoundupPublisher);
  const board = createDiscordDraftBoard({ rest: client.rest });
  options.core.useBoard("discord", board as DraftBoard);
  const deps: DiscordDeps = {
    logger,
    core: options.core,
    inFlight,
  };
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) {
      if (interaction.isRepliable()) {
        void interaction
          .reply({ content: RESTARTING, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
          .catch(() => undefined);
      }
      return;
    }
    void inFlight.run("interaction", { interactionId: interaction.id }, () =>
      handleInteraction(deps, interaction),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, "Discord client error"));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn({ err: describeError(error), shard }, "Discord gateway connection error"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, "Discord gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, "Discord gateway resumed"),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ shard, code: event.code }, "Discord gateway closed for good"),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.debug(
      { route: info.route, retryAfter: info.retryAfter, global: info.global },
      "Discord rate limit",
    ),
  );

  const ready = once(client, Events.ClientReady);
  // Awaited below; this only keeps a failed login's leftover promise from going unhandled.
  ready.catch(() => undefined);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const applicationId = client.application?.id ?? client.user?.id;
  if (!applicationId) {
    await client.destroy();
    throw new Error("Discord did not say which application this bot is");
  }
  // The commands belong to the application, not to a shard: when the gateway is split, the one
  // process holding shard 0 (every complete deployment has one) registers them for all.
  if (!options.shards || options.shards.ids.includes(0)) {
    try {
      const count = await registerCommands(client.rest, applicationId, options.guildId);
      logger.info(
        { count, scope: options.guildId ? `guild ${options.guildId}` : "global" },
        "Discord commands registered",
      );
    } catch (error) {
      // The commands registered before still work; the bot keeps running and says why.
      logger.error({ err: describeError(error) }, "registering the Discord commands failed");
    }
  } else {
    logger.info("Discord commands are registered by the process that holds shard 0");
  }
  logger.info(
    {
      invite: inviteUrl(applicationId),
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    },
    "Discord connected; invite the bot to a server with the invite link",
  );

  let stopped: Promise<void> | undefined;
  return {
    client,
    publisher,
    board,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const drainMs = options.drainMs ?? 10_000;
        if (!(await inFlight.drain(drainMs))) {
          logger.warn({ pending: inFlight.size }, "stopped with Discord work still running");
        }
        // Draft redraws that follow shares run in the core; they need the client's REST until done.
        // After the interactions: a share still being answered may start one.
        if (!(await options.core.settle(drainMs))) {
          logger.warn("stopped with a review draft still being redrawn");
        }
        await client.destroy();
      })();
      return stopped;
    },
  };
}
