import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CatalogNode } from "../catalog/catalog-schema.ts";
import { CONDITIONS, OPERATOR_ROLES, SCOPES, type Scope } from "../catalog/catalog-vocabulary.ts";
import { decideApplicability } from "./decide-applicability.ts";
import { GPAI_KINDS, RISK_CLASSES, type GpaiKind, type RiskClass, type SystemFacts } from "./system-facts.ts";

const node = (over: Partial<CatalogNode> = {}): CatalogNode => ({
  id: "eu-ai-act:art-x",
  parent: null,
  kind: "requirement",
  ref: "Art. X",
  title: "T",
  summary: "S",
  roles: ["provider"],
  scope: ["any-ai-system"],
  appliesFromOriginal: "2026-08-02",
  appliesFrom: "2027-12-02",
  evidence: ["E"],
  ...over,
});
const facts = (over: Partial<SystemFacts> = {}): SystemFacts => ({
  roles: ["provider"],
  riskClass: "minimal",
  gpai: "none",
  conditions: [],
  placedOnMarketAt: null,
  ...over,
});

/** Which scopes a system of each class has: the Act's logic written out by hand, not computed. */
const SCOPE_TABLE: Record<Scope, (risk: RiskClass, gpai: GpaiKind) => boolean> = {
  "any-ai-system": () => true,
  "high-risk-annex-iii": (risk) => risk === "high-risk-annex-iii",
  "high-risk-annex-i": (risk) => risk === "high-risk-annex-i",
  gpai: (_risk, gpai) => gpai === "gpai" || gpai === "gpai-systemic",
  "gpai-systemic": (_risk, gpai) => gpai === "gpai-systemic",
};

describe("every role and scope combination", () => {
  for (const requiredRole of OPERATOR_ROLES) {
    for (const scope of SCOPES) {
      it(`a ${scope} requirement binding the ${requiredRole}`, () => {
        for (const systemRole of OPERATOR_ROLES) {
          for (const riskClass of RISK_CLASSES) {
            for (const gpai of GPAI_KINDS) {
              const result = decideApplicability(
                node({ roles: [requiredRole], scope: [scope] }),
                facts({ roles: [systemRole], riskClass, gpai }),
                "2028-01-01",
              );
              const expected = systemRole === requiredRole && SCOPE_TABLE[scope](riskClass, gpai);
              expect(result.status, `${systemRole} / ${riskClass} / ${gpai}`).toBe(
                expected ? "applies" : "not-applicable",
              );
              if (!expected) expect(result.reasons.join(" ")).toMatch(systemRole !== requiredRole ? /binds/ : /covers/);
            }
          }
        }
      });
    }
  }
});

describe("dates", () => {
  it("is upcoming before the amended date, with the days left, and applies from it", () => {
    const before = decideApplicability(node(), facts(), "2027-11-30");
    expect(before).toMatchObject({
      status: "upcoming",
      effectiveFrom: "2027-12-02",
      daysLeft: 2,
      appliesFromOriginal: "2026-08-02",
    });
    expect(decideApplicability(node(), facts(), "2027-12-02").status).toBe("applies");
  });

  it("uses the original Art. 113 date when asked", () => {
    expect(decideApplicability(node(), facts(), "2026-09-01", "original")).toMatchObject({
      status: "applies",
      effectiveFrom: "2026-08-02",
    });
    expect(decideApplicability(node(), facts(), "2026-09-01", "amended")).toMatchObject({
      status: "upcoming",
      daysLeft: 457,
    });
  });

  it("an obligation the Omnibus removed does not apply under the amended text but does under the original", () => {
    const removed = node({
      appliesFrom: undefined,
      appliesFromOriginal: "2025-02-02",
      omnibus: { change: "removed", note: "now a duty of Member States" },
    });
    const amended = decideApplicability(removed, facts(), "2026-01-01");
    expect(amended.status).toBe("not-applicable");
    expect(amended.reasons.at(-1)).toMatch(/removed by the Digital Omnibus on AI: now a duty of Member States/);
    expect(decideApplicability(removed, facts(), "2026-01-01", "original").status).toBe("applies");
  });
});

