import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter, SubjectKind } from "../source-adapter.ts";
import { formatCount } from "./shared/format-count.ts";
import { isRecord } from "./shared/is-record.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { readEnumValue } from "./shared/read-enum-value.ts";
import { readString } from "./shared/read-string.ts";
import { readStrings } from "./shared/read-strings.ts";
import { takeUniqueKey } from "./shared/take-unique-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";
import { assessAiPackage } from "./spdx/assess-ai-package.ts";
import { readSpdx3Graph, type Spdx3Element, type Spdx3Graph } from "./spdx/read-spdx3-graph.ts";

/**
 * SPDX documents in JSON: SPDX 3.0.x JSON-LD (`@context` + `@graph`) with the AI and Dataset profiles,
 * checked against the SPDX 3.0.1 model pages (`AI/Classes/AIPackage`, `Dataset/Classes/DatasetPackage`,
 * `Core/Classes/Relationship`) and the 3.0.1 JSON schema; and SPDX 2.x JSON (`spdxVersion: "SPDX-2.3"`,
 * `documentNamespace`, `creationInfo`, `packages`), also inside GitHub's dependency-graph export
 * (`{"sbom": {...}}`). Also a JSON array of documents, or a document sent as a JSON-encoded string.
 *
 * Findings: one `sbom` `pass` per document (spec version, package/model/dataset counts); for SPDX 3, one
 * `model-card` per `ai_AIPackage` (`pass` when it states training information AND limitations or a safety
 * risk assessment, else `fail`: the rule is in `spdx/assess-ai-package.ts`) and one `sbom` `info` per
 * `dataset_DatasetPackage` (availability, confidentiality, known bias). SPDX 2.x yields the `sbom`
 * finding only. `deliveryId` is the SpdxDocument `spdxId` (3.x) or the `documentNamespace` (2.x).
 */
export const spdxAdapter: SourceAdapter = {
  kind: "spdx",
  contentTypes: ["application/spdx+json", "application/ld+json", "application/json"],
  parse,
};

/** `creationInfo.created`: ISO 8601, read by `Date.parse` as sent. */
const CREATED: ToIsoTimeOptions = { text: "any", trim: false };
const spdx2Schema = z.looseObject({
  spdxVersion: z.string().regex(/^SPDX-2\.\d+$/, 'expected "SPDX-2.x"'),
  SPDXID: lenientString,
  name: lenientString,
  documentNamespace: lenientString,
  creationInfo: z.looseObject({ created: lenientString }).nullish().catch(null),
  packages: lenientList,
  files: lenientList,
  relationships: lenientList,
  documentDescribes: lenientList,
});
const spdx2PackageSchema = z.looseObject({
  SPDXID: lenientString,
  name: lenientString,
  versionInfo: lenientString,
  primaryPackagePurpose: lenientString,
  checksums: z
    .array(z.looseObject({ algorithm: lenientString, checksumValue: lenientString }))
    .nullish()
    .catch(null),
});
const spdx2RelationshipSchema = z.looseObject({
  spdxElementId: lenientString,
  relationshipType: lenientString,
  relatedSpdxElement: lenientString,
});

interface Doc {
  deliveryId: string | null;
  effectiveAt: string | null;
  findings: NormalizedFinding[];
}

function parse(raw: Uint8Array): ParsedEvidence {
  const docs: Doc[] = [];
  const seen = new Set<string>();
  const body = parseEmbeddedJson(parseJsonBytes(raw, "SPDX body"));
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new AppError("validation_failed", "The SPDX body is an empty array: no document.");
  items.forEach((item, index) => {
    const prefix = items.length > 1 ? `document[${index}]/` : "";
    const what = items.length > 1 ? `SPDX document (item ${index})` : "SPDX document";
    docs.push(readDocument(item, what, prefix, seen));
  });
  const first = docs[0];
  return {
    eventType: "spdx.document",
    deliveryId: docs.length === 1 && first ? first.deliveryId : null,
    effectiveAt: first?.effectiveAt ?? null,
    findings: docs.flatMap((d) => d.findings),
  };
}

