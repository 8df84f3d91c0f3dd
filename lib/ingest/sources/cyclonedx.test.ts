import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error.ts";
import { cyclonedxAdapter } from "./cyclonedx.ts";
import { readFixture } from "./shared/read-fixture.ts";

const headers = new Headers();
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const parse = (value: unknown) => cyclonedxAdapter.parse(json(value), headers);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

const SERIAL = "urn:uuid:6f1b0c1e-1f5a-4c7e-9a40-3c2a8b7d9e10";
const bom = (components: unknown[], extra: Record<string, unknown> = {}) => ({
  bomFormat: "CycloneDX",
  specVersion: "1.6",
  serialNumber: SERIAL,
  version: 3,
  metadata: { timestamp: "2025-02-01T12:00:00Z" },
  components,
  ...extra,
});
const fullCard = {
  modelParameters: { approach: { type: "supervised" }, datasets: [{ ref: "data-1" }] },
  considerations: { technicalLimitations: ["English only"] },
};
const model = (name: string, modelCard?: unknown) => ({
  type: "machine-learning-model",
  "bom-ref": `model-${name}`,
  name,
  version: "2.0",
  ...(modelCard === undefined ? {} : { modelCard }),
});

describe("cyclonedxAdapter", () => {
  it("reads the shared CycloneDX 1.6 ML-BOM fixture: the BOM and one passing model card", () => {
    const parsed = cyclonedxAdapter.parse(readFixture("cyclonedx-mlbom.json"), headers);
    expect(parsed.eventType).toBe("cyclonedx.bom");
    expect(parsed.deliveryId).toBe("urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1");
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(2);
    const [sbom, card] = parsed.findings;
    expect(sbom).toMatchObject({
      key: "sbom",
      check: "sbom",
      outcome: "pass",
      severity: null,
      subject: { kind: "other", name: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" },
      title: "CycloneDX 1.6 BOM with 1 component (1 model, 0 datasets)",
      attributes: {
        specVersion: "1.6",
        components: 1,
        models: 1,
        datasets: 0,
        serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
        bomVersion: 1,
      },
    });
    expect(card).toMatchObject({
      key: "model-card/component-a",
      check: "model-card",
      outcome: "pass",
      severity: null,
      subject: { kind: "model", name: "CompVis/stable-diffusion", version: "1.4" },
      links: ["https://example.com/path/to/dataset"],
      attributes: {
        model: "CompVis/stable-diffusion",
        hasModelCard: true,
        approach: "supervised",
        task: "task goes here",
        architectureFamily: "the architecture family goes here",
        datasets: 1,
        technicalLimitations: 2,
        ethicalConsiderations: 1,
        fairnessAssessments: 1,
        performanceMetrics: 1,
      },
    });
    expect(card?.subject.digest).toBeUndefined();
  });

  it("fails a model component that has no model card", () => {
    const parsed = parse(bom([model("bare")]));
    expect(parsed.effectiveAt).toBe("2025-02-01T12:00:00.000Z");
    expect(parsed.deliveryId).toBe("urn:cdx:6f1b0c1e-1f5a-4c7e-9a40-3c2a8b7d9e10/3");
    const card = parsed.findings.find((f) => f.check === "model-card");
    expect(card).toMatchObject({
      key: "model-card/model-bare",
      outcome: "fail",
      title: "Model card for bare 2.0 is missing a model card",
      observedAt: "2025-02-01T12:00:00.000Z",
      attributes: { hasModelCard: false, datasets: 0, technicalLimitations: 0 },
    });
  });

  it("fails a card that names its data but no limitations, or limitations but no data, or neither", () => {
    const parsed = parse(
      bom([
        model("data-only", { modelParameters: { datasets: [{ type: "dataset", name: "corpus" }] } }),
        model("limits-only", { considerations: { ethicalConsiderations: [{ name: "bias" }] } }),
        model("empty", { considerations: { users: ["analysts"], technicalLimitations: ["", "  "] } }),
        model("full", fullCard),
      ]),
    );
    const byKey = new Map(parsed.findings.map((f) => [f.key, f]));
    expect(byKey.get("model-card/model-data-only")).toMatchObject({
      outcome: "fail",
      title: "Model card for data-only 2.0 is missing its limitations or ethical/fairness considerations",
      attributes: { hasModelCard: true, datasets: 1 },
    });
    expect(byKey.get("model-card/model-limits-only")).toMatchObject({
      outcome: "fail",
      title: "Model card for limits-only 2.0 is missing its datasets or training approach",
      attributes: { ethicalConsiderations: 1, datasets: 0, approach: null },
    });
    expect(byKey.get("model-card/model-empty")).toMatchObject({
      outcome: "fail",
      title:
        "Model card for empty 2.0 is missing its datasets or training approach and its limitations or ethical/fairness considerations",
      attributes: { technicalLimitations: 0 },
    });
    expect(byKey.get("model-card/model-full")).toMatchObject({
      outcome: "pass",
      attributes: { approach: "supervised" },
    });
  });

  it("finds models and datasets in nested components and metadata.component, with digests and links", () => {
    const parsed = parse(
      bom(
        [
          {
            type: "application",
            name: "scoring-service",
            components: [
              model("nested", fullCard),
              {
                type: "data",
                "bom-ref": "data-1",
                name: "loans-2024",
                data: [{ type: "dataset", classification: "confidential", sensitiveData: ["PII"] }],
                externalReferences: [{ type: "distribution", url: "https://data.example.com/loans" }],
              },
            ],
          },
        ],
        {
          metadata: {
            timestamp: "2025-02-01T12:00:00Z",
            component: {
              type: "machine-learning-model",
              group: "acme",
              name: "credit-scorer",
              version: "7",
              hashes: [{ alg: "SHA-256", content: "AB".repeat(32) }],
              externalReferences: [{ type: "website", url: "https://models.example.com/credit-scorer" }],
            },
          },
        },
      ),
    );
    expect(parsed.findings.map((f) => `${f.check}:${f.outcome}:${f.key}`)).toEqual([
      "sbom:pass:sbom",
      "model-card:fail:model-card/acme/credit-scorer@7",
      "model-card:pass:model-card/model-nested",
      "sbom:info:dataset/data-1",
    ]);
    const [sbom, mainCard, , dataset] = parsed.findings;
    expect(sbom).toMatchObject({
      subject: { kind: "model", name: "acme/credit-scorer", version: "7", digest: `sha256:${"ab".repeat(32)}` },
      links: ["https://models.example.com/credit-scorer"],
      attributes: { components: 3, models: 2, datasets: 1 },
    });
    expect(mainCard?.attributes.hasModelCard).toBe(false);
    expect(dataset).toMatchObject({
      subject: { kind: "dataset", name: "loans-2024" },
      links: ["https://data.example.com/loans"],
      attributes: { dataType: "dataset", classification: "confidential", sensitiveData: true },
    });
  });

  it("evaluates a model once when metadata.component is also listed in components", () => {
    const described = model("self", fullCard);
    const parsed = parse(bom([described], { metadata: { component: described } }));
    expect(parsed.findings.map((f) => f.key)).toEqual(["sbom", "model-card/model-self"]);
    expect(parsed.findings[0]?.subject).toEqual({ kind: "model", name: "self", version: "2.0" });
  });

  it("tolerates wrong types in optional BOM fields", () => {
    const parsed = parse({ bomFormat: "CycloneDX", specVersion: 16, version: "1", components: "none" });
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.findings[0]?.attributes).toMatchObject({ specVersion: "unknown", components: 0, bomVersion: null });
  });

  it("accepts an older 1.4 BOM without ML components as an sbom pass only", () => {
    const parsed = parse({
      bomFormat: "CycloneDX",
      specVersion: "1.4",
      version: 1,
      components: [
        { type: "library", name: "requests", version: "2.31.0", purl: "pkg:pypi/requests@2.31.0" },
        { type: "library", name: "numpy", version: "1.26.4" },
      ],
    });
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      check: "sbom",
      outcome: "pass",
      subject: { kind: "other", name: "CycloneDX BOM" },
      attributes: { specVersion: "1.4", components: 2, models: 0, datasets: 0, serialNumber: null, bomVersion: 1 },
    });
  });

  it("tolerates an unknown spec version, unknown component types and extra fields", () => {
    const parsed = parse(
      bom([{ type: "cryptographic-asset", name: "aes", cryptoProperties: { assetType: "algorithm" } }, 42, null], {
        specVersion: "1.7",
        futureField: { anything: true },
      }),
    );
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]?.attributes).toMatchObject({ specVersion: "1.7", components: 1, models: 0 });
  });

  it("reads a batch (JSON array) of BOMs with per-BOM keys", () => {
    const parsed = parse([bom([model("a", fullCard)]), bom([model("a")], { serialNumber: undefined })]);
    expect(parsed.deliveryId).toBeNull();
    expect(parsed.effectiveAt).toBe("2025-02-01T12:00:00.000Z");
    expect(parsed.findings.map((f) => `${f.key}=${f.outcome}`)).toEqual([
      "bom[0]/sbom=pass",
      "bom[0]/model-card/model-a=pass",
      "bom[1]/sbom=pass",
      "bom[1]/model-card/model-a=fail",
    ]);
  });

  it("reads a BOM sent as a JSON-encoded string", () => {
    const parsed = cyclonedxAdapter.parse(json(JSON.stringify(bom([model("s", fullCard)]))), headers);
    expect(parsed.findings.map((f) => f.outcome)).toEqual(["pass", "pass"]);
  });

  it("rejects non-JSON with bad_request", () => {
    expect(errorOf(() => cyclonedxAdapter.parse(bytes("<bom/>"), headers)).code).toBe("bad_request");
  });

  it("rejects JSON that is not CycloneDX with validation_failed", () => {
    expect(errorOf(() => parse({ hello: 1 })).code).toBe("validation_failed");
    expect(errorOf(() => parse([])).code).toBe("validation_failed");
    expect(errorOf(() => parse({ spdxVersion: "SPDX-2.3", packages: [] })).code).toBe("validation_failed");
    const wrongFormat = errorOf(() => parse({ bomFormat: "SPDX", specVersion: "1.6" }));
    expect(wrongFormat.code).toBe("validation_failed");
    expect(wrongFormat.message).toContain("bomFormat");
    expect(errorOf(() => parse([bom([]), { hello: 1 }])).message).toContain("item 1");
  });
});
