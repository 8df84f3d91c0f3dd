import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { parseEmbeddedJson } from "../json/parse-embedded-json.ts";
import { parseJsonBytes } from "../json/parse-json-bytes.ts";
import { parseSourceShape } from "../json/parse-source-shape.ts";
import type { NormalizedFinding, ParsedEvidence, SourceAdapter, SubjectKind } from "../source-adapter.ts";
import { assessModelCard } from "./cyclonedx/assess-model-card.ts";
import { formatCount } from "./shared/format-count.ts";
import { keepHttpLinks } from "./shared/keep-http-links.ts";
import { lenientList } from "./shared/lenient-list.ts";
import { lenientNumber } from "./shared/lenient-number.ts";
import { lenientString } from "./shared/lenient-string.ts";
import { takeUniqueKey } from "./shared/take-unique-key.ts";
import { toIsoTime, type ToIsoTimeOptions } from "./shared/to-iso-time.ts";
import { truncateText } from "./shared/truncate-text.ts";

/**
 * CycloneDX BOMs in JSON (spec 1.6 with ML-BOM, and older 1.2-1.5 BOMs), checked against the CycloneDX
 * 1.6 JSON schema (`bom-1.6.schema.json`: `bomFormat`, `specVersion`, `serialNumber`, `version`,
 * `metadata`, `components[]` with `type` `machine-learning-model` + `modelCard` and `data` + `data[]`).
 * Also a JSON array of BOMs, or a BOM sent as a JSON-encoded string. `bomFormat` must be "CycloneDX".
 *
 * Findings: one `sbom` `pass` per BOM (specVersion, component/model/dataset counts, serial number);
 * one `model-card` per `machine-learning-model` component, anywhere in the component tree or as
 * `metadata.component`: `pass` when its card names its datasets or training approach AND its
 * limitations or considerations, else `fail` (the rule is spelled out in `cyclonedx/assess-model-card.ts`);
 * one `sbom` `info` per `data` component (the dataset inventory). A BOM without models (any 1.4/1.5 BOM
 * without ML-BOM components) yields the `sbom` finding only. `deliveryId` is the BOM-Link of the
 * serial number and version (`urn:cdx:<uuid>/<version>`).
 */
export const cyclonedxAdapter: SourceAdapter = {
  kind: "cyclonedx",
  contentTypes: ["application/vnd.cyclonedx+json", "application/json"],
  parse,
};

/** `metadata.timestamp`: ISO 8601, read by `Date.parse` as sent. */
const BOM_TIME: ToIsoTimeOptions = { text: "any", trim: false };
const componentSchema = z.looseObject({
  type: lenientString,
  name: lenientString,
  group: lenientString,
  version: lenientString,
  "bom-ref": lenientString,
  hashes: z
    .array(z.looseObject({ alg: lenientString, content: lenientString }))
    .nullish()
    .catch(null),
  externalReferences: z
    .array(z.looseObject({ url: lenientString }))
    .nullish()
    .catch(null),
  modelCard: z.unknown().optional(),
  data: z
    .array(z.looseObject({ type: lenientString, classification: lenientString, sensitiveData: lenientList }))
    .nullish()
    .catch(null),
  components: lenientList,
});
type Component = z.output<typeof componentSchema>;

const bomSchema = z.looseObject({
  bomFormat: z.literal("CycloneDX"),
  specVersion: lenientString,
  serialNumber: lenientString,
  version: lenientNumber,
  metadata: z.looseObject({ timestamp: lenientString, component: z.unknown().optional() }).nullish().catch(null),
  components: lenientList,
});

function parse(raw: Uint8Array): ParsedEvidence {
  const body = parseEmbeddedJson(parseJsonBytes(raw, "CycloneDX body"));
  const boms = Array.isArray(body) ? body.map((b) => parseEmbeddedJson(b)) : [body];
  if (boms.length === 0) throw new AppError("validation_failed", "The CycloneDX body is an empty array: no BOM.");
  const findings: NormalizedFinding[] = [];
  const seen = new Set<string>();
  const parsed = boms.map((value, index) => {
    const what = boms.length > 1 ? `CycloneDX BOM (item ${index})` : "CycloneDX BOM";
    const bom = parseSourceShape(bomSchema, value, what);
    findings.push(...bomFindings(bom, boms.length > 1 ? `bom[${index}]/` : "", seen));
    return bom;
  });
  const first = parsed[0];
  return {
    eventType: "cyclonedx.bom",
    deliveryId: parsed.length === 1 && first ? bomLink(first.serialNumber, first.version) : null,
    effectiveAt: toIsoTime(first?.metadata?.timestamp, BOM_TIME),
    findings,
  };
}

