// Serves the ingest endpoint's handler (respondToDelivery, which the Next.js route calls) on a plain Node
// HTTP server, for fault tests that kill the process mid-load. Prints "ready <port>" on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { respondToDelivery } from "../ingest/respond-to-delivery.ts";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const integrationId = url.pathname.split("/").pop() ?? "";
    const request = new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) });
    void respondToDelivery(request, integrationId, "POST /api/v1/ingest/[integrationId]").then(async (response) => {
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
});
