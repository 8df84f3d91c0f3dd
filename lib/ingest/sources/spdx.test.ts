import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { readFixture } from "./shared/read-fixture.ts";
import { spdxAdapter } from "./spdx.ts";

const headers = new Headers();
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const parse = (value: unknown) => spdxAdapter.parse(json(value), headers);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const NS = "https://example.org/spdx/doc-42";
const spdx3 = (elements: unknown[], specVersion = "3.0.1") => ({
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    { type: "CreationInfo", "@id": "_:ci", specVersion, created: "2025-03-04T05:06:07Z", createdBy: [`${NS}#me`] },
    { type: "SpdxDocument", spdxId: NS, creationInfo: "_:ci", rootElement: [`${NS}#sbom`] },
    { type: "software_Sbom", spdxId: `${NS}#sbom`, creationInfo: "_:ci", rootElement: [`${NS}#model`] },
    ...elements,
  ],
});
const aiPackage = (props: Record<string, unknown>) => ({
  type: "ai_AIPackage",
  spdxId: `${NS}#model`,
  creationInfo: "_:ci",
  name: "fraud-model",
  software_packageVersion: "3.1",
  verifiedUsing: [{ type: "Hash", algorithm: "sha256", hashValue: "CD".repeat(32) }],
  ...props,
});
const spdx2 = {
  spdxVersion: "SPDX-2.3",
  dataLicense: "CC0-1.0",
  SPDXID: "SPDXRef-DOCUMENT",
  name: "octo-org/octo-repo",
  documentNamespace: "https://spdx.org/spdxdocs/protobom/octo-repo-1234",
  creationInfo: { created: "2025-01-02T03:04:05Z", creators: ["Tool: GitHub.com-Dependency-Graph"] },
  packages: [
    {
      SPDXID: "SPDXRef-Repository-octo",
      name: "com.github.octo-org/octo-repo",
      versionInfo: "main",
      downloadLocation: "NOASSERTION",
      checksums: [{ algorithm: "SHA256", checksumValue: "EF".repeat(32) }],
    },
    { SPDXID: "SPDXRef-npm-lodash", name: "npm:lodash", versionInfo: "4.17.21" },
  ],
  relationships: [
    {
      spdxElementId: "SPDXRef-DOCUMENT",
      relationshipType: "DESCRIBES",
      relatedSpdxElement: "SPDXRef-Repository-octo",
    },
  ],
};