function bomFindings(bom: z.output<typeof bomSchema>, prefix: string, seen: Set<string>): NormalizedFinding[] {
  const components: Component[] = [];
  collect(bom.components ?? [], components, 0);
  const mainResult = bom.metadata?.component ? componentSchema.safeParse(bom.metadata.component) : null;
  const main = mainResult?.success ? mainResult.data : null;
  const observedAt = toIsoTime(bom.metadata?.timestamp, BOM_TIME);
  const specVersion = bom.specVersion ?? "unknown";
  // metadata.component is often listed again in components: evaluate such a model once
  const listed = new Set(components.map((c) => c["bom-ref"]).filter(Boolean));
  const mainModel = main && !(main["bom-ref"] && listed.has(main["bom-ref"])) ? [main] : [];
  const models = [...mainModel, ...components].filter((c) => c.type === "machine-learning-model");
  const datasets = components.filter((c) => c.type === "data");
  const out: NormalizedFinding[] = [];
  out.push({
    key: takeUniqueKey(seen, `${prefix}sbom`),
    subject: main ? subjectOf(main) : { kind: "other", name: bom.serialNumber ?? "CycloneDX BOM" },
    check: "sbom",
    outcome: "pass",
    severity: null,
    title: `CycloneDX ${specVersion} BOM with ${formatCount(components.length, "component")} (${formatCount(models.length, "model")}, ${formatCount(datasets.length, "dataset")})`,
    observedAt,
    links: main ? linksOf(main, []) : [],
    attributes: {
      specVersion,
      components: components.length,
      models: models.length,
      datasets: datasets.length,
      serialNumber: bom.serialNumber ?? null,
      bomVersion: bom.version ?? null,
    },
  });
  for (const model of models) {
    const card = assessModelCard(model.modelCard);
    const subject = subjectOf(model);
    const label = subject.version ? `${subject.name} ${subject.version}` : subject.name;
    out.push({
      key: takeUniqueKey(seen, `${prefix}model-card/${refOf(model)}`),
      subject,
      check: "model-card",
      outcome: card.outcome,
      severity: null,
      title:
        card.outcome === "pass"
          ? `Model card for ${label} names its data and limitations`
          : `Model card for ${label} is missing ${card.missing.join(" and ")}`,
      detail: `Datasets: ${card.datasets}; approach: ${card.approach ?? "not stated"}; technical limitations: ${card.technicalLimitations}; ethical considerations: ${card.ethicalConsiderations}; fairness assessments: ${card.fairnessAssessments}.`,
      observedAt,
      links: linksOf(model, card.datasetUrls),
      attributes: {
        model: subject.name,
        hasModelCard: card.hasModelCard,
        approach: card.approach,
        task: card.task,
        architectureFamily: card.architectureFamily,
        datasets: card.datasets,
        technicalLimitations: card.technicalLimitations,
        ethicalConsiderations: card.ethicalConsiderations,
        fairnessAssessments: card.fairnessAssessments,
        performanceMetrics: card.performanceMetrics,
      },
    });
  }
  for (const data of datasets) {
    const subject = subjectOf(data);
    const entries = data.data ?? [];
    out.push({
      key: takeUniqueKey(seen, `${prefix}dataset/${refOf(data)}`),
      subject,
      check: "sbom",
      outcome: "info",
      severity: null,
      title: `Dataset ${subject.name} listed in the BOM`,
      observedAt,
      links: linksOf(data, []),
      attributes: {
        dataType: entries.find((e) => e.type)?.type ?? null,
        classification: entries.find((e) => e.classification)?.classification ?? null,
        sensitiveData: entries.some((e) => (e.sensitiveData ?? []).length > 0),
      },
    });
  }
  return out;
}

/** Flattens the component tree (nested `components`), skipping entries that are not objects. */
function collect(values: unknown[], out: Component[], depth: number): void {
  for (const value of values) {
    const r = componentSchema.safeParse(value);
    if (!r.success) continue;
    out.push(r.data);
    if (r.data.components && depth < 32) collect(r.data.components, out, depth + 1);
  }
}

const KINDS: Record<string, SubjectKind> = {
  "machine-learning-model": "model",
  data: "dataset",
  container: "container-image",
  application: "package",
  library: "package",
  framework: "package",
  file: "package",
};

function subjectOf(c: Component): NormalizedFinding["subject"] {
  const name = truncateText([c.group, c.name].filter(Boolean).join("/") || c["bom-ref"] || "unnamed component", 300);
  const digest = digestOf(c);
  return {
    kind: KINDS[c.type ?? ""] ?? "other",
    name,
    ...(c.version ? { version: truncateText(c.version, 100) } : {}),
    ...(digest ? { digest } : {}),
  };
}

function refOf(c: Component): string {
  if (c["bom-ref"]) return truncateText(c["bom-ref"], 300);
  const name = [c.group, c.name].filter(Boolean).join("/") || "unnamed";
  return truncateText(c.version ? `${name}@${c.version}` : name, 300);
}

function digestOf(c: Component): string | null {
  const hashes = (c.hashes ?? []).filter((h) => h.alg && h.content && /^[0-9a-fA-F]+$/.test(h.content));
  const h = hashes.find((x) => x.alg === "SHA-256") ?? hashes[0];
  if (!h?.alg || !h.content) return null;
  return `${h.alg.toLowerCase().replace(/^sha-/, "sha")}:${h.content.toLowerCase()}`;
}

function linksOf(c: Component, extra: string[]): string[] {
  return keepHttpLinks([...(c.externalReferences ?? []).map((r) => r.url), ...extra], 10);
}

/** BOM-Link (`urn:cdx:<uuid>/<version>`) for a `urn:uuid:` serial number, else `<serial>/<version>`. */
function bomLink(serial: string | null | undefined, version: number | null | undefined): string | null {
  if (!serial) return null;
  const v = version ?? 1;
  const uuid = /^urn:uuid:([0-9a-fA-F-]{36})$/.exec(serial)?.[1];
  return uuid ? `urn:cdx:${uuid.toLowerCase()}/${v}` : `${truncateText(serial, 300)}/${v}`;
}