describe("conditions", () => {
  it("every listed condition must hold", () => {
    const employer = node({ roles: ["deployer"], scope: ["high-risk-annex-iii"], conditions: ["employer"] });
    const deployer = facts({ roles: ["deployer"], riskClass: "high-risk-annex-iii" });
    expect(decideApplicability(employer, deployer, "2028-01-01").status).toBe("not-applicable");
    expect(decideApplicability(employer, { ...deployer, conditions: ["employer"] }, "2028-01-01").status).toBe(
      "applies",
    );
  });

  it("placed on the market before the scope's application date", () => {
    const legacy = node({
      scope: ["gpai"],
      conditions: ["placed-on-market-before-application"],
      appliesFrom: "2027-08-02",
      appliesFromOriginal: "2027-08-02",
    });
    const gpai = facts({ gpai: "gpai" });
    expect(decideApplicability(legacy, { ...gpai, placedOnMarketAt: "2025-05-01" }, "2027-09-01").status).toBe(
      "applies",
    );
    expect(decideApplicability(legacy, { ...gpai, placedOnMarketAt: "2025-09-01" }, "2027-09-01").status).toBe(
      "not-applicable",
    );
    expect(decideApplicability(legacy, gpai, "2027-09-01").status).toBe("not-applicable");
  });
});

describe("properties", () => {
  const seed = 20261124;
  const arbitraryFacts = fc.record({
    roles: fc.uniqueArray(fc.constantFrom(...OPERATOR_ROLES)),
    riskClass: fc.constantFrom(...RISK_CLASSES),
    gpai: fc.constantFrom(...GPAI_KINDS),
    conditions: fc.uniqueArray(
      fc.constantFrom(...CONDITIONS.filter((c) => c !== "placed-on-market-before-application")),
    ),
    placedOnMarketAt: fc.constant(null),
  });
  const arbitraryNode = fc.record({
    roles: fc.uniqueArray(fc.constantFrom(...OPERATOR_ROLES), { minLength: 1 }),
    scope: fc.uniqueArray(fc.constantFrom(...SCOPES), { minLength: 1 }),
    conditions: fc.option(
      fc.uniqueArray(fc.constantFrom(...CONDITIONS.filter((c) => c !== "placed-on-market-before-application")), {
        minLength: 1,
      }),
      { nil: undefined },
    ),
  });

  it(`taking on another role or condition never makes an applicable requirement stop applying (fast-check seed ${seed})`, () => {
    console.info(`fast-check seed: ${seed}`);
    fc.assert(
      fc.property(
        arbitraryNode,
        arbitraryFacts,
        fc.constantFrom(...OPERATOR_ROLES),
        fc.constantFrom(...CONDITIONS),
        (n, f, role, condition) => {
          const before = decideApplicability(node(n), f, "2028-06-01").status;
          const more = {
            ...f,
            roles: [...new Set([...f.roles, role])],
            conditions: [...new Set([...f.conditions, condition])],
          };
          const after = decideApplicability(node(n), more, "2028-06-01").status;
          return before !== "applies" || after === "applies";
        },
      ),
      { seed, numRuns: 2000 },
    );
  });

  it(`a later date never turns an applicable requirement into an upcoming one (fast-check seed ${seed})`, () => {
    fc.assert(
      fc.property(
        arbitraryNode,
        arbitraryFacts,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        (n, f, offset, extra) => {
          const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const early = decideApplicability(node(n), f, day(offset)).status;
          const late = decideApplicability(node(n), f, day(offset + extra)).status;
          return early !== "applies" || late === "applies";
        },
      ),
      { seed, numRuns: 2000 },
    );
  });
});
