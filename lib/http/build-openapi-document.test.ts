import { describe, expect, it } from "vitest";
import { ROUTE_PERMISSIONS } from "../auth/route-permissions.ts";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";
import { buildOpenApiDocument } from "./build-openapi-document.ts";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        parameters: { name: string; in: string; required: boolean }[];
        responses: Record<string, unknown>;
      }
    >
  >;
};

describe("GET /api/v1/openapi.json", () => {
  const doc = buildOpenApiDocument("https://assay.example") as unknown as Doc;

  it("describes every /api/v1 route of the permission table, and nothing else", () => {
    const expected = Object.keys(ROUTE_PERMISSIONS)
      .filter((k) => !k.startsWith("PAGE ") && k.split(" ")[1]?.startsWith("/api/v1"))
      .map((k) => {
        const [method = "", route = ""] = k.split(" ");
        return `${method.toLowerCase()} ${route.replace(/\[([^\]]+)\]/g, "{$1}")}`;
      })
      .sort();
    const described = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(described).toEqual(expected);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("takes request schemas from the zod schemas the handlers validate with", () => {
    const create = doc.paths["/api/v1/orgs/{org}/integrations"]?.post?.requestBody?.content["application/json"]
      ?.schema as {
      properties: { source: { enum: string[] } };
      additionalProperties: boolean;
      required: string[];
    };
    expect(create.properties.source.enum).toEqual([...SOURCE_KINDS]);
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(["source"]);
    const upload = doc.paths["/api/v1/evidence"]?.post;
    expect(upload?.parameters.find((p) => p.name === "source")).toMatchObject({ in: "query", required: true });
    expect(upload?.parameters.find((p) => p.name === "system")).toMatchObject({ in: "query", required: false });
    expect(upload?.responses["202"]).toBeDefined();
    expect(doc.paths["/api/v1/ingest/{integrationId}"]?.post?.parameters[0]).toMatchObject({
      name: "integrationId",
      in: "path",
    });
  });
});
