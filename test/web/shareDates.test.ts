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

  it("agrees with Intl on every instant tried, in zones with odd offsets and clock changes", () => {
    const zones = [
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "America/St_Johns",
      "Asia/Kathmandu",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "Africa/Casablanca",
      "Pacific/Apia",
      "Asia/Tokyo",
    ];
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const timeZone of zones) {
      const dayOf = localDays(timeZone);
      const intl = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      const from = Date.UTC(2010, 0, 1);
      const to = Date.UTC(2032, 0, 1);
      for (let i = 0; i < 1_000; i++) {
        const at = from + Math.floor(random() * (to - from));
        expect(dayOf(at), `${timeZone} ${new Date(at).toISOString()}`).toBe(intl.format(at));
      }
      // Every quarter hour of each day of 2026 on which the zone's clock changes.
      const zoneName = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
      const offset = (at: number) => zoneName.formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
      let changes = 0;
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        if (offset(day) === offset(day + 86_399_000)) continue;
        changes++;
        for (let at = day; at < day + 86_400_000; at += 15 * 60_000) {
          expect(dayOf(at), `${timeZone} ${new Date(at).toISOString()}`).toBe(intl.format(at));
        }
      }
      if (timeZone === "Europe/Berlin" || timeZone === "Australia/Lord_Howe") expect(changes).toBe(2);
    }
  });
});
