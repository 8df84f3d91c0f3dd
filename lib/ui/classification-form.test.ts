import { describe, expect, it } from "vitest";
import { classifySystemInput } from "../systems/classify-system.ts";
import { issuesByWizardField, toClassificationRequest } from "./classification-form.ts";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("toClassificationRequest", () => {
  it("turns the wizard's form into a body the API accepts", () => {
    const { body, problems } = toClassificationRequest(
      form([
        ["operatorRoles", "deployer"],
        ["operatorRoles", "importer"],
        ["placedOnMarketAt", ""],
        ["isAiSystem", "yes"],
        ["prohibitedPractice", ""],
        ["annexIProduct", "no"],
        ["annexIIIUseCase", "4(a)"],
        ["derogation", ""],
        ["employer", "yes"],
        ["trainingComputeFlop", "3e24"],
      ]),
    );
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      operatorRoles: ["deployer", "importer"],
      placedOnMarketAt: null,
      answers: {
        isAiSystem: true,
        annexIProduct: false,
        prohibitedPractice: null,
        annexIIIUseCase: "4(a)",
        derogation: null,
        employer: true,
        profiling: false,
        trainingComputeFlop: 3e24,
      },
    });
    expect(classifySystemInput.safeParse(body).success).toBe(true);
  });

  it("reports a training compute that is not a number instead of sending it", () => {
    const { body, problems } = toClassificationRequest(form([["trainingComputeFlop", "lots"]]));
    expect(body.answers.trainingComputeFlop).toBeNull();
    expect(problems).toEqual([{ field: "trainingComputeFlop", message: expect.stringMatching(/number/) as string }]);
  });
});

describe("issuesByWizardField", () => {
  it("keys API issues by the wizard's field names and joins repeats", () => {
    expect(
      issuesByWizardField([
        { field: "operatorRoles.0", message: "a" },
        { field: "operatorRoles", message: "b" },
        { field: "answers.annexIIIUseCase", message: "c" },
      ]),
    ).toEqual({ operatorRoles: "a; b", annexIIIUseCase: "c" });
  });
});
