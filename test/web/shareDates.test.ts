import { describe, expect, it } from "vitest";
import { isoInstant, localDays } from "../../src/web/html/shareDates.js";

describe("the dates on a month page", () => {
  it("writes every instant exactly as toISOString does, across leap days, centuries and odd years", () => {
    const instants = [
      0,
      -1,
      951_782_400_000, // 2000-02-29
      4_107_542_399_999, // 2100-02-28T23:59:59.999
      Date.UTC(1000, 0, 1),
      Date.UTC(1000, 0, 1) - 1,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(1900, 1, 28, 12),
      1.5,
    ];
    let seed = 7;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      instants.push(Date.UTC(1600, 0, 1) + Math.floor((seed / 2_147_483_648) * 20_000_000_000_000));
    }
    for (const at of instants) expect(isoInstant(at)).toBe(new Date(at).toISOString());
  });

  it("dates a share on the day the workspace's clock showed, on both sides of midnight and DST changes", () => {
    const berlin = localDays("Europe/Berlin");
    expect(berlin(Date.UTC(2026, 6, 31, 22, 30))).toBe("2026-08-01");
    expect(berlin(Date.UTC(2026, 6, 31, 21, 59))).toBe("2026-07-31");
    expect(berlin(Date.UTC(2026, 2, 29, 0, 30))).toBe("2026-03-29");
    const newYork = localDays("America/New_York");
    expect(newYork(Date.UTC(2026, 10, 1, 3, 59))).toBe("2026-10-31");
    expect(newYork(Date.UTC(2026, 10, 1, 4, 0))).toBe("2026-11-01");
    expect(localDays()(Date.UTC(2026, 6, 31, 23, 59))).toBe("2026-07-31");
  });
});
