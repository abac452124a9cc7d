import { describe, expect, it } from "vitest";
import {
  assertTimeZone,
  parsePeriod,
  periodBounds,
  periodLabel,
  periodOf,
  previousPeriod,
} from "../../src/core/time/period.js";

describe("periodBounds", () => {
  it("spans a month in UTC", () => {
    const { start, end } = periodBounds("2026-07", "UTC");
    expect(new Date(start).toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-08-01T00:00:00.000Z");
  });

  it("takes month boundaries in the workspace's time zone", () => {
    const { start, end } = periodBounds("2026-07", "America/New_York");
    // EDT is UTC-4 in July and August.
    expect(new Date(start).toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-08-01T04:00:00.000Z");
  });

  it("follows a daylight-saving change inside the month", () => {
    // Berlin switches from CEST (+2) to CET (+1) on 2026-10-25.
    const { start, end } = periodBounds("2026-10", "Europe/Berlin");
    expect(new Date(start).toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-10-31T23:00:00.000Z");
  });

  it("handles zones ahead of UTC and the year's turn", () => {
    const { start, end } = periodBounds("2026-12", "Pacific/Auckland");
    expect(new Date(start).toISOString()).toBe("2026-11-30T11:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-12-31T11:00:00.000Z");
  });
});

describe("periodOf and previousPeriod", () => {
  it("puts a late-evening share in New York in the month New York sees", () => {
    const instant = Date.parse("2026-08-01T02:00:00Z"); // 22:00 on July 31 in New York
    expect(periodOf(instant, "America/New_York")).toBe("2026-07");
    expect(periodOf(instant, "UTC")).toBe("2026-08");
  });

  it("names last month, across the year boundary", () => {
    expect(previousPeriod(Date.parse("2026-01-01T09:00:00Z"), "UTC")).toBe("2025-12");
    expect(previousPeriod(Date.parse("2026-03-31T23:30:00Z"), "Asia/Tokyo")).toBe("2026-03");
  });
});

describe("assertTimeZone", () => {
  it("takes IANA names in any case and stores their canonical spelling", () => {
    expect(assertTimeZone("utc")).toBe("UTC");
    expect(assertTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(assertTimeZone("America/New_York")).toBe("America/New_York");
  });

  it.each(["EST", "cet", "Mars/Olympus_Mons", "", "Europe/"])("refuses %j with a hint", (zone) => {
    expect(() => assertTimeZone(zone)).toThrow(/Use an IANA name like Europe\/Berlin/);
  });
});

describe("parsePeriod", () => {
  it.each(["2026-7", "2026-13", "2026-00", "July", "2026/07", ""])("refuses %j", (text) => {
    expect(() => parsePeriod(text)).toThrow(/isn't a month/);
  });

  it("accepts YYYY-MM and labels it in English", () => {
    expect(parsePeriod(" 2026-07 ")).toBe("2026-07");
    expect(periodLabel("2026-07")).toBe("July 2026");
  });
});
