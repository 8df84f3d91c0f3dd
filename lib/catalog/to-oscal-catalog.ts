import type { CatalogNode, FrameworkFile } from "./catalog-schema.ts";
import { ASSAY_OSCAL_NS, OSCAL_VERSION, oscalId, stableUuid } from "./oscal-ids.ts";

interface OscalProp {
  name: string;
  value: string;
  ns?: string;
}
interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  title?: string;
  prose?: string;
  parts?: OscalPart[];
}
interface OscalControl {
  id: string;
  class?: string;
  title: string;
  props?: OscalProp[];
  links?: { href: string; rel: string }[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}
interface OscalGroup {
  id: string;
  class?: string;
  title: string;
  props?: OscalProp[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

const ours = (name: string, value: string): OscalProp => ({ name, value, ns: ASSAY_OSCAL_NS });

function propsOf(node: CatalogNode): OscalProp[] {
  const props: OscalProp[] = [{ name: "label", value: node.ref }, ours("stable-id", node.id)];
  for (const role of node.roles ?? []) props.push(ours("role", role));
  for (const scope of node.scope ?? []) props.push(ours("scope", scope));
  for (const condition of node.conditions ?? []) props.push(ours("condition", condition));
  if (node.appliesFrom) props.push(ours("applies-from", node.appliesFrom));
  if (node.appliesFromOriginal) props.push(ours("applies-from-original", node.appliesFromOriginal));
  if (node.stage) props.push(ours("maturity-stage", node.stage));
  for (const ref of node.references ?? []) props.push(ours("reference", `${ref.system}:${ref.id}`));
  return props;
}

function partsOf(node: CatalogNode): OscalPart[] {
  const id = oscalId(node.id);
  const parts: OscalPart[] = [{ id: `${id}_smt`, name: "statement", prose: node.summary }];
  if (node.evidence) {
    parts.push({
      id: `${id}_obj`,
      name: "assessment-objective",
      parts: node.evidence.map((e, i) => ({ id: `${id}_obj.${i + 1}`, name: "assessment-objective", prose: e })),
    });
  }
  if (node.omnibus)
    parts.push({
      id: `${id}_omnibus`,
      name: "guidance",
      title: `Digital Omnibus on AI (${node.omnibus.change})`,
      prose: node.omnibus.note,
    });
  if (node.maturity) {
    parts.push({
      id: `${id}_maturity`,
      name: "maturity",
      ns: ASSAY_OSCAL_NS,
      parts: Object.entries(node.maturity).map(([stage, prose]) => ({
        id: `${id}_maturity.${stage}`,
        name: "stage",
        ns: ASSAY_OSCAL_NS,
        title: stage,
        prose,
      })),
    });
  }
  if (node.source)
    parts.push({
      id: `${id}_src`,
      name: "source",
      ns: ASSAY_OSCAL_NS,
      prose: `${node.source.document}, ${node.source.section} (${node.source.version})`,
    });
  return parts;
}

/**
 * An OSCAL 1.1 catalog for a framework: group nodes become groups (chapters, sections, articles,
 * pillars, functions), requirements become controls (nested under a parent requirement), with a
 * statement part, assessment objectives from the evidence expectations, and props `label`, `role`
 * (one per role), `scope`, `applies-from`, `applies-from-original` (ours in ASSAY_OSCAL_NS).
 */
export function toOscalCatalog(fw: FrameworkFile, lastModified: string): { catalog: Record<string, unknown> } {
  const children = new Map<string | null, CatalogNode[]>();
  for (const node of fw.nodes) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  const sourceUuids = fw.framework.sources.map((s) => stableUuid(`${fw.framework.id}/source/${s.url}`));
  const links = sourceUuids.map((uuid) => ({ href: `#${uuid}`, rel: "reference" }));

  const control = (node: CatalogNode): OscalControl => {
    const nested = (children.get(node.id) ?? []).map(control);
    return {
      id: oscalId(node.id),
      class: node.kind,
      title: node.title,
      props: propsOf(node),
      links,
      parts: partsOf(node),
      ...(nested.length > 0 ? { controls: nested } : {}),
    };
  };
  const group = (node: CatalogNode): OscalGroup => {
    const kids = children.get(node.id) ?? [];
    const groups = kids.filter((k) => k.kind === "group").map(group);
    const controls = kids.filter((k) => k.kind === "requirement").map(control);
    return {
      id: oscalId(node.id),
      class: "group",
      title: node.title,
      props: propsOf(node),
      parts: partsOf(node),
      ...(groups.length > 0 ? { groups } : {}),
      ...(controls.length > 0 ? { controls } : {}),
    };
  };
  const roots = children.get(null) ?? [];
  const groups = roots.filter((n) => n.kind === "group").map(group);
  const controls = roots.filter((n) => n.kind === "requirement").map(control);
  return {
    catalog: {
      uuid: stableUuid(`${fw.framework.id}/${fw.framework.version}`),
      metadata: {
        title: fw.framework.title,
        "last-modified": lastModified,
        version: fw.framework.version,
        "oscal-version": OSCAL_VERSION,
        props: [ours("framework-id", fw.framework.id), ours("framework-kind", fw.framework.kind)],
        remarks: fw.framework.description,
      },
      ...(groups.length > 0 ? { groups } : {}),
      ...(controls.length > 0 ? { controls } : {}),
      "back-matter": {
        resources: fw.framework.sources.map((s, i) => ({
          uuid: sourceUuids[i],
          title: s.title,
          props: [ours("version", s.version), ours("licence", s.licence)],
          rlinks: [{ href: s.url }],
        })),
      },
    },
  };
}