function readDocument(value: unknown, what: string, prefix: string, seen: Set<string>): Doc {
  let v = parseEmbeddedJson(value);
  if (isRecord(v) && isRecord(v.sbom) && !("spdxVersion" in v) && !("@graph" in v)) v = v.sbom;
  if (!isRecord(v)) throw new AppError("validation_failed", `The ${what} is not a JSON object.`);
  if ("spdxVersion" in v) return readSpdx2(parseSourceShape(spdx2Schema, v, what), prefix, seen);
  if ("@graph" in v || "@context" in v) return readSpdx3(readSpdx3Graph(v, what), prefix, seen);
  throw new AppError(
    "validation_failed",
    `The ${what} is neither SPDX 2.x JSON (spdxVersion) nor SPDX 3 JSON-LD (@context/@graph).`,
  );
}

function readSpdx3(g: Spdx3Graph, prefix: string, seen: Set<string>): Doc {
  const models = g.elements.filter((e) => e.type === "ai_AIPackage");
  const datasets = g.elements.filter((e) => e.type === "dataset_DatasetPackage");
  const packages = g.elements.filter((e) => e.type === "software_Package").length + models.length + datasets.length;
  const findings: NormalizedFinding[] = [];
  findings.push({
    key: takeUniqueKey(seen, `${prefix}sbom`),
    subject: g.root
      ? subjectOf(g.root)
      : { kind: "other", name: truncateText(g.documentName ?? g.documentId ?? "SPDX document") },
    check: "sbom",
    outcome: "pass",
    severity: null,
    title: `SPDX ${g.specVersion} document with ${formatCount(packages, "package")} (${formatCount(models.length, "AI package")}, ${formatCount(datasets.length, "dataset")})`,
    observedAt: g.created,
    links: g.root ? linksOf(g.root) : [],
    attributes: {
      specVersion: g.specVersion,
      elements: g.elements.length,
      packages,
      models: models.length,
      datasets: datasets.length,
      profiles: g.profiles.join(",").slice(0, 200) || null,
      sbomType: g.sbomTypes.join(",").slice(0, 200) || null,
    },
  });
  for (const model of models) {
    const linked = new Set(
      g.relationships
        .filter((r) => r.from === model.id && (r.type === "trainedOn" || r.type === "testedOn"))
        .flatMap((r) => r.to),
    );
    const a = assessAiPackage(model.props, linked.size);
    const subject = subjectOf(model);
    const label = subject.version ? `${subject.name} ${subject.version}` : subject.name;
    findings.push({
      key: takeUniqueKey(seen, `${prefix}model-card/${truncateText(model.id ?? subject.name, 300)}`),
      subject,
      check: "model-card",
      outcome: a.outcome,
      severity: null,
      title:
        a.outcome === "pass"
          ? `AI package ${label} states its training and limitations`
          : `AI package ${label} is missing ${a.missing.join(" and ")}`,
      detail: `Training information: ${a.hasTrainingInformation ? "yes" : "no"}; linked datasets: ${linked.size}; limitation: ${a.hasLimitation ? "yes" : "no"}; safety risk assessment: ${a.safetyRiskAssessment ?? "not stated"}.`,
      observedAt: g.created,
      links: linksOf(model),
      attributes: {
        model: subject.name,
        typeOfModel: a.typeOfModel,
        datasets: linked.size,
        hasTrainingInformation: a.hasTrainingInformation,
        hasLimitation: a.hasLimitation,
        safetyRiskAssessment: a.safetyRiskAssessment,
        autonomyType: a.autonomyType,
        useSensitivePersonalInformation: a.useSensitivePersonalInformation,
        standardCompliance: a.standardCompliance,
        energyConsumptionStated: a.energyConsumptionStated,
      },
    });
  }
  for (const dataset of datasets) {
    const subject = subjectOf(dataset);
    const p = dataset.props;
    findings.push({
      key: takeUniqueKey(seen, `${prefix}dataset/${truncateText(dataset.id ?? subject.name, 300)}`),
      subject,
      check: "sbom",
      outcome: "info",
      severity: null,
      title: `Dataset ${subject.name} described in the SPDX document`,
      observedAt: g.created,
      links: linksOf(dataset),
      attributes: {
        datasetType: readStrings(p.dataset_datasetType).join(",").slice(0, 200) || null,
        availability: readEnumValue(p.dataset_datasetAvailability),
        confidentialityLevel: readEnumValue(p.dataset_confidentialityLevel),
        hasSensitivePersonalInformation: readEnumValue(p.dataset_hasSensitivePersonalInformation),
        knownBias: readStrings(p.dataset_knownBias).length,
      },
    });
  }
  return { deliveryId: g.documentId, effectiveAt: g.created, findings };
}

