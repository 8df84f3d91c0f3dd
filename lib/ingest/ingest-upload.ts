import { createHash } from "node:crypto";
import { z } from "zod";
import { getConfig } from "../config/get-config.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { analyzeEvidence } from "./analyze-evidence.ts";
import { authenticateUpload } from "./authenticate-upload.ts";
import { checkContentType } from "./check-content-type.ts";
import { getEvidenceRules } from "./get-evidence-rules.ts";
import { getSourceAdapter } from "./get-source-adapter.ts";
import type { IngestResponse } from "./ingest-types.ts";
import { keepDescriptiveHeaders } from "./keep-descriptive-headers.ts";
import { readBodyCapped } from "./read-body-capped.ts";
import { SOURCE_KINDS } from "./source-kinds.ts";
import { storeEvidence } from "./store-evidence.ts";
import { takeRateToken } from "./take-rate-token.ts";
import { toEffectiveAt } from "./to-effective-at.ts";

export const uploadQuery = z.strictObject({
  source: z.enum(SOURCE_KINDS, { message: `must be one of ${SOURCE_KINDS.join(", ")}` }),
  system: z.uuid("must be an AI system id").optional(),
  integration: z.uuid("must be an integration id").optional(),
});

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `POST /api/v1/evidence?source=<kind>[&system=<id>]`: a CI pipeline uploads a tool's own output file.
 * Same path as a webhook after authentication (size cap, adapter, rules, one transaction with the
 * mapping job). Deduplicates on the `Idempotency-Key` header when given, else on (source, system,
 * sha256 of the body), so re-running a pipeline step does not store the same report twice.
 */
export async function ingestUpload(
  prisma: PrismaClient,
  req: Request,
  now: Date = new Date(),
): Promise<IngestResponse> {
  const url = new URL(req.url);
  const query = parseInput(uploadQuery, Object.fromEntries(url.searchParams), "query");
  const who = await authenticateUpload(prisma, req.headers, query.source, query.integration ?? null, now);
  const config = getConfig();
  takeRateToken(who.rateKey, config.ASSAY_INGEST_RATE_PER_SECOND, config.ASSAY_INGEST_BURST);
  const adapter = getSourceAdapter(query.source);
  const contentType = checkContentType(adapter, req.headers.get("content-type"));
  const key = req.headers.get("idempotency-key");
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1 to 200 visible ASCII characters.");
  }
  let systemId = who.systemId;
  if (query.system) {
    const system = await prisma.aiSystem.findFirst({
      where: { id: query.system, orgId: who.orgId },
      select: { id: true },
    });
    if (!system)
      throw new AppError("not_found", "No such AI system in this organization.", [
        { field: "system", message: "not found" },
      ]);
    systemId = system.id;
  }
  const raw = await readBodyCapped(req, who.maxBodyBytes);
  if (raw.byteLength === 0) throw new AppError("bad_request", "The body is empty: send the tool's output file.");
  const analyzed = analyzeEvidence(query.source, raw, req.headers, getEvidenceRules(), now);
  const sha256 = createHash("sha256").update(raw).digest("hex");
  return storeEvidence(prisma, {
    orgId: who.orgId,
    integrationId: who.integrationId,
    apiTokenId: who.apiTokenId,
    systemId,
    source: query.source,
    eventType: analyzed.parsed.eventType,
    scheme: who.scheme,
    identity: who.identity,
    deliveryId: key ?? analyzed.parsed.deliveryId,
    dedupeKey: key ? `idempotency:${key}` : `sha256:${query.source}:${systemId ?? "-"}:${sha256}`,
    contentType,
    headers: keepDescriptiveHeaders(req.headers),
    raw,
    sha256,
    receivedAt: now,
    effectiveAt: toEffectiveAt(analyzed.parsed.effectiveAt),
    result: analyzed.result,
  });
}
