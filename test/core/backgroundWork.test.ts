import { describe, expect, it } from "vitest";
import { BackgroundWork } from "../../src/core/background/backgroundWork.js";
import type { Logger } from "../../src/core/ports/logger.js";

function recordingLogger() {
  const errors: { fields: object; message: string | undefined }[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (fields, message) => errors.push({ fields, message }),
  };
  return { logger, errors };
}

describe("BackgroundWork", () => {
  it("drains work in flight, and work that work starts", async () => {
    const { logger } = recordingLogger();
    const work = new BackgroundWork(logger);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done: string[] = [];
    void work.run("first", {}, async () => {
      await gate;
      done.push("first");
      void work.run("second", {}, async () => {
        await Promise.resolve();
        done.push("second");
      });
    });
    expect(work.size).toBe(1);
    const drained = work.drain(5_000);
    release();
    expect(await drained).toBe(true);
    expect(done).toEqual(["first", "second"]);
    expect(work.size).toBe(0);
  });

  it("says when work outlasts the wait", async () => {
    const work = new BackgroundWork(recordingLogger().logger);
    void work.run("stuck", {}, () => new Promise<void>(() => {}));
    expect(await work.drain(10)).toBe(false);
  });

  it("logs a failure with what it was and its context, without the error's other fields", async () => {
    const { logger, errors } = recordingLogger();
    const work = new BackgroundWork(logger);
    await work.run("post roundup", { guild: "g1" }, async () => {
      throw Object.assign(new Error("nope"), { url: "https://discord.com/api/interactions/1/token" });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe("background work failed");
    expect(errors[0]?.fields).toMatchObject({ task: "post roundup", guild: "g1", err: { message: "nope" } });
    expect(JSON.stringify(errors[0]?.fields)).not.toContain("token");
  });
});
