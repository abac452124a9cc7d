/**
 * The Slack adapter tells time by the injected clock, as the core does: the five-minute window on a
 * request's signature and how long a person's name stays cached. (Pacing: slackPublisher.test.ts.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../helpers/tempStore.js";
import { Harness, sign } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** A clock a year away from the machine's, so only the injected one can make a request current. */
const farClock = () => fixedClock(new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString());

describe("the signature's timestamp window", () => {
  it("is measured on the injected clock", async () => {
    const clock = farClock();
    h = await Harness.start({ clock });
    const { body } = h.commandBody("add <https://clock.example/1>");
    const wallNow = Math.floor(Date.now() / 1000);
    expect((await h.post(body, { timestamp: wallNow, signature: sign(body, wallNow) })).status).toBe(401);
    expect(await h.links()).toHaveLength(0);

    const res = await h.post(body, { timestamp: h.nowSeconds(), signature: sign(body, h.nowSeconds()) });
    expect(res.status).toBe(200);
    expect(res.body?.text).toContain("Added #1");
    expect(await h.links()).toHaveLength(1);
  });
});

describe("the cache of who people are", () => {
  it("asks Slack again once five minutes have passed on the injected clock, and not before", async () => {
    const clock = farClock();
    h = await Harness.start({ clock });
    const lookups = () => h.api.callsTo("users.info").filter((c) => c.params.user === "UAMY").length;
    await h.command("add <https://clock.example/1>");
    expect(lookups()).toBe(1);
    clock.set(new Date(clock.now() + 4 * 60_000).toISOString());
    await h.command("add <https://clock.example/2>");
    expect(lookups()).toBe(1);
    clock.set(new Date(clock.now() + 2 * 60_000).toISOString());
    await h.command("add <https://clock.example/3>");
    expect(lookups()).toBe(2);
    expect((await h.links()).map((l) => l.sharedByName)).toEqual(["Amy", "Amy", "Amy"]);
  });
});
