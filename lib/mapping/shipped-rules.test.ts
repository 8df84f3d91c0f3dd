import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { FINDING_CHECK_NAMES, type FindingCheck } from "../ingest/finding-checks.ts";
import { SOURCE_KINDS, type SourceKind } from "../ingest/source-kinds.ts";
import { loadEvidenceRules } from "./load-evidence-rules.ts";
import { mapFindings } from "./map-findings.ts";
import type { MatchableFinding } from "./mapping-types.ts";
import { matchFindingToRules } from "./match-finding-to-rules.ts";

const rules = loadEvidenceRules();

/** The checks each source's adapter emits (or will), which the shipped rules must map. */
const EXPECTED_CHECKS: Record<SourceKind, FindingCheck[]> = {
  "standard-webhooks": FINDING_CHECK_NAMES.filter((c) => c !== "event"),
  mlflow: ["registry-event", "model-approval", "spend"],
  huggingface: ["registry-event", "model-approval", "model-card", "model-scan"],
  sagemaker: ["registry-event", "model-approval"],
  azureml: ["registry-event", "model-approval"],
  wandb: ["registry-event", "model-approval"],
  litellm: ["guardrail", "rate-limit", "spend", "request-log"],
  kong: ["guardrail", "rate-limit", "spend", "request-log", "authentication"],
  "cloudflare-ai-gateway": ["guardrail", "rate-limit", "spend", "request-log"],
  portkey: ["guardrail", "rate-limit", "spend", "request-log"],
  "envoy-ai-gateway": ["guardrail", "rate-limit", "spend", "request-log", "authentication"],
  garak: ["red-team"],
  promptfoo: ["red-team"],
  pyrit: ["red-team"],
  modelscan: ["model-scan"],
  trivy: ["vulnerability", "code-scan", "sbom"],
  sarif: ["code-scan", "vulnerability"],
  grype: ["vulnerability", "sbom"],
  cyclonedx: ["sbom", "model-card", "vulnerability"],
  spdx: ["sbom", "model-card"],
  "model-signing": ["signature"],
  slsa: ["provenance"],
  github: ["pipeline-run", "authentication", "provenance", "code-scan", "vulnerability"],
  gitlab: ["pipeline-run", "authentication", "vulnerability"],
};
/** Checks whose findings are accounting or context (info) by the vocabulary's semantics. */
const INFO_CHECKS: FindingCheck[] = ["registry-event", "spend", "request-log"];

function finding(check: FindingCheck, over: Partial<MatchableFinding> = {}): MatchableFinding {
  return {
    key: `${check}#0`,
    check,
    outcome: INFO_CHECKS.includes(check) ? "info" : "pass",
    severity: null,
    observedAt: "2026-11-20T10:00:00Z",
    attributes: {},
    ...over,
  };
}

const receivedAt = new Date("2026-11-24T00:00:00Z");
const requirementsOf = (source: SourceKind, f: MatchableFinding) =>
  mapFindings(source, [f], rules, receivedAt).links.map((l) => l.requirementId);

describe("the shipped evidence rules", () => {
  it("load with the catalog without problems", () => {
    const { catalog, problems } = loadCatalog();
    expect(problems).toEqual([]);
    expect(rules).toEqual(catalog.rules.flatMap((f) => f.rules));
    expect(rules.length).toBeGreaterThanOrEqual(15);
  });

  it("match every source kind for at least one check", () => {
    for (const source of SOURCE_KINDS) {
      const covered = FINDING_CHECK_NAMES.filter(
        (check) => matchFindingToRules({ ...finding(check), source }, rules).length > 0,
      );
      expect(covered, source).not.toEqual([]);
    }
  });

  for (const source of SOURCE_KINDS) {
    it(`map every check ${source} reports`, () => {
      const unmatched = EXPECTED_CHECKS[source].filter(
        (check) => matchFindingToRules({ ...finding(check), source }, rules).length === 0,
      );
      expect(unmatched).toEqual([]);
    });
  }

  it("leave generic events unmapped", () => {
    for (const source of SOURCE_KINDS) {
      expect(mapFindings(source, [finding("event", { outcome: "info" })], rules, receivedAt).unmapped).toEqual([
        "event#0",
      ]);
    }
  });

  it("give runtime, scan and artifact evidence a freshness in its class's range", () => {
    const classes: [number, number, string[]][] = [
      [
        7,
        30,
        ["gateway-request-logs", "gateway-authenticated-callers", "guardrail-interventions", "gateway-rate-limits"],
      ],
      [30, 90, ["dependency-vulnerability-scan", "static-code-scan", "model-file-scan", "red-team-results"]],
      [180, 365, ["model-signature-bundle", "build-provenance", "ai-bill-of-materials", "model-card"]],
    ];
    for (const [min, max, ids] of classes) {
      for (const id of ids) {
        const days = rules.find((r) => r.id === id)?.freshnessDays ?? 0;
        expect(days >= min && days <= max, `${id}: ${days} days`).toBe(true);
      }
    }
  });
});

