import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { SqliteStore } from "./storage/sqliteStore.js";

const SETUP_HELP = `Roundup has no chat platform to connect to yet.

Set one of these in the environment (or in a .env file you load), then run npm start again:
  DISCORD_TOKEN                          to run in Discord
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET  to run in Slack

README.md explains each one (see "Configuration"); .env.example lists every variable.
Meanwhile the command line works on the same database: npm run -s cli -- --help`;

function main(): number {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Open (and migrate) first, so a bad DATABASE_URL is reported before anything else.
  const store = SqliteStore.open(config.databaseUrl);
  store.close();
  if (!config.discord && !config.slack) {
    console.error(SETUP_HELP);
    return 1;
  }
  logger.error(
    { discord: Boolean(config.discord), slack: Boolean(config.slack) },
    "The Discord and Slack adapters are not part of this release yet; use the CLI meanwhile.",
  );
  return 1;
}

process.exitCode = main();
