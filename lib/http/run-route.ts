import { randomUUID } from "node:crypto";
import { getLogger } from "../log/get-logger.ts";
import { toErrorResponse } from "../errors/to-error-response.ts";

/**
 * Runs a route handler body with a request id, access logging and the one error-to-HTTP mapping.
 * A body returning a plain value is answered as JSON 200.
 */
export async function runRoute(
  req: Request,
  key: string,
  body: (requestId: string) => Promise<unknown>,
): Promise<Response> {
  const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
  const started = performance.now();
  let response: Response;
  try {
    const result = await body(requestId);
    response =
      result instanceof Response ? result : Response.json(result, { headers: { "cache-control": "no-store" } });
    response.headers.set("x-request-id", requestId);
  } catch (error) {
    response = toErrorResponse(error, requestId);
  }
  getLogger().info(
    { requestId, route: key, method: req.method, status: response.status, ms: Math.round(performance.now() - started) },
    "request",
  );
  return response;
}
