import { randomUUID } from "node:crypto";
import { getConfig } from "../config/get-config.ts";
import { getLogger } from "../log/get-logger.ts";
import { toErrorResponse } from "../errors/to-error-response.ts";
import { buildSecurityHeaders } from "./build-security-headers.ts";

/** The app URL for HSTS; an invalid configuration is already answered as an error by the body. */
function appUrlOrNull(): string | null {
  try {
    return getConfig().url;
  } catch {
    return null;
  }
}

/**
 * Runs a route handler body with a request id, access logging and the one error-to-HTTP mapping.
 * A body returning a plain value is answered as JSON 200. Every answer, errors included, carries the
 * security headers of a non-page response (a handler's own value of one of them is kept).
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
  for (const header of buildSecurityHeaders(appUrlOrNull())) {
    if (!response.headers.has(header.key)) response.headers.set(header.key, header.value);
  }
  getLogger().info(
    { requestId, route: key, method: req.method, status: response.status, ms: Math.round(performance.now() - started) },
    "request",
  );
  return response;
}
