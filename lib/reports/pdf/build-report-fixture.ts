import { createHash } from "node:crypto";
import type { ReportData } from "../report-types.ts";
import { buildReportData } from "../build-report-data.ts";
import { scoreReadiness } from "../../scoring/score-readiness.ts";
import type { ScoringApplicability, ScoringNode } from "../../scoring/scoring-types.ts";
import { DAY, T0, input, item, waiver } from "../../scoring/scoring-fixture.ts";

/** Systems with names in several scripts, and a hostile one with bidi overrides around an id. */
const FIXTURE_SYSTEMS = [
  { id: "s-ar", name: "نظام التقييم" },
  { id: "s-he", name: "מערכת בדיקה" },
  { id: "s-cjk", name: "风险评估系统" },
  { id: "s-gr", name: "Σύστημα Κίνδυνος / Система" },
  { id: "s-hostile", name: "Evil \u202Eeu-ai-act:art-26-6\u202C \u2066tail\u2069" },
];

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const applies = (): ScoringApplicability => ({
  status: "applies",
  effectiveFrom: "2026-08-02",
  appliesFromOriginal: "2026-08-02",
  daysLeft: null,
  reasons: ["applies"],
});
const upcoming = (): ScoringApplicability => ({
  status: "upcoming",
  effectiveFrom: "2027-12-02",
  appliesFromOriginal: "2026-08-02",
  daysLeft: 426,
  reasons: ["applies from 2027-12-02 (Digital Omnibus on AI)"],
});

/**
 * Test data for the PDF renderer: a small EU AI Act and Zero Trust catalog (plus `extraRequirements`
 * generated ones), the systems above, `evidence` pieces of evidence spread over the requirements (so
 * rows cite many), a failing finding, waivers and an upcoming deadline; scored and built into
 * ReportData the way the product does it. Scoring cites at most ten pieces per expectation, so the
 * manifest is then padded with further entries up to `manifest` (for size and speed tests).
 */
