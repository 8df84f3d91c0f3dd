import { createHash } from "node:crypto";
import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { linkEvidence } from "../evidence/link-evidence.ts";
import { analyzeEvidence } from "../ingest/analyze-evidence.ts";
import { getEvidenceRules } from "../ingest/get-evidence-rules.ts";
import { materializeEvidence } from "../ingest/materialize-evidence.ts";
import { storeEvidence } from "../ingest/store-evidence.ts";

const DAY = 86_400_000;

interface DemoFinding {
  check: string;
  outcome: "pass" | "fail" | "info";
  severity?: string;
  title: string;
  subject: { kind: string; name: string };
}

interface DemoEvidence {
  /** Days before the seed's time the evidence arrived. */
  daysAgo: number;
  /** The demo system it is about (by name); absent: the whole organization. */
  system?: string;
  type: string;
  findings: DemoFinding[];
  /** Link it by hand to these requirements, with this justification. */
  manual?: { requirementIds: string[]; justification: string };
}

const SUPPORT = "Customer support assistant";
const FRAUD = "Fraud scoring model";
const gateway = { kind: "system", name: "ai-gateway" };
const support = { kind: "model", name: "support-llm" };

/**
 * The demo's evidence: a mix that gives a non-trivial posture (fresh passes, fresh failures, evidence
 * that has gone stale, hand-made links), sent through the same parser, rules and worker step as real
 * deliveries. Each arrives at a chosen time before `now`.
 */
const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    daysAgo: 2,
    system: SUPPORT,
    type: "assay.red-team",
    findings: [
      {
        check: "red-team",
        outcome: "fail",
        severity: "high",
        title: "Prompt injection via pasted e-mail got through",
        subject: support,
      },
      { check: "red-team", outcome: "pass", title: "Role-play jailbreak resisted", subject: support },
    ],
  },
  {
    daysAgo: 1,
    system: SUPPORT,
    type: "assay.guardrails",
    findings: [
      {
        check: "guardrail",
        outcome: "fail",
        severity: "medium",
        title: "PII guardrail disabled on the staging route",
        subject: gateway,
      },
    ],
  },
  {
    daysAgo: 3,
    type: "assay.scan",
    findings: [
      {
        check: "vulnerability",
        outcome: "pass",
        title: "Serving image: no known vulnerabilities",
        subject: { kind: "image", name: "registry.demo/serving:1.8" },
      },
    ],
  },
  {
    daysAgo: 1,
    type: "assay.gateway",
    findings: [
      { check: "rate-limit", outcome: "pass", title: "Per-key rate limits enforced", subject: gateway },
      {
        check: "authentication",
        outcome: "pass",
        title: "Every caller presented a workload identity",
        subject: gateway,
      },
    ],
  },
  {
    daysAgo: 40,
    type: "assay.gateway-logs",
    findings: [{ check: "request-log", outcome: "pass", title: "Request logs exported to the SIEM", subject: gateway }],
  },
  {
    daysAgo: 10,
    system: FRAUD,
    type: "assay.release",
    findings: [
      {
        check: "signature",
        outcome: "pass",
        title: "Model weights signed (Sigstore bundle)",
        subject: { kind: "model", name: "fraud-v3" },
      },
      {
        check: "provenance",
        outcome: "pass",
        title: "SLSA provenance for the training pipeline",
        subject: { kind: "model", name: "fraud-v3" },
      },
    ],
  },
  {
    daysAgo: 200,
    system: FRAUD,
    type: "assay.sbom",
    findings: [
      {
        check: "sbom",
        outcome: "pass",
        title: "AI bill of materials published",
        subject: { kind: "model", name: "fraud-v3" },
      },
    ],
  },
  {
    daysAgo: 20,
    type: "assay.training",
    findings: [
      {
        check: "event",
        outcome: "info",
        title: "AI literacy training completed by 94% of staff",
        subject: { kind: "other", name: "staff" },
      },
    ],
    manual: {
      requirementIds: ["eu-ai-act:art-4-1"],
      justification: "LMS export: AI literacy course completed by 94% of staff, remaining 6% scheduled.",
    },
  },
];

/** Stores the demo evidence for the demo organization (idempotent per body: same bytes, same key). */
export async function seedDemoEvidence(prisma: PrismaClient, ctx: OrgContext, now: Date): Promise<number> {
  const systems = await prisma.aiSystem.findMany({ where: { orgId: ctx.org.id }, select: { id: true, name: true } });
  const systemId = new Map(systems.map((s) => [s.name, s.id]));
  const rules = getEvidenceRules();
  for (const [i, item] of DEMO_EVIDENCE.entries()) {
    const receivedAt = new Date(now.getTime() - item.daysAgo * DAY);
    const body = JSON.stringify({
      type: item.type,
      timestamp: receivedAt.toISOString(),
      data: { findings: item.findings.map((f) => ({ ...f, observedAt: receivedAt.toISOString() })) },
    });
    const raw = new TextEncoder().encode(body);
    const headers = new Headers({ "content-type": "application/json", "webhook-id": `demo-${i}` });
    const analyzed = analyzeEvidence("standard-webhooks", raw, headers, rules, receivedAt);
    const sha256 = createHash("sha256").update(raw).digest("hex");
    const stored = await storeEvidence(prisma, {
      orgId: ctx.org.id,
      integrationId: null,
      apiTokenId: null,
      systemId: item.system ? (systemId.get(item.system) ?? null) : null,
      source: "standard-webhooks",
      eventType: analyzed.parsed.eventType,
      scheme: "demo",
      identity: "demo:seed",
      deliveryId: `demo-${i}`,
      dedupeKey: `demo:${sha256}`,
      contentType: "application/json",
      headers: { "content-type": "application/json", "webhook-id": `demo-${i}` },
      raw,
      sha256,
      receivedAt,
      effectiveAt: receivedAt,
      result: analyzed.result,
    });
    await materializeEvidence(prisma, stored.evidenceId);
    for (const requirementId of item.manual?.requirementIds ?? []) {
      await linkEvidence(prisma, ctx, stored.evidenceId, { requirementId, justification: item.manual?.justification });
    }
  }
  return DEMO_EVIDENCE.length;
}
