import { describe, expect, it } from "vitest";
import { classificationInput } from "./classification-input.ts";
import { classifyAiSystem } from "./classify-ai-system.ts";

const answers = (over: Record<string, unknown> = {}) => classificationInput.parse({ isAiSystem: true, ...over });

describe("classifyAiSystem walks the Act's logic", () => {
  it("not an AI system: out of scope", () => {
    const c = classifyAiSystem(answers({ isAiSystem: false }));
    expect(c).toMatchObject({ inScope: false, riskClass: "minimal" });
    expect(c.reasoning[0]).toMatch(/Art\. 3\(1\)/);
  });

  it("a prohibited practice wins over everything else", () => {
    const c = classifyAiSystem(
      answers({ prohibitedPractice: "f", annexIIIUseCase: "4(a)", interactsWithPersons: true }),
    );
    expect(c.riskClass).toBe("prohibited");
    expect(c.reasoning.join(" ")).toMatch(/Art\. 5\(1\)\(f\)/);
  });

  it("an Annex I product is high-risk under Art. 6(1)", () => {
    expect(classifyAiSystem(answers({ annexIProduct: true, annexIIIUseCase: "2(a)" })).riskClass).toBe(
      "high-risk-annex-i",
    );
  });

  it("an Annex III employment use case is high-risk", () => {
    const c = classifyAiSystem(answers({ annexIIIUseCase: "4(a)", employer: true }));
    expect(c).toMatchObject({ riskClass: "high-risk-annex-iii", annexIIIUseCase: "4(a)" });
    expect(c.conditions).toEqual(["employer"]);
  });

  it("the Art. 6(3) derogation takes an Annex III system out of high-risk, with the Art. 6(4) documentation", () => {
    const c = classifyAiSystem(answers({ annexIIIUseCase: "4(a)", derogation: "preparatory-task" }));
    expect(c.riskClass).toBe("minimal");
    expect(c.conditions).toContain("annex-iii-derogation");
    expect(c.documentationRequired.join(" ")).toMatch(/Art\. 6\(4\).*Art\. 49\(2\)/);
  });

  it("but never when the system profiles natural persons", () => {
    const c = classifyAiSystem(answers({ annexIIIUseCase: "4(a)", derogation: "preparatory-task", profiling: true }));
    expect(c.riskClass).toBe("high-risk-annex-iii");
    expect(c.reasoning.join(" ")).toMatch(/profiles natural persons/);
  });

  it("credit scoring adds the credit-or-insurance condition (Art. 27)", () => {
    expect(classifyAiSystem(answers({ annexIIIUseCase: "5(b)" })).conditions).toContain("credit-or-insurance");
  });

  it("transparency triggers make a non-high-risk system limited-risk", () => {
    const c = classifyAiSystem(answers({ interactsWithPersons: true, generatesSyntheticContent: true }));
    expect(c.riskClass).toBe("limited");
    expect(c.conditions).toEqual(["interacts-with-persons", "generates-synthetic-content"]);
    expect(classifyAiSystem(answers()).riskClass).toBe("minimal");
  });

  it("a GPAI model is presumed to have systemic risk above 10^25 FLOP or when designated", () => {
    expect(classifyAiSystem(answers({ providesGpaiModel: true, trainingComputeFlop: 5e24 })).gpai).toBe("gpai");
    expect(classifyAiSystem(answers({ providesGpaiModel: true, trainingComputeFlop: 2e25 })).gpai).toBe(
      "gpai-systemic",
    );
    expect(classifyAiSystem(answers({ providesGpaiModel: true, designatedSystemicRisk: true })).gpai).toBe(
      "gpai-systemic",
    );
    expect(classifyAiSystem(answers({ trainingComputeFlop: 2e25 })).gpai).toBe("none");
  });

  it("rejects unknown answers and malformed use cases", () => {
    expect(classificationInput.safeParse({ isAiSystem: true, annexIIIUseCase: "9(z)" }).success).toBe(false);
    expect(classificationInput.safeParse({ isAiSystem: true, riskAppetite: "high" }).success).toBe(false);
  });
});
