import { z } from "zod";
import { changePasswordInput } from "../auth/change-password.ts";
import { signInInput } from "../auth/sign-in-with-password.ts";
import { sessionCookieName } from "../auth/session-cookie-name.ts";
import { ROUTE_PERMISSIONS, type Access } from "../auth/route-permissions.ts";
import { linkEvidenceInput } from "../evidence/link-evidence.ts";
import { unlinkEvidenceInput } from "../evidence/unlink-evidence.ts";
import { evidenceFilters } from "../evidence/evidence-filters.ts";
import { uploadQuery } from "../ingest/ingest-upload.ts";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";
import { createIntegrationInput } from "../integrations/integration-input.ts";
import { rotateInput } from "../integrations/rotate-integration-secret.ts";
import { updateIntegrationInput } from "../integrations/update-integration.ts";
import { changeRoleInput, createMemberInput } from "../members/member-input.ts";
import { classificationInput } from "../applicability/classification-input.ts";
import { createAiSystemInput } from "../systems/create-ai-system.ts";
import { updateAiSystemInput } from "../systems/update-ai-system.ts";
import { createApiTokenInput } from "../tokens/create-api-token.ts";
import { ERROR_STATUS } from "../errors/app-error.ts";
import { consistencyQuery, inclusionQuery } from "../audit/log-query.ts";
import { readinessQuery } from "../readiness/readiness-query.ts";
import { reportInput, uploadSigningCertificateInput } from "../reports/report-input.ts";
import { createWaiverInput, revokeWaiverInput } from "../waivers/waiver-input.ts";

/** The ingest endpoints' 202 body (and a redelivery's, with `duplicate: true`). */
export const ingestResponseSchema = z.object({
  evidenceId: z.uuid(),
  duplicate: z.boolean(),
  findings: z.number().int(),
  failing: z.number().int(),
  requirements: z.array(z.string()).describe("requirement ids the findings link to through the evidence rules"),
});

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [string, ...string[]]),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

/** Request bodies and query strings by route key: the same zod schemas the handlers validate with. */
const BODIES: Partial<Record<string, z.ZodType>> = {
  "POST /api/v1/session": signInInput,
  "PUT /api/v1/me/password": changePasswordInput,
  "POST /api/v1/orgs/[org]/members": createMemberInput,
  "PATCH /api/v1/orgs/[org]/members/[memberId]": changeRoleInput,
  "POST /api/v1/orgs/[org]/tokens": createApiTokenInput,
  "POST /api/v1/orgs/[org]/systems": createAiSystemInput,
  "PATCH /api/v1/orgs/[org]/systems/[systemId]": updateAiSystemInput,
  "PUT /api/v1/orgs/[org]/systems/[systemId]/classification": classificationInput,
  "POST /api/v1/orgs/[org]/integrations": createIntegrationInput,
  "PATCH /api/v1/orgs/[org]/integrations/[integrationId]": updateIntegrationInput,
  "POST /api/v1/orgs/[org]/integrations/[integrationId]/rotate": rotateInput,
  "POST /api/v1/orgs/[org]/evidence/[evidenceId]/links": linkEvidenceInput,
  "DELETE /api/v1/orgs/[org]/evidence/[evidenceId]/links/[linkId]": unlinkEvidenceInput,
  "POST /api/v1/orgs/[org]/waivers": createWaiverInput,
  "POST /api/v1/orgs/[org]/waivers/[waiverId]/revoke": revokeWaiverInput,
  "POST /api/v1/orgs/[org]/reports": reportInput,
  "PUT /api/v1/orgs/[org]/signing-certificate": uploadSigningCertificateInput,
};
const QUERIES: Partial<Record<string, z.ZodObject>> = {
  "POST /api/v1/evidence": uploadQuery,
  "GET /api/v1/orgs/[org]/evidence": evidenceFilters,
  "GET /api/v1/orgs/[org]/log/inclusion": inclusionQuery,
  "GET /api/v1/orgs/[org]/log/consistency": consistencyQuery,
  "GET /api/v1/orgs/[org]/readiness": readinessQuery.extend({
    full: z.enum(["1"]).optional().describe("1: every requirement's explained status, not only the overview"),
  }),
};

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
}

function security(access: Access): unknown[] {
  if (access.kind === "public") return [];
  if (access.kind === "session") return [{ session: [] }];
  if (access.kind === "sender") {
    return access.credential === "upload" ? [{ bearer: [] }] : [{ integrationSignature: [] }];
  }
  return [{ session: [] }, { bearer: [] }];
}

/**
 * The OpenAPI 3.1 description of `/api/v1`, generated from the permission table (every route) and
 * the zod schemas the handlers validate with, so it cannot drift from what the API accepts.
 */
export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, access] of Object.entries(ROUTE_PERMISSIONS) as [string, Access][]) {
    const [method = "", route = ""] = key.split(" ");
    if (method === "PAGE" || !route.startsWith("/api/v1")) continue;
    const path = route.replace(/\[([^\]]+)\]/g, "{$1}");
    const params = [...route.matchAll(/\[([^\]]+)\]/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const query = QUERIES[key];
    const queryParams = query
      ? Object.entries(query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType),
        }))
      : [];
    const body = BODIES[key];
    const isIngest = key === "POST /api/v1/ingest/[integrationId]" || key === "POST /api/v1/evidence";
    const op: Record<string, unknown> = {
      operationId: key.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, ""),
      security: security(access),
      parameters: [...params, ...queryParams],
      responses: {
        ...(isIngest
          ? {
              "202": {
                description: "Accepted (stored and committed)",
                content: { "application/json": { schema: jsonSchema(ingestResponseSchema) } },
              },
            }
          : { "200": { description: "OK" } }),
        default: { description: "Error", content: { "application/json": { schema: jsonSchema(errorSchema) } } },
      },
    };
    if (body) op.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(body) } } };
    if (isIngest) {
      op.requestBody = {
        required: true,
        description: `The tool's own payload, byte for byte. Sources: ${SOURCE_KINDS.join(", ")}.`,
        content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      };
    }
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Assay API", version: "1", description: "Evidence ingestion, AI system register and catalogs." },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: sessionCookieName(serverUrl) },
        bearer: { type: "http", scheme: "bearer", description: "An Assay API token, or a CI OIDC token for uploads" },
        integrationSignature: {
          type: "apiKey",
          in: "header",
          name: "webhook-signature",
          description:
            "The integration's scheme: Standard Webhooks, X-MLflow-Signature, X-Hub-Signature-256, X-Gitlab-Token, X-Webhook-Secret, X-Wandb-Signature or a bearer token",
        },
      },
    },
    paths,
  };
}