describe("spdxAdapter", () => {
  it("reads the shared SPDX 3.0.1 AI fixture: the document, the AI package's card and the dataset", () => {
    const parsed = spdxAdapter.parse(readFixture("spdx3-ai-package.jsonld"), headers);
    const doc = "https://spdx.org/spdxdocs/ai-example04-a1b2c3d4-e5f6-7890-abcd-000000004001";
    expect(parsed.eventType).toBe("spdx.document");
    expect(parsed.deliveryId).toBe(doc);
    expect(parsed.effectiveAt).toBe("2024-10-15T00:00:00.000Z");
    expect(parsed.findings).toHaveLength(3);
    const [sbom, card, dataset] = parsed.findings;
    expect(sbom).toMatchObject({
      key: "sbom",
      check: "sbom",
      outcome: "pass",
      severity: null,
      subject: { kind: "model", name: "LegalBERT-Contracts", version: "1.0.0" },
      title: "SPDX 3.0.1 document with 2 packages (1 AI package, 1 dataset)",
      observedAt: "2024-10-15T00:00:00.000Z",
      links: ["https://huggingface.co/example-org/legalbert-contracts"],
      attributes: {
        specVersion: "3.0.1",
        elements: 10,
        packages: 2,
        models: 1,
        datasets: 1,
        profiles: "core,ai,dataset",
        sbomType: "analyzed",
      },
    });
    expect(card).toMatchObject({
      key: `model-card/${doc}#AIPackage1`,
      check: "model-card",
      outcome: "pass",
      severity: null,
      subject: { kind: "model", name: "LegalBERT-Contracts", version: "1.0.0" },
      attributes: {
        model: "LegalBERT-Contracts",
        typeOfModel: "transformer, fine-tuned, supervised, text classification",
        datasets: 1,
        hasTrainingInformation: true,
        hasLimitation: true,
        safetyRiskAssessment: null,
        autonomyType: null,
        useSensitivePersonalInformation: "no",
        energyConsumptionStated: false,
      },
    });
    expect(dataset).toMatchObject({
      key: `dataset/${doc}#DatasetPackage1`,
      check: "sbom",
      outcome: "info",
      subject: { kind: "dataset", name: "ContractClauses-v2", version: "2.0" },
      attributes: {
        datasetType: "text",
        availability: "registration",
        confidentialityLevel: "green",
        hasSensitivePersonalInformation: "no",
        knownBias: 2,
      },
    });
  });

  it("fails an AI package that states neither training information nor limitations", () => {
    const parsed = parse(spdx3([aiPackage({ ai_typeOfModel: ["llm"] })]));
    expect(parsed.effectiveAt).toBe("2025-03-04T05:06:07.000Z");
    const card = parsed.findings.find((f) => f.check === "model-card");
    expect(card).toMatchObject({
      outcome: "fail",
      title: "AI package fraud-model 3.1 is missing training information and limitations or a safety risk assessment",
      subject: { kind: "model", name: "fraud-model", version: "3.1", digest: `sha256:${"cd".repeat(32)}` },
      attributes: { hasTrainingInformation: false, hasLimitation: false, safetyRiskAssessment: null, datasets: 0 },
    });
  });

  it("fails an AI package with training information but no limitations", () => {
    const parsed = parse(spdx3([aiPackage({ ai_informationAboutTraining: "fine-tuned on 2024 claims" })]));
    expect(parsed.findings.find((f) => f.check === "model-card")).toMatchObject({
      outcome: "fail",
      attributes: { hasTrainingInformation: true, hasLimitation: false },
    });
  });

  it("passes on a trainedOn relationship plus a safety risk assessment (short or IRI enum values)", () => {
    const parsed = parse(
      spdx3([
        aiPackage({
          ai_safetyRiskAssessment: "https://spdx.org/rdf/3.0.1/terms/AI/SafetyRiskAssessmentType/high",
          ai_autonomyType: "noAssertion",
          ai_energyConsumption: { type: "ai_EnergyConsumption", ai_trainingEnergyConsumption: [] },
          ai_standardCompliance: ["ISO/IEC 42001"],
        }),
        { type: "dataset_DatasetPackage", spdxId: `${NS}#claims`, name: "claims", creationInfo: "_:ci" },
        {
          type: "Relationship",
          spdxId: `${NS}#rel`,
          relationshipType: "trainedOn",
          from: `${NS}#model`,
          to: [`${NS}#claims`],
        },
      ]),
    );
    expect(parsed.findings.map((f) => `${f.check}:${f.outcome}`)).toEqual([
      "sbom:pass",
      "model-card:pass",
      "sbom:info",
    ]);
    expect(parsed.findings[1]?.attributes).toMatchObject({
      datasets: 1,
      hasTrainingInformation: true,
      hasLimitation: false,
      safetyRiskAssessment: "high",
      autonomyType: "noAssertion",
      energyConsumptionStated: true,
      standardCompliance: "ISO/IEC 42001",
    });
  });

  it("tolerates unknown element types, extra fields and a newer 3.x version", () => {
    const parsed = parse(
      spdx3(
        [
          { type: "security_VexAffectedVulnAssessmentRelationship", spdxId: `${NS}#vex`, futureProp: 1 },
          { type: "software_Package", spdxId: `${NS}#model`, name: "plain-lib", software_packageVersion: "1" },
          "not-an-element",
        ],
        "3.1",
      ),
    );
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      outcome: "pass",
      subject: { kind: "package", name: "plain-lib", version: "1" },
      attributes: { specVersion: "3.1", packages: 1, models: 0, datasets: 0 },
    });
  });

  it("reads SPDX 2.3 JSON as a plain sbom pass, also inside GitHub's {sbom} export", () => {
    for (const body of [spdx2, { sbom: spdx2 }]) {
      const parsed = parse(body);
      expect(parsed.eventType).toBe("spdx.document");
      expect(parsed.deliveryId).toBe("https://spdx.org/spdxdocs/protobom/octo-repo-1234");
      expect(parsed.effectiveAt).toBe("2025-01-02T03:04:05.000Z");
      expect(parsed.findings).toHaveLength(1);
      expect(parsed.findings[0]).toMatchObject({
        key: "sbom",
        check: "sbom",
        outcome: "pass",
        title: "SPDX 2.3 document with 2 packages and 0 files",
        subject: {
          kind: "package",
          name: "com.github.octo-org/octo-repo",
          version: "main",
          digest: `sha256:${"ef".repeat(32)}`,
        },
        attributes: { specVersion: "2.3", packages: 2, files: 0, documentName: "octo-org/octo-repo" },
      });
    }
  });

  it("reads a batch of documents and a document sent as a JSON-encoded string", () => {
    const batch = parse([spdx2, JSON.stringify(spdx3([aiPackage({})]))]);
    expect(batch.deliveryId).toBeNull();
    expect(batch.effectiveAt).toBe("2025-01-02T03:04:05.000Z");
    expect(batch.findings.map((f) => `${f.key}=${f.outcome}`)).toEqual([
      "document[0]/sbom=pass",
      "document[1]/sbom=pass",
      `document[1]/model-card/${NS}#model=fail`,
    ]);
    const embedded = spdxAdapter.parse(json(JSON.stringify(spdx2)), headers);
    expect(embedded.findings).toHaveLength(1);
  });

  it("rejects non-JSON with bad_request", () => {
    expect(errorOf(() => spdxAdapter.parse(bytes("SPDXVersion: SPDX-2.3"), headers)).code).toBe("bad_request");
  });

  it("rejects JSON that is not SPDX with validation_failed", () => {
    for (const body of [
      { hello: 1 },
      [],
      { spdxVersion: "SPDX-1.2" },
      { bomFormat: "CycloneDX", specVersion: "1.6" },
      { "@context": "https://schema.org", "@graph": "nope" },
      { "@context": "https://schema.org", "@graph": [{ type: "CreationInfo", specVersion: "2.3" }] },
    ]) {
      expect(errorOf(() => parse(body)).code).toBe("validation_failed");
    }
  });
});
