import { describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { classificationInput } from "./classification-input.ts";
import { classifyAiSystem } from "./classify-ai-system.ts";
import { decideApplicability } from "./decide-applicability.ts";
import type { SystemFacts } from "./system-facts.ts";

const { catalog } = loadCatalog();
const act = catalog.frameworks.find((f) => f.framework.id === "eu-ai-act");
const requirements = act?.nodes.filter((n) => n.kind === "requirement") ?? [];

function obligations(facts: SystemFacts, asOf: string, basis: "amended" | "original" = "amended") {
  const decided = requirements.map((n) => decideApplicability(n, facts, asOf, basis));
  const ids = (status: string) => decided.filter((d) => d.status === status).map((d) => d.requirementId);
  return { applies: ids("applies"), upcoming: ids("upcoming"), notApplicable: ids("not-applicable") };
}

function factsFromWizard(roles: SystemFacts["roles"], answers: Record<string, unknown>): SystemFacts {
  const c = classifyAiSystem(classificationInput.parse({ isAiSystem: true, ...answers }));
  return { roles, riskClass: c.riskClass, gpai: c.gpai, conditions: c.conditions, placedOnMarketAt: null };
}

describe("the EU AI Act catalog through the applicability engine", () => {
  it("is present", () => {
    expect(requirements.length).toBeGreaterThan(200);
  });

  it("a deployer of an Annex III employment system gets the deployer duties with their dates, not the provider's", () => {
    const facts = factsFromWizard(["deployer"], { annexIIIUseCase: "4(a)", employer: true });
    expect(facts.riskClass).toBe("high-risk-annex-iii");
    const later = obligations(facts, "2028-01-01");
    expect(later.applies).toEqual(
      expect.arrayContaining(["eu-ai-act:art-26-1", "eu-ai-act:art-26-6", "eu-ai-act:art-26-7", "eu-ai-act:art-4-1"]),
    );
    expect(later.applies.filter((id) => id.startsWith("eu-ai-act:art-16"))).toEqual([]);
    expect(later.applies.filter((id) => id.endsWith(".annex-i"))).toEqual([]);
    // Before the Omnibus date the Annex III duties are upcoming, with the amended date.
    const now = obligations(facts, "2026-11-24");
    expect(now.upcoming).toContain("eu-ai-act:art-26-1");
    const art26 = requirements.find((n) => n.id === "eu-ai-act:art-26-1");
    expect(decideApplicability(art26!, facts, "2026-11-24")).toMatchObject({
      status: "upcoming",
      effectiveFrom: "2027-12-02",
      appliesFromOriginal: "2026-08-02",
    });
    // Under the original Art. 113 dates they would already apply.
    expect(obligations(facts, "2026-11-24", "original").applies).toContain("eu-ai-act:art-26-1");
    // Prohibitions bind deployers of every system from 2 February 2025.
    expect(now.applies).toEqual(expect.arrayContaining(["eu-ai-act:art-5-1-a"]));
  });

  it("the provider of the same system gets the provider duties instead", () => {
    const facts = factsFromWizard(["provider"], { annexIIIUseCase: "4(a)" });
    const later = obligations(facts, "2028-01-01");
    expect(later.applies.some((id) => id.startsWith("eu-ai-act:art-16"))).toBe(true);
    expect(later.applies.filter((id) => id.startsWith("eu-ai-act:art-26"))).toEqual([]);
  });

  it("a minimal-risk chatbot's deployer only has the general duties; its provider the Art. 50(1) disclosure", () => {
    const deployer = obligations(factsFromWizard(["deployer"], { interactsWithPersons: true }), "2028-01-01");
    expect(deployer.applies.some((id) => id.startsWith("eu-ai-act:art-26"))).toBe(false);
    const provider = obligations(factsFromWizard(["provider"], { interactsWithPersons: true }), "2028-01-01");
    expect(provider.applies).toContain("eu-ai-act:art-50-1");
  });

  it("a GPAI model provider with systemic risk has the Art. 55 duties", () => {
    const facts = factsFromWizard(["provider"], { providesGpaiModel: true, trainingComputeFlop: 3e25 });
    const result = obligations(facts, "2026-11-24");
    expect(result.applies.some((id) => id.startsWith("eu-ai-act:art-55"))).toBe(true);
    expect(result.applies.some((id) => id.startsWith("eu-ai-act:art-53"))).toBe(true);
  });
});
