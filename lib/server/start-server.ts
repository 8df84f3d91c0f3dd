import { createServer, type Server } from "node:http";
import next from "next";
import type { AssayConfig } from "../config/config-schema.ts";
import { startWorker } from "../jobs/start-worker.ts";
import { getLogger } from "../log/get-logger.ts";
import { serveIngestDirectly } from "./serve-ingest-directly.ts";

/**
 * Serves the production build of the Next.js app from this process, so the app and the start-up
 * code share one database handle (and, on PGlite, one lock). Resolves once listening.
 */
export async function startServer(config: AssayConfig, dir: string = process.cwd()): Promise<Server> {
  const app = next({ dev: false, dir, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    try {
      decodeURI(req.url ?? "/");
    } catch {
      // Next.js answers a malformed percent-escape with a 500; it is the client's mistake.
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "bad_request", message: "The URL has a malformed percent-escape." } }));
      return;
    }
    if (serveIngestDirectly(req, res, config.url)) return;
    handle(req, res).catch((error: unknown) => {
      getLogger().error({ err: error }, "unhandled request error");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  if (config.ASSAY_WORKER === "inline") await startWorker();
  return server;
}