export function buildReportFixture(options: {
  evidence: number;
  manifest: number;
  extraRequirements: number;
}): ReportData {
  const req = (
    id: string,
    parentId: string,
    ref: string,
    title: string,
    extra: Partial<ScoringNode> = {},
  ): ScoringNode => ({ id, frameworkId: id.split(":")[0] ?? "", parentId, kind: "requirement", ref, title, ...extra });
  const group = (id: string, parentId: string | null, ref: string, title: string): ScoringNode => ({
    id,
    frameworkId: id.split(":")[0] ?? "",
    parentId,
    kind: "group",
    ref,
    title,
  });
  const extra = Array.from({ length: options.extraRequirements }, (_, i) =>
    req(
      `eu-ai-act:art-50-${i + 1}`,
      "eu-ai-act:art-50",
      `Art. 50(${i + 1})`,
      i % 7 === 0
        ? `Transparency obligation number ${i + 1}, with a deliberately long title that wraps over several lines of its column`
        : `Transparency obligation ${i + 1}`,
    ),
  );
  const nodes: ScoringNode[] = [
    group("eu-ai-act:art-9", null, "Art. 9", "Risk management"),
    req("eu-ai-act:art-9-1", "eu-ai-act:art-9", "Art. 9(1)", "Risk management system", {
      expects: ["a risk register"],
    }),
    req("eu-ai-act:art-9-2", "eu-ai-act:art-9", "Art. 9(2)", "Testing"),
    group("eu-ai-act:art-26", null, "Art. 26", "Obligations of deployers"),
    req("eu-ai-act:art-26-6", "eu-ai-act:art-26", "Art. 26(6)", "Keep the logs (مراجعة السجلات)"),
    group("eu-ai-act:art-50", null, "Art. 50", "Transparency"),
    ...extra,
    group("zero-trust-ai:identity", null, "Identity", "Identity"),
    group("zero-trust-ai:identity.auth", "zero-trust-ai:identity", "Identity / Authentication", "Authentication"),
    req("zero-trust-ai:identity.auth.mfa", "zero-trust-ai:identity.auth", "ID-1", "MFA for operators", {
      stage: "initial",
    }),
    req(
      "zero-trust-ai:identity.auth.nhi",
      "zero-trust-ai:identity.auth",
      "ID-2",
      "Gateway authentication of non-human identities",
      { stage: "advanced" },
    ),
    group("zero-trust-ai:data", null, "Data", "Data"),
    group("zero-trust-ai:data.inventory", "zero-trust-ai:data", "Data / Inventory", "Data inventory"),
    req("zero-trust-ai:data.inventory.ml-bom", "zero-trust-ai:data.inventory", "DA-1", "ML-BOM for every model", {
      stage: "initial",
    }),
  ];
  const requirements = nodes.filter((n) => n.kind === "requirement");
  const euIds = requirements.filter((n) => n.frameworkId === "eu-ai-act").map((n) => n.id);
  const ztIds = requirements.filter((n) => n.frameworkId === "zero-trust-ai").map((n) => n.id);
  const applicability = (systemIndex: number) =>
    new Map(
      requirements.map((n) => [n.id, n.id === "eu-ai-act:art-9-2" && systemIndex % 2 === 0 ? upcoming() : applies()]),
    );
  const rules = [
    {
      id: "red-team",
      title: "Adversarial testing",
      requirementIds: euIds,
      sources: ["garak", "promptfoo"],
      checks: [],
      freshnessDays: 90,
    },
    {
      id: "gateway-auth",
      title: "Gateway auth",
      requirementIds: ztIds,
      sources: ["litellm"],
      checks: [],
      freshnessDays: 30,
    },
  ];
  const asOf = new Date(T0.getTime() + DAY);
  // Requirement 0 (art-9-1) gets a failing finding; the others are spread over all requirements but the
  // last EU AI Act one (missing) and the second Zero Trust one (missing).
  const targets = [...euIds.slice(0, -1), ztIds[0] ?? "", ztIds[2] ?? ""].filter((id) => id !== "");
  const items = Array.from({ length: options.evidence }, (_, i) => {
    const requirementId = targets[i % targets.length] ?? "";
    return item({
      requirementId,
      ruleId: requirementId.startsWith("eu-ai-act") ? "red-team" : "gateway-auth",
      evidenceId: `ev-${String(i).padStart(5, "0")}-${sha(`id${i}`).slice(0, 8)}`,
      subject: `model:m${i}`,
      source: requirementId.startsWith("eu-ai-act") ? (i % 2 ? "garak" : "promptfoo") : "litellm",
      sha256: sha(`evidence ${i}`),
      outcome: i === 0 ? "fail" : "pass",
      observedAt: new Date(T0.getTime() - (i % 20) * 3_600_000),
      expiresAt: new Date(T0.getTime() + 20 * DAY),
    });
  });
  const result = scoreReadiness(
    input({
      asOf,
      nodes,
      rules,
      systems: FIXTURE_SYSTEMS.map((s, i) => ({ ...s, applicability: applicability(i) })),
      items,
      waivers: [
        waiver({
          id: "w-ar",
          requirementId: "eu-ai-act:art-9-1",
          systemId: "s-ar",
          reason: "Vendor patch pending; تصحيح المورد قيد الانتظار",
          compensatingControl: "WAF rule blocks the known prompt-injection payloads",
        }),
        waiver({ id: "w-he", requirementId: "zero-trust-ai:identity.auth.nhi", systemId: "s-he" }),
      ],
    }),
  );
  const data = buildReportData({
    organization: { id: "org-1", slug: "acme", name: "Acme Corp" },
    snapshot: { id: "snap-2026-10-02", asOf, digest: sha("snapshot"), result },
    frameworks: [
      { id: "eu-ai-act", title: "EU AI Act", version: "2024/1689" },
      { id: "zero-trust-ai", title: "Zero Trust for AI", version: "1.0" },
    ],
    scope: { systems: null, frameworks: null },
    generatedAt: new Date("2026-10-02T08:30:00Z"),
  });
  const padding = Array.from({ length: Math.max(0, options.manifest - data.manifest.length) }, (_, i) => ({
    evidenceId: `ev-pad-${String(i).padStart(6, "0")}`,
    source: i % 3 === 0 ? "trivy" : "litellm",
    sha256: sha(`padding ${i}`),
    observedAt: new Date(T0.getTime() - (i % 50) * 60_000).toISOString(),
    expiresAt: i % 4 === 0 ? null : new Date(T0.getTime() + 30 * DAY).toISOString(),
  }));
  const manifest = [...data.manifest, ...padding].sort((a, b) => a.evidenceId.localeCompare(b.evidenceId));
  return { ...data, manifest };
}
