import { AppError } from "../../../errors/app-error.ts";
import { isRecord } from "../shared/is-record.ts";
import { readString } from "../shared/read-string.ts";
import { readStrings } from "../shared/read-strings.ts";
import { toIsoTime, type ToIsoTimeOptions } from "../shared/to-iso-time.ts";

/** One typed node of an SPDX 3 JSON-LD graph, with its properties as sent (compact names, e.g. `ai_limitation`). */
export interface Spdx3Element {
  id: string | null;
  /** The compact class name: `ai_AIPackage`, `dataset_DatasetPackage`, `software_Package`, `Relationship`... */
  type: string;
  props: Record<string, unknown>;
}

export interface Spdx3Relationship {
  type: string;
  from: string;
  to: string[];
}

/** What Assay reads from an SPDX 3 document graph. */
export interface Spdx3Graph {
  specVersion: string;
  /** `created` of the document's CreationInfo (ISO 8601), if valid. */
  created: string | null;
  /** `spdxId` of the SpdxDocument element. */
  documentId: string | null;
  documentName: string | null;
  profiles: string[];
  sbomTypes: string[];
  /** The package the document (through its Sbom) describes, if it names one. */
  root: Spdx3Element | null;
  elements: Spdx3Element[];
  byId: Map<string, Spdx3Element>;
  relationships: Spdx3Relationship[];
}

/** `CreationInfo.created`: ISO 8601, read by `Date.parse` as sent. */
const CREATED: ToIsoTimeOptions = { text: "any", trim: false };
const PACKAGE_TYPES = new Set(["software_Package", "ai_AIPackage", "dataset_DatasetPackage"]);

/**
 * Reads an SPDX 3.0.x JSON-LD document (`@context` + `@graph`, or a single top-level element) in the
 * compact form the SPDX 3.0.1 JSON schema and context define: classes as `type` (or `@type`), ids as
 * `spdxId` (or `@id`), profile properties prefixed (`ai_`, `dataset_`, `software_`). The spec version
 * comes from a `CreationInfo` (`specVersion` 3.x) or, failing that, the SPDX 3 `@context` URL; neither
 * is `validation_failed`.
 */
export function readSpdx3Graph(doc: Record<string, unknown>, what: string): Spdx3Graph {
  const rawGraph = doc["@graph"];
  const nodes = Array.isArray(rawGraph) ? rawGraph : rawGraph === undefined ? [doc] : null;
  if (nodes === null) throw new AppError("validation_failed", `The ${what} has an @graph that is not an array.`);
  const elements: Spdx3Element[] = [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    const props = node;
    const type = readString(props.type) ?? readString(props["@type"]);
    if (type) elements.push({ id: readString(props.spdxId) ?? readString(props["@id"]), type, props });
  }
  const byId = new Map<string, Spdx3Element>();
  for (const el of elements) if (el.id !== null && !byId.has(el.id)) byId.set(el.id, el);

  const document = elements.find((e) => e.type === "SpdxDocument") ?? null;
  const creation = creationInfoOf(document, elements, byId);
  const context = doc["@context"];
  const contextNames3 = typeof context === "string" && /spdx\.org\/rdf\/3\./.test(context);
  const specVersion = readString(creation?.specVersion) ?? (contextNames3 ? "3" : null);
  if (specVersion === null || !specVersion.startsWith("3")) {
    throw new AppError(
      "validation_failed",
      `The ${what} is not SPDX 3 JSON-LD: no CreationInfo with specVersion 3.x and no SPDX 3 @context.`,
    );
  }
  const sbom = elements.find((e) => e.type === "software_Sbom") ?? null;
  return {
    specVersion,
    created: toIsoTime(creation?.created, CREATED),
    documentId: document?.id ?? null,
    documentName: readString(document?.props.name),
    profiles: readStrings(document?.props.profileConformance ?? sbom?.props.profileConformance),
    sbomTypes: readStrings(sbom?.props.software_sbomType),
    root: findRoot(document, byId),
    elements,
    byId,
    relationships: elements.flatMap((e) => {
      if (!e.type.endsWith("Relationship")) return [];
      const type = readString(e.props.relationshipType);
      const from = readString(e.props.from);
      if (!type || !from) return [];
      return [{ type: lastSegment(type), from, to: readStrings(e.props.to) }];
    }),
  };
}

/** The CreationInfo of the document (inline, or referenced by blank-node id), else the first in the graph. */
function creationInfoOf(
  document: Spdx3Element | null,
  elements: Spdx3Element[],
  byId: Map<string, Spdx3Element>,
): Record<string, unknown> | null {
  const ref = document?.props.creationInfo;
  if (isRecord(ref)) return ref;
  const referenced = typeof ref === "string" ? byId.get(ref) : undefined;
  if (referenced?.type === "CreationInfo") return referenced.props;
  return elements.find((e) => e.type === "CreationInfo")?.props ?? null;
}

/** Follows `rootElement` from the document (through an Sbom/Bom) to the first package it describes. */
function findRoot(document: Spdx3Element | null, byId: Map<string, Spdx3Element>): Spdx3Element | null {
  let frontier = readStrings(document?.props.rootElement);
  for (let hop = 0; hop < 3 && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      const el = byId.get(id);
      if (!el) continue;
      if (PACKAGE_TYPES.has(el.type)) return el;
      next.push(...readStrings(el.props.rootElement));
    }
    frontier = next;
  }
  return null;
}

/** Enum values may be sent as full IRIs (`.../RelationshipType/trainedOn`); keep the last segment. */
function lastSegment(v: string): string {
  return v.slice(v.lastIndexOf("/") + 1);
}
