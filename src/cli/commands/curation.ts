import type { CurateAction, CurateOutcome } from "../../core/review/curateLink.js";
import { periodLabel } from "../../core/time/period.js";
import type { PicksSettings } from "../../core/types.js";
import { type Parsed, UsageError } from "../args.js";
import { picksHeading } from "../format.js";

/** `edit`'s flags for an editor's marks, each the core's action of the same name. */
export const CURATE_FLAGS: readonly CurateAction[] = ["drop", "restore", "pick", "unpick"];

/** What `--no-<flag>` would mean, said as the flag that means it. */
const OPPOSITE: Record<CurateAction, CurateAction> = {
  drop: "restore",
  restore: "drop",
  pick: "unpick",
  unpick: "pick",
};

/**
 * The one mark `edit` was asked to make, if any. Two at once are refused before anything changes:
 * even the pairs that could be read one way (--drop --unpick) say the same thing twice.
 */
export function curateAction(parsed: Parsed, usage: string): CurateAction | undefined {
  for (const flag of CURATE_FLAGS) {
    if (parsed.values[flag] === false) {
      throw new UsageError(`there is no --no-${flag}; say --${OPPOSITE[flag]}`, usage);
    }
  }
  const given = CURATE_FLAGS.filter((flag) => parsed.values[flag] === true);
  if (given.length > 1) {
    throw new UsageError(
      `${given.map((flag) => `--${flag}`).join(" and ")} can't go together: give one of --drop, --restore, --pick or --unpick`,
      usage,
    );
  }
  return given[0];
}

/** What the mark did to the link's place in its month's roundup, in one sentence. */
export function curationSentence(outcome: CurateOutcome, picks: PicksSettings): string {
  const id = `#${outcome.link.id}`;
  const month = `the ${periodLabel(outcome.period)} roundup`;
  const changed = outcome.kind === "changed";
  switch (outcome.action) {
    case "drop":
      return changed
        ? `${id} is dropped from ${month}; it stays on the list.`
        : `${id} was already dropped from ${month}; it stays on the list.`;
    case "restore":
      return changed ? `${id} is back in ${month}.` : `${id} wasn't dropped: it is in ${month}.`;
    case "pick":
      return changed
        ? `${id} is picked: it opens ${month} in “${picksHeading(picks)}”.`
        : `${id} was already picked: it opens ${month} in “${picksHeading(picks)}”.`;
    case "unpick":
      if (changed) return `${id} is no longer picked: it is back in its category in ${month}.`;
      return outcome.link.dropped
        ? `${id} wasn't picked: it is dropped from ${month}.`
        : `${id} wasn't picked: it is in its category in ${month}.`;
  }
}
