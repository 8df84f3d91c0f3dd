import { getConfig } from "@/lib/config/get-config.ts";
import { buildOpenApiDocument } from "@/lib/http/build-openapi-document.ts";
import { runRoute } from "@/lib/http/run-route.ts";

/** The OpenAPI 3.1 description of /api/v1 (public: it holds no data). */
export function GET(req: Request): Promise<Response> {
  return runRoute(req, "GET /api/v1/openapi.json", () => Promise.resolve(buildOpenApiDocument(getConfig().url)));
}
