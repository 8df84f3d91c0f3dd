import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

export interface AckFirstProxy {
  /** The proxy's URL for the same path as `upstream`. */
  url: string;
  /** Resolves once every forwarded request has settled. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The injected fault of the negative control: a proxy that answers 202 as soon as it has the body
 * (with a made-up evidence id), then forwards the request to the app. It is an endpoint that
 * acknowledges before it commits; the checker must catch what that loses when the app dies.
 */
export async function startAckFirstProxy(upstream: string): Promise<AckFirstProxy> {
  const pending = new Set<Promise<unknown>>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(202, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ evidenceId: randomUUID(), duplicate: false, findings: 0, failing: 0, requirements: [] }),
      );
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === "string" && !HOP_HEADERS.has(e[0]),
        ),
      );
      const forward = fetch(upstream, { method: "POST", headers, body: Buffer.concat(chunks) })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      pending.add(forward);
      void forward.finally(() => pending.delete(forward));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${new URL(upstream).pathname}`,
    async drained() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