function readSpdx2(doc: z.output<typeof spdx2Schema>, prefix: string, seen: Set<string>): Doc {
  const packages = (doc.packages ?? []).flatMap((p) => {
    const r = spdx2PackageSchema.safeParse(p);
    return r.success ? [r.data] : [];
  });
  const describedIds = [
    ...(doc.documentDescribes ?? []).filter((x): x is string => typeof x === "string"),
    ...(doc.relationships ?? []).flatMap((rel) => {
      const r = spdx2RelationshipSchema.safeParse(rel);
      return r.success && r.data.relationshipType === "DESCRIBES" && r.data.spdxElementId === doc.SPDXID
        ? [r.data.relatedSpdxElement ?? ""]
        : [];
    }),
  ];
  const described = packages.find((p) => p.SPDXID && describedIds.includes(p.SPDXID));
  const specVersion = doc.spdxVersion.slice("SPDX-".length);
  const effectiveAt = toIsoTime(doc.creationInfo?.created, CREATED);
  const checksum = described?.checksums?.find((c) => c.algorithm === "SHA256" && c.checksumValue);
  const subject: NormalizedFinding["subject"] = described
    ? {
        kind: described.primaryPackagePurpose === "CONTAINER" ? "container-image" : "package",
        name: truncateText(described.name ?? described.SPDXID ?? "unnamed package", 300),
        ...(described.versionInfo ? { version: truncateText(described.versionInfo, 100) } : {}),
        ...(checksum?.checksumValue ? { digest: `sha256:${checksum.checksumValue.toLowerCase()}` } : {}),
      }
    : { kind: "other", name: truncateText(doc.name ?? "SPDX document", 300) };
  const files = (doc.files ?? []).length;
  return {
    deliveryId: doc.documentNamespace ? truncateText(doc.documentNamespace, 500) : null,
    effectiveAt,
    findings: [
      {
        key: takeUniqueKey(seen, `${prefix}sbom`),
        subject,
        check: "sbom",
        outcome: "pass",
        severity: null,
        title: `SPDX ${specVersion} document with ${formatCount(packages.length, "package")} and ${formatCount(files, "file")}`,
        observedAt: effectiveAt,
        links: [],
        attributes: {
          specVersion,
          packages: packages.length,
          files,
          documentName: doc.name ? truncateText(doc.name, 200) : null,
        },
      },
    ],
  };
}

const KINDS: Record<string, SubjectKind> = {
  ai_AIPackage: "model",
  dataset_DatasetPackage: "dataset",
  software_Package: "package",
};

function subjectOf(el: Spdx3Element): NormalizedFinding["subject"] {
  const p = el.props;
  const name = truncateText(readString(p.name) ?? el.id ?? "unnamed element", 300);
  const version = readString(p.software_packageVersion);
  const digest = digestOf(p.verifiedUsing);
  return {
    kind: KINDS[el.type] ?? "other",
    name,
    ...(version ? { version: truncateText(version, 100) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** `verifiedUsing: [{type: "Hash", algorithm: "sha256", hashValue}]` -> `sha256:<hex>` (sha256 preferred). */
function digestOf(v: unknown): string | null {
  const hashes = (Array.isArray(v) ? v : []).flatMap((h) => {
    if (!isRecord(h)) return [];
    const alg = readString(h.algorithm);
    const value = readString(h.hashValue);
    return alg && value && /^[0-9a-fA-F]+$/.test(value) ? [{ alg: alg.slice(alg.lastIndexOf("/") + 1), value }] : [];
  });
  const h = hashes.find((x) => x.alg === "sha256") ?? hashes[0];
  return h ? truncateText(`${h.alg}:${h.value.toLowerCase()}`, 300) : null;
}

function linksOf(el: Spdx3Element): string[] {
  return keepHttpLinks([el.props.software_downloadLocation, el.props.software_homePage]);
}
