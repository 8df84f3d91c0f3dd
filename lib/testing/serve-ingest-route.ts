// Serves the ingest endpoint the way `assay start` does (serveIngestDirectly: respondToDelivery, the
// function the Next.js route handler is) on a plain Node HTTP server, for fault tests that kill the
// process mid-load. Prints "ready <port>" on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveIngestDirectly } from "../server/serve-ingest-directly.ts";

const server = createServer((req, res) => {
  if (!serveIngestDirectly(req, res, "http://127.0.0.1")) res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
});
