import { getConfig } from "../config/get-config.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { authenticateApiToken } from "../tokens/authenticate-api-token.ts";
import { getCiOidcKey } from "./get-ci-oidc-key.ts";
import { readBearerToken } from "./signatures/read-bearer-token.ts";
import { verifyCiOidcToken } from "./signatures/verify-ci-oidc-token.ts";
import type { SourceKind } from "./source-kinds.ts";

export interface UploadIdentity {
  orgId: string;
  scheme: "api-token" | "ci-oidc";
  identity: string;
  apiTokenId: string | null;
  integrationId: string | null;
  systemId: string | null;
  maxBodyBytes: number;
  rateKey: string;
}

const NUMERIC = /^[0-9]+$/;

/**
 * Who is uploading to `POST /api/v1/evidence`: an Assay API token with `evidence:write` (or `admin`),
 * or a GitHub Actions / GitLab CI OIDC token (RS256, `aud` = this Assay, not expired) whose repository
 * or project a CI OIDC integration for this source allows. When several organizations allow the same
 * repository, `?integration=<id>` says which one is meant.
 */
export async function authenticateUpload(
  prisma: PrismaClient,
  headers: Headers,
  source: SourceKind,
  integrationParam: string | null,
  now: Date,
): Promise<UploadIdentity> {
  const config = getConfig();
  const token = readBearerToken(headers);
  if (token.startsWith("assay_")) {
    const actor = await authenticateApiToken(prisma, token, now);
    if (!actor) throw new AppError("unauthenticated", "The API token is unknown, revoked or expired.");
    if (!actor.scopes.some((s) => s === "evidence:write" || s === "admin")) {
      throw new AppError("forbidden", "The API token needs the evidence:write scope to upload evidence.");
    }
    return {
      orgId: actor.orgId,
      scheme: "api-token",
      identity: `token:${token.slice(0, 12)}`,
      apiTokenId: actor.tokenId,
      integrationId: null,
      systemId: null,
      maxBodyBytes: config.ASSAY_UPLOAD_MAX_BYTES,
      rateKey: `token:${actor.tokenId}`,
    };
  }
  const candidates = await prisma.integration.findMany({
    where: { scheme: "ci-oidc", source, disabledAt: null, ...(integrationParam ? { id: integrationParam } : {}) },
    select: { id: true, orgId: true, systemId: true, allowedIdentities: true, maxBodyBytes: true },
  });
  if (candidates.length === 0) {
    throw new AppError("unauthenticated", `No CI OIDC integration accepts ${source} uploads; send an API token.`);
  }
  const all = candidates.flatMap((c) => c.allowedIdentities);
  const names = all.filter((a) => !NUMERIC.test(a));
  const ids = all.filter((a) => NUMERIC.test(a)).map(Number);
  const identity = await verifyCiOidcToken({
    token,
    getKey: getCiOidcKey,
    audience: config.ASSAY_CI_OIDC_AUDIENCE ?? config.url,
    allowed: {
      githubRepositories: names,
      githubRepositoryIds: ids,
      gitlabProjects: names,
      gitlabProjectIds: ids,
      gitlabIssuers: config.ASSAY_CI_OIDC_GITLAB_ISSUERS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    now,
  });
  const numericId = identity.provider === "github" ? identity.repositoryId : identity.projectId;
  const matching = candidates.filter((c) =>
    c.allowedIdentities.some(
      (a) => a.toLowerCase() === identity.repository.toLowerCase() || (numericId !== null && a === numericId),
    ),
  );
  const chosen = matching[0];
  if (!chosen) throw new AppError("unauthenticated", `Repository ${identity.repository} is not allowed to upload.`);
  if (new Set(matching.map((m) => m.orgId)).size > 1) {
    throw new AppError("conflict", "Several organizations accept uploads from this repository; add ?integration=<id>.");
  }
  return {
    orgId: chosen.orgId,
    scheme: "ci-oidc",
    identity: `oidc:${identity.provider}:${identity.repository}@${identity.sha}`,
    apiTokenId: null,
    integrationId: chosen.id,
    systemId: chosen.systemId,
    maxBodyBytes: chosen.maxBodyBytes,
    rateKey: `oidc:${identity.provider}:${identity.repository.toLowerCase()}`,
  };
}
