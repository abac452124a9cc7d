/** The two Web API methods the adapter calls while benchmarked: auth.test at start, users.info once per person. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export async function startMockApi(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "");
      const body =
        method === "auth.test"
          ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "TBENCH" }
          : method === "users.info"
            ? {
                ok: true,
                user: {
                  id: "UBENCH",
                  name: "bench",
                  real_name: "Bench User",
                  profile: { display_name: "Bench" },
                },
              }
            : { ok: false, error: "unknown_method" };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
