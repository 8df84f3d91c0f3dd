import { createHash } from "node:crypto";
import { getConfig } from "../config/get-config.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { getLogger } from "../log/get-logger.ts";
import { analyzeEvidence } from "./analyze-evidence.ts";
import { checkContentType } from "./check-content-type.ts";
import { getEvidenceRules } from "./get-evidence-rules.ts";
import { getSourceAdapter } from "./get-source-adapter.ts";
import type { IngestResponse } from "./ingest-types.ts";
import { keepDescriptiveHeaders } from "./keep-descriptive-headers.ts";
import { readBodyCapped } from "./read-body-capped.ts";
import { recordRejection } from "./record-rejection.ts";
import { answerEventGridHandshake } from "./signatures/answer-event-grid-handshake.ts";
import { SOURCE_KINDS, type SourceKind } from "./source-kinds.ts";
import { storeEvidence } from "./store-evidence.ts";
import { takeRateToken } from "./take-rate-token.ts";
import { toEffectiveAt } from "./to-effective-at.ts";
import { verifyIntegrationDelivery } from "./verify-integration-delivery.ts";

export type DeliveryAnswer =
  | { kind: "accepted"; body: IngestResponse }
  | { kind: "handshake"; status: number; body: unknown; headers: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadIntegration(prisma: PrismaClient, integrationId: string, now: Date) {
  if (!UUID.test(integrationId)) throw new AppError("not_found", "No such integration.");
  const integration = await prisma.integration.findUnique({
    where: { id: integrationId },
    include: {
      secrets: {
        where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        orderBy: { createdAt: "desc" },
        select: { tokenHash: true, sealed: true },
      },
    },
  });
  if (!integration) throw new AppError("not_found", "No such integration.");
  return integration;
}

/**
 * `POST /api/v1/ingest/<integrationId>` (and the Event Grid `OPTIONS` preflight): rate limit, media
 * type, size cap while streaming, authenticity on the raw bytes, parse with the source's adapter, map
 * through the rules, then one transaction stores the bytes and enqueues the mapping job. Every
 * rejection throws an AppError before anything is written, and is kept in memory for the
 * integrations page.
 */
export async function ingestDelivery(
  prisma: PrismaClient,
  req: Request,
  integrationId: string,
  now: Date = new Date(),
): Promise<DeliveryAnswer> {
  const integration = await loadIntegration(prisma, integrationId, now);
  try {
    if (integration.disabledAt) throw new AppError("unauthenticated", "This integration is disabled.");
    const config = getConfig();
    takeRateToken(`integration:${integration.id}`, config.ASSAY_INGEST_RATE_PER_SECOND, config.ASSAY_INGEST_BURST);
    if (!(SOURCE_KINDS as readonly string[]).includes(integration.source)) {
      throw new AppError("internal", `Integration has an unknown source ${integration.source}.`);
    }
    const source = integration.source as SourceKind;
    const adapter = getSourceAdapter(source);
    const url = new URL(req.url);
    if (req.method === "OPTIONS") {
      const answer =
        integration.scheme === "event-grid"
          ? answerEventGridHandshake({ raw: new Uint8Array(0), headers: req.headers, method: "OPTIONS" })
          : null;
      if (!answer) throw new AppError("bad_request", "Only Event Grid integrations answer OPTIONS.");
      return { kind: "handshake", status: answer.status, body: answer.body, headers: answer.headers };
    }
    const contentType = checkContentType(adapter, req.headers.get("content-type"));
    const raw = await readBodyCapped(req, integration.maxBodyBytes);
    const verified = verifyIntegrationDelivery(integration.scheme, integration.secrets, raw, req.headers, url, now);
    if (integration.scheme === "event-grid") {
      const answer = answerEventGridHandshake({ raw, headers: req.headers, method: req.method });
      if (answer) return { kind: "handshake", status: answer.status, body: answer.body, headers: answer.headers };
    }
    if (raw.byteLength === 0) throw new AppError("bad_request", "The body is empty.");
    const analyzed = analyzeEvidence(source, raw, req.headers, getEvidenceRules(), now);
    const sha256 = createHash("sha256").update(raw).digest("hex");
    const deliveryId = verified.deliveryId ?? analyzed.parsed.deliveryId;
    const body = await storeEvidence(prisma, {
      orgId: integration.orgId,
      integrationId: integration.id,
      apiTokenId: null,
      systemId: integration.systemId,
      source,
      eventType: analyzed.parsed.eventType,
      scheme: verified.scheme,
      identity: `integration:${integration.id}#secret-${verified.secretIndex + 1}`,
      deliveryId,
      dedupeKey: deliveryId ? `delivery:${integration.id}:${deliveryId}` : `sha256:${integration.id}:${sha256}`,
      contentType,
      headers: keepDescriptiveHeaders(req.headers),
      raw,
      sha256,
      receivedAt: now,
      effectiveAt: toEffectiveAt(analyzed.parsed.effectiveAt ?? verified.signedAt),
      result: analyzed.result,
    });
    return { kind: "accepted", body };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.status < 500) recordRejection(integration.id, error, now);
      getLogger().info({ integrationId: integration.id, code: error.code, reason: error.message }, "delivery rejected");
    }
    throw error;
  }
}
