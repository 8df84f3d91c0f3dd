import type { OrgContext } from "../auth/actor.ts";
import { recordAuditEntry } from "../audit/record-audit-entry.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { createIntegrationInput } from "./integration-input.ts";
import { integrationUrl } from "./integration-url.ts";
import { issueSecretMaterial } from "./issue-secret-material.ts";
import { DEFAULT_SCHEME } from "./source-schemes.ts";

export interface CreatedIntegration {
  id: string;
  name: string;
  source: string;
  scheme: string;
  url: string;
  /** Shown once: the HMAC secret or token the sender is configured with (null for CI OIDC). */
  secret: string | null;
  /** W&B only: the access token sent as `Authorization: Bearer`. Shown once. */
  token?: string;
}

/**
 * Creates an integration: its own ingest URL and the secret its scheme uses, shown once and stored
 * sealed or hashed. A CI OIDC integration has no secret but must name the repositories or projects
 * whose workflow tokens it accepts.
 */
export async function createIntegration(
  prisma: PrismaClient,
  ctx: OrgContext,
  input: unknown,
): Promise<CreatedIntegration> {
  const parsed = parseInput(createIntegrationInput, input, "integration");
  const scheme = parsed.scheme ?? DEFAULT_SCHEME[parsed.source];
  const allowed = parsed.allowedIdentities ?? [];
  if (scheme === "ci-oidc" && allowed.length === 0) {
    throw new AppError("validation_failed", "A CI OIDC integration needs at least one allowed repository or project.", [
      { field: "allowedIdentities", message: "needs at least one owner/repo or group/project" },
    ]);
  }
  const issued = issueSecretMaterial(scheme, parsed.secret);
  return prisma.$transaction(async (tx) => {
    if (parsed.systemId) {
      const system = await tx.aiSystem.findFirst({ where: { id: parsed.systemId, orgId: ctx.org.id } });
      if (!system)
        throw new AppError("not_found", "No such AI system in this organization.", [
          { field: "systemId", message: "not found" },
        ]);
    }
    const name = parsed.name ?? `${parsed.source}-${Date.now().toString(36)}`;
    const clash = await tx.integration.findFirst({ where: { orgId: ctx.org.id, name } });
    if (clash)
      throw new AppError("conflict", `An integration named "${name}" already exists.`, [
        { field: "name", message: "already used" },
      ]);
    const row = await tx.integration.create({
      data: {
        orgId: ctx.org.id,
        name,
        source: parsed.source,
        scheme,
        systemId: parsed.systemId ?? null,
        allowedIdentities: allowed,
        ...(parsed.maxBodyBytes ? { maxBodyBytes: parsed.maxBodyBytes } : {}),
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        secrets: { create: issued.row },
      },
    });
    await recordAuditEntry(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: "integration.create",
      targetType: "integration",
      targetId: row.id,
      data: { name, source: parsed.source, scheme, systemId: parsed.systemId ?? null, allowedIdentities: allowed },
    });
    return {
      id: row.id,
      name,
      source: parsed.source,
      scheme,
      url: integrationUrl(row.id),
      secret: issued.secret,
      ...(issued.token ? { token: issued.token } : {}),
    };
  });
}
