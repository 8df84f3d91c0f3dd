import { countStatuses } from "../scoring/count-statuses.ts";
import { READINESS_METHOD } from "../scoring/readiness-method.ts";
import type { EvidenceRef, ReadinessResult, RequirementResult } from "../scoring/scoring-types.ts";
import { sumCounts } from "../scoring/sum-counts.ts";
import { tallyCounts } from "../scoring/tally-counts.ts";
import type { ManifestEntry, ReportData, ReportRow, ReportScope } from "./report-types.ts";

const toEntry = (ref: EvidenceRef): ManifestEntry => ({
  evidenceId: ref.evidenceId,
  source: ref.source,
  sha256: ref.sha256,
  observedAt: ref.observedAt,
  expiresAt: ref.expiresAt,
});

function toRow(r: RequirementResult): ReportRow {
  const refs = r.expectations.flatMap((e) => [...e.decidedBy, ...(e.lastSeen ? [e.lastSeen] : [])]);
  const unique = new Map(refs.map((ref) => [ref.evidenceId, toEntry(ref)]));
  return {
    requirementId: r.requirementId,
    ref: r.ref,
    title: r.title,
    status: r.status,
    evidenceStatus: r.evidenceStatus,
    summary: r.summary,
    evidence: [...unique.values()],
    expectations: r.expectations.map((e) => `${e.id}: ${e.verdict}`),
  };
}

/**
 * Pure: a report's content from a stored snapshot, narrowed to the chosen systems and frameworks.
 * Statuses and explanations are the snapshot's; only the roll-ups over the narrower scope are added up
 * again, with the same formula. Frameworks and systems the snapshot does not hold are an error for the
 * caller to report (they are dropped here).
 */
export function buildReportData(input: {
  organization: ReportData["organization"];
  snapshot: { id: string; asOf: Date; digest: string; result: ReadinessResult };
  frameworks: { id: string; title: string; version: string }[];
  scope: ReportScope;
  generatedAt: Date;
}): ReportData {
  const { result } = input.snapshot;
  const systems = result.systems.filter(
    (s) => input.scope.systems === null || input.scope.systems.includes(s.systemId),
  );
  const frameworks = input.frameworks.filter(
    (f) => input.scope.frameworks === null || input.scope.frameworks.includes(f.id),
  );
  const inScope = (r: RequirementResult) => frameworks.some((f) => f.id === r.frameworkId);
  const systemTallies = systems.map((s) => ({
    id: s.systemId,
    name: s.name,
    counts: countStatuses(s.requirements.filter(inScope).map((r) => r.status)),
  }));
  const frameworkTallies: ReportData["summary"]["frameworks"] = {};
  for (const f of frameworks) {
    frameworkTallies[f.id] = tallyCounts(
      countStatuses(systems.flatMap((s) => s.requirements.filter((r) => r.frameworkId === f.id).map((r) => r.status))),
    );
  }
  const manifest = new Map<string, ManifestEntry>();
  const results = frameworks.map((f) => ({
    frameworkId: f.id,
    systems: systems.map((s) => {
      const reqs = s.requirements.filter((r) => r.frameworkId === f.id);
      const rows = reqs.filter((r) => r.applicability.status === "applies").map(toRow);
      for (const row of rows) for (const e of row.evidence) manifest.set(e.evidenceId, e);
      return {
        systemId: s.systemId,
        systemName: s.name,
        tally: tallyCounts(countStatuses(reqs.map((r) => r.status))),
        rows,
      };
    }),
  }));
  const pillarIds = frameworks.some((f) => f.id === "zero-trust-ai") ? result.pillars : [];
  return {
    organization: input.organization,
    snapshot: { id: input.snapshot.id, asOf: input.snapshot.asOf.toISOString(), digest: input.snapshot.digest },
    generatedAt: input.generatedAt.toISOString(),
    scope: { systems: systems.map((s) => ({ id: s.systemId, name: s.name })), frameworks },
    summary: {
      tally: tallyCounts(sumCounts(systemTallies.map((s) => s.counts))),
      frameworks: frameworkTallies,
      systems: systemTallies.map((s) => ({ id: s.id, name: s.name, tally: tallyCounts(s.counts) })),
    },
    pillars: pillarIds.map((p) => ({
      id: p.nodeId,
      ref: p.ref,
      title: p.title,
      stage: p.stage,
      systems: systems.flatMap((s) =>
        s.pillars.filter((sp) => sp.nodeId === p.nodeId).map((sp) => ({ systemId: s.systemId, stage: sp.stage })),
      ),
    })),
    results,
    exceptions: systems.flatMap((s) =>
      s.requirements
        .filter((r) => inScope(r) && r.status === "waived" && r.waiver)
        .map((r) => ({
          systemId: s.systemId,
          systemName: s.name,
          requirementId: r.requirementId,
          ref: r.ref,
          waiverId: r.waiver?.id ?? "",
          reason: r.waiver?.reason ?? "",
          compensatingControl: r.waiver?.compensatingControl ?? "",
          approvedBy: r.waiver?.approvedBy ?? "",
          expiresAt: r.waiver?.expiresAt ?? "",
          evidenceStatus: r.evidenceStatus,
        })),
    ),
    deadlines: frameworks.some((f) => f.id === "eu-ai-act")
      ? systems.flatMap((s) => s.deadlines.map((d) => ({ ...d, systemId: s.systemId, systemName: s.name })))
      : [],
    method: READINESS_METHOD,
    manifest: [...manifest.values()].sort((a, b) => a.evidenceId.localeCompare(b.evidenceId)),
  };
}
