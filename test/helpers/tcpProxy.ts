/**
 * A TCP proxy on 127.0.0.1 in front of a server (the test PostgreSQL): what stands between Roundup and
 * its database, so a test can cut the network and restore it, or let several processes' first
 * connections through at one moment.
 */
import { connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** `url` (a postgres:// URL of the proxied server) pointed at the proxy instead. */
  through(url: string): string;
  /** Refuses new connections and cuts the open ones, as a partition or a server that went away does. */
  cut(): Promise<void>;
  /** Accepts and forwards again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Holds the first connections, unanswered, until this many have arrived, then forwards them all at once. */
  holdUntil?: number;
}

export async function startTcpProxy(
  target: { host: string; port: number },
  options: ProxyOptions = {},
): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    // Cut on purpose, or by the other side: either way the pair is torn down below.
    socket.on("error", () => {});
  };
  const forward = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  };
  let held: Socket[] | null = options.holdUntil ? [] : null;
  const server = createServer((client) => {
    track(client);
    if (!held) return forward(client);
    // Until released, what the client sends waits in its socket's buffer.
    held.push(client);
    if (held.length < (options.holdUntil ?? 0)) return;
    const released = held;
    held = null;
    for (const waiting of released) forward(waiting);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as { port: number }).port;
  const cut = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of open) socket.destroy();
    await closed;
  };
  return {
    port,
    through: (url) => {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(port);
      return proxied.toString();
    },
    cut,
    restore: () => listen(port),
    close: () => (server.listening ? cut() : Promise.resolve()),
  };
}