describe("representative findings link to the promised requirements", () => {
  const cases: [string, SourceKind, MatchableFinding, string[]][] = [
    [
      "a garak red-team failure",
      "garak",
      finding("red-team", {
        key: "probe=dan.Dan_11_0/detector=dan.DAN",
        outcome: "fail",
        severity: "low",
        attributes: { probe: "dan.Dan_11_0", detector: "dan.DAN", passed: 4, total: 5, passRate: 0.8 },
      }),
      [
        "zero-trust-ai:applications.security-testing.red-team-ci",
        "eu-ai-act:art-15-5",
        "eu-ai-act:art-15-5.annex-i",
        "eu-ai-act:art-55-1-a",
      ],
    ],
    [
      "a LiteLLM guardrail pass",
      "litellm",
      finding("guardrail"),
      [
        "zero-trust-ai:applications.threat-protections.prompt-injection-guardrails",
        "eu-ai-act:art-12-1",
        "eu-ai-act:art-12-2",
        "eu-ai-act:art-15-5",
      ],
    ],
    [
      "an Envoy AI Gateway 429",
      "envoy-ai-gateway",
      finding("rate-limit", { attributes: { status: 429 } }),
      ["zero-trust-ai:networks.traffic-management.rate-budget-limits"],
    ],
    [
      "a model-signing signature",
      "model-signing",
      finding("signature", { attributes: { signatures: 1, rootDigestMatches: true } }),
      [
        "zero-trust-ai:applications.secure-development-deployment.model-signing",
        "eu-ai-act:art-11-1",
        "eu-ai-act:art-15-1",
        "eu-ai-act:art-15-5",
      ],
    ],
    [
      "a critical Trivy vulnerability",
      "trivy",
      finding("vulnerability", {
        outcome: "fail",
        severity: "critical",
        attributes: { vulnerabilityId: "CVE-2019-14697" },
      }),
      [
        "zero-trust-ai:devices.policy-enforcement.verified-compliance",
        "zero-trust-ai:tenet-5",
        "eu-ai-act:art-15-5",
        "eu-ai-act:art-15-5.annex-i",
      ],
    ],
    [
      "a successful GitHub workflow run",
      "github",
      finding("pipeline-run"),
      ["zero-trust-ai:applications.secure-development-deployment.ci-cd-pipeline"],
    ],
    [
      "a complete CycloneDX model card",
      "cyclonedx",
      finding("model-card"),
      [
        "zero-trust-ai:devices.asset-supply-chain.ai-asset-inventory",
        "eu-ai-act:art-11-1",
        "eu-ai-act:art-53-1-a",
        "eu-ai-act:art-53-1-b",
      ],
    ],
    [
      "an SLSA provenance statement",
      "slsa",
      finding("provenance"),
      ["zero-trust-ai:applications.secure-development-deployment.model-signing", "eu-ai-act:art-15-5"],
    ],
    [
      "a per-key gateway request log",
      "kong",
      finding("request-log"),
      [
        "zero-trust-ai:identity.authentication.ai-gateway-workload-identity",
        "eu-ai-act:art-12-1",
        "eu-ai-act:art-19-1",
        "eu-ai-act:art-26-6",
      ],
    ],
    [
      "an MLflow registry event",
      "mlflow",
      finding("registry-event"),
      ["zero-trust-ai:devices.asset-supply-chain.ai-asset-inventory", "eu-ai-act:art-17-1"],
    ],
    [
      "a CycloneDX ML-BOM",
      "cyclonedx",
      finding("sbom"),
      ["zero-trust-ai:devices.asset-supply-chain.ai-bom", "eu-ai-act:art-11-1", "eu-ai-act:art-53-1-a"],
    ],
    [
      "a modelscan finding",
      "modelscan",
      finding("model-scan", { outcome: "fail", severity: "critical" }),
      ["zero-trust-ai:devices.asset-supply-chain.model-file-scanning", "eu-ai-act:art-15-5"],
    ],
    [
      "an LiteLLM spend record",
      "litellm",
      finding("spend"),
      ["zero-trust-ai:networks.traffic-management.rate-budget-limits"],
    ],
  ];
  for (const [name, source, f, expected] of cases) {
    it(name, () => {
      expect(requirementsOf(source, f)).toEqual(expect.arrayContaining(expected));
    });
  }

  it("keeps low-severity vulnerabilities out of Art. 15(5) but in vulnerability management", () => {
    const low = requirementsOf("grype", finding("vulnerability", { outcome: "fail", severity: "low" }));
    expect(low).toContain("zero-trust-ai:devices.policy-enforcement.verified-compliance");
    expect(low).not.toContain("eu-ai-act:art-15-5");
  });

  it("does not link a pending approval (info), but links an approval", () => {
    expect(requirementsOf("mlflow", finding("model-approval", { outcome: "info" }))).toEqual([]);
    expect(requirementsOf("mlflow", finding("model-approval"))).toContain(
      "zero-trust-ai:applications.secure-development-deployment.registry-promotion-gate",
    );
  });

  it("expires runtime evidence within days and signatures within a year", () => {
    const expiry = (source: SourceKind, f: MatchableFinding) =>
      mapFindings(source, [f], rules, receivedAt).links[0]?.expiresAt.toISOString();
    expect(expiry("litellm", finding("request-log"))).toBe("2026-11-27T10:00:00.000Z");
    expect(expiry("model-signing", finding("signature"))).toBe("2027-11-20T10:00:00.000Z");
  });
});

describe("loadEvidenceRules", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("returns the same rules on a second call", () => {
    expect(loadEvidenceRules()).toBe(rules);
  });

  it("refuses a catalog with problems, naming them", () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-rules-"));
    dirs.push(dir);
    mkdirSync(join(dir, "rules"));
    writeFileSync(
      join(dir, "rules", "bad.yaml"),
      "rules:\n  - id: bad\n    title: Bad\n    summary: Bad.\n    match: { checks: [red-team] }\n    requirements: [nowhere:x]\n    freshnessDays: 1\n",
    );
    expect(() => loadEvidenceRules(dir)).toThrow(
      expect.objectContaining({
        code: "validation_failed",
        issues: [{ field: "rules/bad.yaml#bad", message: "requirement nowhere:x does not exist in any framework" }],
      }) as Error,
    );
  });
});
