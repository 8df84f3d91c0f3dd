import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { respondToDelivery } from "../ingest/respond-to-delivery.ts";

const INGEST_PATH = /^\/api\/v1\/ingest\/([^/?#]+)\/?(?:\?.*)?$/;

/**
 * The ingest endpoint without Next.js's router in front: `POST|OPTIONS /api/v1/ingest/<id>` go straight
 * to `respondToDelivery`, the function the Next.js route handler is (same verification, parsing,
 * storage, errors and headers; the route tests and fault tests cover both). Measured reason: the
 * framework's per-request work was a large share of a 1 KiB delivery's cost (README, Performance).
 * Returns false for any other request, which Next.js then serves.
 */
export function serveIngestDirectly(req: IncomingMessage, res: ServerResponse, origin: string): boolean {
  const method = req.method ?? "GET";
  const match = INGEST_PATH.exec(req.url ?? "");
  if (!match?.[1] || (method !== "POST" && method !== "OPTIONS")) return false;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (method === "POST") {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = "half"; // a streamed request body (Node's fetch requires saying so)
  }
  const request = new Request(new URL(req.url ?? "/", origin), init);
  let integrationId = match[1];
  try {
    integrationId = decodeURIComponent(integrationId);
  } catch {
    // a malformed escape stays as sent: it is no integration id, so the answer is 404
  }
  void respondToDelivery(request, integrationId, `${method} /api/v1/ingest/[integrationId]`).then(
    async (response) => {
      const out: Record<string, string> = {};
      response.headers.forEach((value, key) => (out[key] = value));
      res.writeHead(response.status, out);
      if (response.body) {
        for await (const chunk of response.body as WebReadableStream<Uint8Array>) res.write(chunk);
      }
      res.end();
    },
    (error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return true;
}
