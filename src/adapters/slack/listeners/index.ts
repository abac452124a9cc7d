/**
 * Every Slack entry point, one folder per Bolt listener type: the `/read` command (commands/), the
 * add form's and the review draft's forms (views/), the category buttons and the draft's controls
 * (actions/) and the message shortcut (shortcuts/). Each folder's `register` wires its listeners into the app; the handlers take an
 * `Interaction`, so they run without one.
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import * as actions from "./actions/index.js";
import * as commands from "./commands/index.js";
import * as shortcuts from "./shortcuts/index.js";
import * as views from "./views/index.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  shortcuts.register(app, deps);
}
