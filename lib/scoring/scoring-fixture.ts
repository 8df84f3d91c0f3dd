import type {
  EvidenceItem,
  ScoringApplicability,
  ScoringInput,
  ScoringNode,
  ScoringRule,
  Waiver,
} from "./scoring-types.ts";

/** A tiny two-framework catalog and builders for scoring tests (plain data, no database). */
export const NODES: ScoringNode[] = [
  { id: "act:art-9", frameworkId: "act", parentId: null, kind: "group", ref: "Art. 9", title: "Risk management" },
  {
    id: "act:art-9-1",
    frameworkId: "act",
    parentId: "act:art-9",
    kind: "requirement",
    ref: "Art. 9(1)",
    title: "Risk system",
    expects: ["a risk register"],
  },
  {
    id: "act:art-9-2",
    frameworkId: "act",
    parentId: "act:art-9",
    kind: "requirement",
    ref: "Art. 9(2)",
    title: "Testing",
  },
  { id: "act:art-15", frameworkId: "act", parentId: null, kind: "group", ref: "Art. 15", title: "Robustness" },
  {
    id: "act:art-15-5",
    frameworkId: "act",
    parentId: "act:art-15",
    kind: "requirement",
    ref: "Art. 15(5)",
    title: "Cybersecurity",
  },
  { id: "zt:identity", frameworkId: "zt", parentId: null, kind: "group", ref: "Identity", title: "Identity" },
  {
    id: "zt:identity.auth",
    frameworkId: "zt",
    parentId: "zt:identity",
    kind: "group",
    ref: "Identity / Auth",
    title: "Authentication",
  },
  {
    id: "zt:identity.auth.mfa",
    frameworkId: "zt",
    parentId: "zt:identity.auth",
    kind: "requirement",
    ref: "MFA",
    title: "MFA",
    stage: "initial",
  },
  {
    id: "zt:identity.auth.phish",
    frameworkId: "zt",
    parentId: "zt:identity.auth",
    kind: "requirement",
    ref: "Phishing-resistant",
    title: "Phishing-resistant MFA",
    stage: "advanced",
  },
  {
    id: "zt:identity.auth.cont",
    frameworkId: "zt",
    parentId: "zt:identity.auth",
    kind: "requirement",
    ref: "Continuous",
    title: "Continuous validation",
    stage: "optimal",
  },
];

export const RULES: ScoringRule[] = [
  {
    id: "red-team",
    title: "Adversarial testing",
    requirementIds: ["act:art-9-2", "act:art-15-5"],
    sources: ["garak", "promptfoo"],
    checks: ["adversarial-test"],
    freshnessDays: 90,
  },
  {
    id: "vuln-scan",
    title: "Vulnerability scan",
    requirementIds: ["act:art-15-5"],
    sources: ["trivy"],
    checks: ["vulnerability"],
    freshnessDays: 30,
  },
  {
    id: "mfa-log",
    title: "Gateway auth",
    requirementIds: ["zt:identity.auth.mfa", "zt:identity.auth.phish", "zt:identity.auth.cont"],
    sources: ["litellm"],
    checks: ["access-control"],
    freshnessDays: 30,
  },
];

export const DAY = 86_400_000;
export const T0 = new Date("2026-10-01T00:00:00Z");

export const applies = (): ScoringApplicability => ({
  status: "applies",
  effectiveFrom: "2026-08-02",
  appliesFromOriginal: "2026-08-02",
  daysLeft: null,
  reasons: ["applies"],
});

/** Every requirement of NODES applies to the system. */
export function allApply(): Map<string, ScoringApplicability> {
  return new Map(NODES.filter((n) => n.kind === "requirement").map((n) => [n.id, applies()]));
}

let counter = 0;
export function item(over: Partial<EvidenceItem> & Pick<EvidenceItem, "requirementId">): EvidenceItem {
  counter += 1;
  const observedAt = over.observedAt ?? T0;
  return {
    linkId: `link-${counter}`,
    ruleId: null,
    outcome: "pass",
    findingKey: `finding-${counter}`,
    evidenceId: `ev-${counter}`,
    subject: "model:m1",
    systemId: null,
    source: "garak",
    sha256: "ab".repeat(32),
    receivedAt: observedAt,
    observedAt,
    expiresAt: new Date(observedAt.getTime() + 30 * DAY),
    removedAt: null,
    justification: null,
    ...over,
  };
}

export function waiver(over: Partial<Waiver> & Pick<Waiver, "requirementId">): Waiver {
  return {
    id: "w1",
    systemId: null,
    reason: "vendor patch pending",
    compensatingControl: "WAF rule",
    approvedBy: "ciso@example.com",
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 60 * DAY),
    revokedAt: null,
    ...over,
  };
}

export function input(over: Partial<ScoringInput> = {}): ScoringInput {
  return {
    asOf: new Date(T0.getTime() + DAY),
    nodes: NODES,
    rules: RULES,
    systems: [{ id: "s1", name: "System 1", applicability: allApply() }],
    items: [],
    waivers: [],
    ...over,
  };
}
