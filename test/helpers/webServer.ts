import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback web server that plays "the web" for fetcher tests and counts every connection it gets. */
export interface TestWeb {
  port: number;
  origin: string;
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

export async function startTestWeb(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = "127.0.0.1",
): Promise<TestWeb> {
  const server: Server = createServer((req, res) => {
    web.requests.push(req.url ?? "");
    handler(req, res);
  });
  const web = {
    port: 0,
    origin: "",
    connections: 0,
    requests: [] as string[],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("connection", () => {
    web.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  web.port = (server.address() as AddressInfo).port;
  web.origin = `http://${host.includes(":") ? `[${host}]` : host}:${web.port}`;
  return web;
}

export function html(res: ServerResponse, body: string | Buffer, contentType = "text/html; charset=utf-8") {
  res.writeHead(200, { "content-type": contentType });
  res.end(body);
}
