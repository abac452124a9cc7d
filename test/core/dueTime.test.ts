import { describe, expect, it } from "vitest";
import {
  dueInstant,
  firstPeriodAfter,
  latestDuePeriod,
  zonedInstant,
} from "../../src/core/schedule/dueTime.js";
import type { Schedule } from "../../src/core/types.js";

const iso = (instant: number) => new Date(instant).toISOString();

describe("zonedInstant", () => {
  it("reads an ordinary wall time in the zone", () => {
    expect(iso(zonedInstant({ year: 2026, month: 7, day: 1 }, "09:00", "Europe/Berlin"))).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(iso(zonedInstant({ year: 2026, month: 1, day: 1 }, "09:00", "Europe/Berlin"))).toBe(
      "2026-01-01T08:00:00.000Z",
    );
  });

  it("moves a time that does not exist (spring forward) to the next valid minute", () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 8 }, "02:30", "America/New_York"))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 8 }, "03:00", "America/New_York"))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    // London, 2026-03-29: 01:00 GMT jumps to 02:00 BST (01:00Z).
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 29 }, "01:15", "Europe/London"))).toBe(
      "2026-03-29T01:00:00.000Z",
    );
  });

  it("takes the first of a time that happens twice (fall back)", () => {
    // New York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(zonedInstant({ year: 2026, month: 11, day: 1 }, "01:30", "America/New_York"))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // London, 2026-10-25: 01:30 happens at 00:30Z (BST) and 01:30Z (GMT).
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 25 }, "01:30", "Europe/London"))).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("handles Lord Howe's half-hour shift both ways", () => {
    // 2026-10-04 02:00 LHST (+10:30) becomes 02:30 LHDT (+11): 02:15 does not exist.
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 4 }, "02:15", "Australia/Lord_Howe"))).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    // 2026-04-05 02:00 LHDT goes back to 01:30 LHST: 01:45 happens twice; the first is at +11.
    expect(iso(zonedInstant({ year: 2026, month: 4, day: 5 }, "01:45", "Australia/Lord_Howe"))).toBe(
      "2026-04-04T14:45:00.000Z",
    );
  });
});

describe("due periods", () => {
  const newYork: Schedule = { day: 8, time: "02:30", timeZone: "America/New_York" };

  it("posts last month's roundup on the schedule's day, across a DST change", () => {
    expect(iso(dueInstant("2026-02", newYork))).toBe("2026-03-08T07:00:00.000Z");
    expect(latestDuePeriod(Date.parse("2026-03-08T06:59:00Z"), newYork)).toBe("2026-01");
    expect(latestDuePeriod(Date.parse("2026-03-08T07:00:00Z"), newYork)).toBe("2026-02");
  });

  it("counts months in the workspace's zone, across the year", () => {
    const tokyo: Schedule = { day: 1, time: "00:30", timeZone: "Asia/Tokyo" };
    // 2026-12-31T15:30Z is already January 1st, 00:30, in Tokyo.
    expect(latestDuePeriod(Date.parse("2026-12-31T15:30:00Z"), tokyo)).toBe("2026-12");
    expect(latestDuePeriod(Date.parse("2026-12-31T15:29:00Z"), tokyo)).toBe("2026-11");
  });

  it("never posts a period whose time had passed when the schedule was set", () => {
    const schedule: Schedule = { day: 3, time: "09:00", timeZone: "UTC" };
    // Set a minute after July's post time: the first post is August's, for July.
    expect(firstPeriodAfter(Date.parse("2026-07-03T09:01:00Z"), schedule)).toEqual({
      period: "2026-07",
      at: Date.parse("2026-08-03T09:00:00Z"),
    });
    // Set a minute before: June's roundup is still ahead.
    expect(firstPeriodAfter(Date.parse("2026-07-03T08:59:00Z"), schedule)).toEqual({
      period: "2026-06",
      at: Date.parse("2026-07-03T09:00:00Z"),
    });
  });
});
