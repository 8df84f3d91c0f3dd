import { z } from "zod";
import {
  CONDITIONS,
  MATURITY_STAGES,
  OPERATOR_ROLES,
  REFERENCE_SYSTEMS,
  RELATIONSHIPS,
  SCOPES,
} from "./catalog-vocabulary.ts";

/** U+FFFD (a decoder's replacement character) or a C0 control other than tab and newline. */
function hasBrokenEncoding(s: string): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) return true;
  }
  return false;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasBrokenEncoding(s), "contains a replacement or control character (broken encoding)");

const isoDate = z.iso.date({ message: "must be a date YYYY-MM-DD" });
const nodeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9.-]*$/, "must look like framework:local-id (lower case, digits, . and -)");

export const sourceRefSchema = z.strictObject({
  /** The document, e.g. "Regulation (EU) 2024/1689" or "CISA Zero Trust Maturity Model". */
  document: text(200),
  /** Where in it, e.g. "Article 26(6)" or "Section 5.1, Table 3". */
  section: text(200),
  /** The version cited, e.g. "OJ L 2024/1689, 12.7.2024" or "v2.0 (April 2023)". */
  version: text(120),
});

export const externalRefSchema = z.strictObject({ system: z.enum(REFERENCE_SYSTEMS), id: text(60) });

/** One node of a framework: a group (chapter, article, pillar, function) or an assessable requirement. */
export const catalogNodeSchema = z.strictObject({
  id: nodeId,
  parent: nodeId.nullable(),
  kind: z.enum(["group", "requirement"]),
  /** How people cite it: "Art. 26(6)", "Identity / Authentication". */
  ref: text(80),
  title: text(160),
  /** Our own words: what it asks of whom. Never a copied passage. */
  summary: text(1500),
  roles: z.array(z.enum(OPERATOR_ROLES)).min(1).optional(),
  scope: z.array(z.enum(SCOPES)).min(1).optional(),
  conditions: z.array(z.enum(CONDITIONS)).min(1).optional(),
  /** Application date under the Regulation as adopted (Art. 113). */
  appliesFromOriginal: isoDate.optional(),
  /** Application date as amended by the Digital Omnibus on AI. */
  appliesFrom: isoDate.optional(),
  /**
   * What the Digital Omnibus on AI changed for this node: only its date, its content, or it removed the
   * obligation (then `appliesFrom` is omitted and the requirement applies only under the original text).
   */
  omnibus: z.strictObject({ change: z.enum(["date", "amended", "removed"]), note: text(600) }).optional(),
  /** What evidence would show the requirement is met. */
  evidence: z.array(text(300)).min(1).optional(),
  source: sourceRefSchema.optional(),
  /** For Zero Trust functions: what each maturity stage looks like, in our words. */
  maturity: z
    .strictObject({ traditional: text(800), initial: text(800), advanced: text(800), optimal: text(800) })
    .optional(),
  /** For Zero Trust controls: the maturity stage meeting this control contributes to. */
  stage: z.enum(MATURITY_STAGES).optional(),
  references: z.array(externalRefSchema).min(1).optional(),
});
export type CatalogNode = z.output<typeof catalogNodeSchema>;

const annexIIIAreaSchema = z.strictObject({
  point: z.string().regex(/^[1-8]$/, "must be the Annex III point number 1-8"),
  title: text(120),
  useCases: z.array(z.strictObject({ letter: z.string().regex(/^[a-z]$/), summary: text(600) })).min(1),
});

const parameterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  value: z.number(),
  unit: z.enum(["days", "months", "years", "hours", "flop", "eur", "percent", "count"]),
  ref: text(80),
  description: text(400),
});

/** Reference data a framework may carry (the EU AI Act does: Annex III, Annex IV, numeric parameters). */
export const referenceDataSchema = z.strictObject({
  annexIII: z.array(annexIIIAreaSchema).optional(),
  annexIV: z.array(z.strictObject({ point: z.string().regex(/^[1-9]$/), title: text(300) })).optional(),
  parameters: z.array(parameterSchema).optional(),
});

export const frameworkFileSchema = z.strictObject({
  framework: z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text(160),
    /** The version of the framework as we model it. */
    version: text(200),
    /** `regulation`: assessable nodes must carry roles, scope and both dates. */
    kind: z.enum(["regulation", "standard"]),
    description: text(2000),
    sources: z.array(z.strictObject({ title: text(200), version: text(120), url: z.url(), licence: text(300) })).min(1),
  }),
  nodes: z.array(catalogNodeSchema).min(1),
  reference: referenceDataSchema.optional(),
});
export type FrameworkFile = z.output<typeof frameworkFileSchema>;

/** A list of ids of an external framework we only reference (ISO/IEC 42001 Annex A, NIST AI RMF). */
export const externalIdListSchema = z.strictObject({
  system: z.enum(REFERENCE_SYSTEMS),
  title: text(200),
  version: text(120),
  /** Why only ids and our own short titles are here (copyright of the standard's text). */
  licence: text(400),
  entries: z.array(z.strictObject({ id: text(40), title: text(120), group: text(120).optional() })).min(1),
});
export type ExternalIdList = z.output<typeof externalIdListSchema>;

/** A crosswalk between two frameworks (or to an external id system), one edge per line. */
export const mappingFileSchema = z.strictObject({
  mapping: z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text(160),
    source: z.string().regex(/^[a-z0-9-]+$/, "must be a framework id"),
    /** A framework id, or an external list's system id (which may carry a version: `nist-ai-rmf-1.0`). */
    target: z.string().regex(/^[a-z0-9.-]+$/, "must be a framework id or an external list's system id"),
    description: text(1000),
  }),
  edges: z
    .array(
      z.strictObject({
        from: nodeId,
        /** A node id of the target framework, or an external id (`iso-iec-42001-2023:A.6.2.4`). */
        to: z.string().regex(/^[a-z0-9.-]+:[A-Za-z0-9.()-]+$/),
        relationship: z.enum(RELATIONSHIPS),
        rationale: text(300),
        /** Our own short title for an external target (ISO text is copyrighted: never its wording). */
        targetTitle: text(120).optional(),
      }),
    )
    .min(1),
  /** Source nodes with no counterpart in the target, said explicitly (e.g. CE marking has no Zero Trust twin). */
  unmapped: z.array(z.strictObject({ node: nodeId, rationale: text(300) })).optional(),
});
export type MappingFile = z.output<typeof mappingFileSchema>;
