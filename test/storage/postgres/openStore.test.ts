/**
 * Opening PostgreSQL from DATABASE_URL as `npm start` and the command line do: what a person who set a
 * wrong URL reads, on the real server (TEST_DATABASE_URL). Never the password.
 */
import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/core/errors.js";
import { openStore } from "../../../src/storage/openStore.js";
import { NO_SERVER, TEST_DATABASE_URL } from "../../helpers/postgresServer.js";

async function refusal(databaseUrl: string): Promise<UserError> {
  try {
    const store = await openStore(databaseUrl, { poolMax: 1 });
    await store.close();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error(`expected ${databaseUrl} to be refused`);
}

/** TEST_DATABASE_URL with a password and another database, port or query. */
function variant(change: (url: URL) => void): string {
  const url = new URL(TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  url.password = "s3cret-pw";
  change(url);
  return url.toString();
}

describe("opening PostgreSQL from DATABASE_URL", () => {
  it("says a server that refuses the connection refused it, naming the host and port only", async () => {
    const error = await refusal(
      variant((url) => {
        url.hostname = "127.0.0.1";
        url.port = "1";
      }),
    );
    expect(error.message).toBe(
      `DATABASE_URL points to PostgreSQL at 127.0.0.1:1${new URL(variant(() => {})).pathname}, which refused the connection: start the server, or check the host and port.`,
    );
    expect(error.message).not.toContain("s3cret-pw");
  });

  describe.skipIf(NO_SERVER)(`on the test server${NO_SERVER ? `: ${NO_SERVER}` : ""}`, () => {
    it("says a database that does not exist does not, and how to create it", async () => {
      const error = await refusal(
        variant((url) => {
          url.pathname = "/roundup_no_such_database";
        }),
      );
      expect(error.message).toMatch(
        /^DATABASE_URL names a database that does not exist on .+: create it \(createdb\)/,
      );
      expect(error.message).not.toContain("s3cret-pw");
    });

    it("takes TLS as sslmode asks: refused when the server has none to give, plain when disabled", async () => {
      const tls = await refusal(variant((url) => url.searchParams.set("sslmode", "verify-full")));
      expect(tls.message).toMatch(
        /^Could not set up TLS with PostgreSQL at .+: check sslmode in DATABASE_URL/,
      );
      expect(tls.message).not.toContain("s3cret-pw");

      const plain = await openStore(
        variant((url) => url.searchParams.set("sslmode", "disable")),
        { poolMax: 1 },
      );
      try {
        expect(await plain.healthy()).toBe(true);
      } finally {
        await plain.close();
      }
    });
  });
});
