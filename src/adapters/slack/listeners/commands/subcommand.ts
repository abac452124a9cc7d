import type { SlackDeps } from "../../deps.js";
import type { Interaction } from "../../interaction.js";

/**
 * One `/read` subcommand as the router runs it: `run` takes the `Interaction`, so it runs without a
 * Bolt app, and `Input` is the part of the parsed command it reads.
 */
export interface Subcommand<Input> {
  /**
   * Admins only (workspace admins and owners, and people they added): the router checks it before
   * `run` and refuses with "Only workspace admins and people they add can <adminOnly>. …". Left out
   * when anyone may run it, and when the rights depend on the input (a member edits their own links,
   * an admin anyone's): the handler decides those.
   */
  adminOnly?: string;
  run(deps: SlackDeps, ix: Interaction, input: Input): Promise<void>;
}
