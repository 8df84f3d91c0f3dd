import type { Catalog, CatalogProblem } from "./catalog-types.ts";
import { checkRuleReferences } from "./check-rule-references.ts";

/**
 * The checks that span nodes and files: duplicate framework, node and mapping ids; node ids outside
 * their framework's namespace; dangling or cross-framework parents and parent cycles; assessable nodes
 * of a regulation without roles, scope, dates, evidence or source; mapping edges whose ends do not exist;
 * and the evidence rules' references (check-rule-references.ts).
 */
export function checkCatalogReferences(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const nodeFramework = new Map<string, string>();
  const frameworkIds = new Set<string>();
  for (const fw of catalog.frameworks) {
    const fwId = fw.framework.id;
    if (frameworkIds.has(fwId))
      problems.push({ file: fw.file, message: `framework id ${fwId} is used by another file` });
    frameworkIds.add(fwId);
    const parents = new Map<string, string | null>();
    for (const node of fw.nodes) {
      if (!node.id.startsWith(`${fwId}:`))
        problems.push({ file: fw.file, node: node.id, message: `id must start with "${fwId}:"` });
      if (nodeFramework.has(node.id)) problems.push({ file: fw.file, node: node.id, message: "duplicate id" });
      nodeFramework.set(node.id, fwId);
      parents.set(node.id, node.parent);
    }
    for (const node of fw.nodes) {
      if (node.parent !== null && !parents.has(node.parent)) {
        problems.push({ file: fw.file, node: node.id, message: `parent ${node.parent} does not exist in ${fwId}` });
      }
      const seen = new Set<string>([node.id]);
      for (let p = node.parent; p !== null && p !== undefined; p = parents.get(p) ?? null) {
        if (seen.has(p)) {
          problems.push({ file: fw.file, node: node.id, message: "parent chain has a cycle" });
          break;
        }
        seen.add(p);
      }
      if (node.kind !== "requirement") continue;
      const missing: string[] = [];
      if (!node.evidence) missing.push("evidence");
      if (!node.source) missing.push("source");
      if (fw.framework.kind === "regulation") {
        if (!node.roles) missing.push("roles");
        if (!node.scope) missing.push("scope");
        if (!node.appliesFromOriginal) missing.push("appliesFromOriginal");
        if (!node.appliesFrom && node.omnibus?.change !== "removed") missing.push("appliesFrom");
      }
      if (missing.length > 0) {
        problems.push({ file: fw.file, node: node.id, message: `assessable requirement lacks ${missing.join(", ")}` });
      }
      if (
        node.appliesFrom &&
        node.appliesFromOriginal &&
        node.appliesFrom < node.appliesFromOriginal &&
        !node.omnibus
      ) {
        problems.push({
          file: fw.file,
          node: node.id,
          message: "appliesFrom is earlier than appliesFromOriginal without an omnibus note",
        });
      }
    }
  }
  const externalIds = new Map(catalog.externals.map((e) => [e.system, new Set(e.entries.map((x) => x.id))]));
  const mappingIds = new Set<string>();
  for (const m of catalog.mappings) {
    if (mappingIds.has(m.mapping.id))
      problems.push({ file: m.file, message: `mapping id ${m.mapping.id} is used by another file` });
    mappingIds.add(m.mapping.id);
    const sourceKnown = frameworkIds.has(m.mapping.source);
    const targetIsFramework = frameworkIds.has(m.mapping.target);
    const targetExternal = externalIds.get(m.mapping.target as never);
    if (!sourceKnown) problems.push({ file: m.file, message: `source framework ${m.mapping.source} does not exist` });
    if (!targetIsFramework && !targetExternal)
      problems.push({
        file: m.file,
        message: `target ${m.mapping.target} is neither a framework nor an external id list`,
      });
    const edges = new Set<string>();
    for (const edge of m.edges) {
      const label = `${edge.from} -> ${edge.to}`;
      if (edges.has(label)) problems.push({ file: m.file, node: label, message: "duplicate edge" });
      edges.add(label);
      if (sourceKnown && nodeFramework.get(edge.from) !== m.mapping.source) {
        problems.push({ file: m.file, node: label, message: `${edge.from} is not a node of ${m.mapping.source}` });
      }
      if (targetIsFramework && nodeFramework.get(edge.to) !== m.mapping.target) {
        problems.push({ file: m.file, node: label, message: `${edge.to} is not a node of ${m.mapping.target}` });
      }
      if (targetExternal) {
        const [system, id = ""] = [edge.to.slice(0, edge.to.indexOf(":")), edge.to.slice(edge.to.indexOf(":") + 1)];
        if (system !== m.mapping.target || !targetExternal.has(id)) {
          problems.push({ file: m.file, node: label, message: `${edge.to} is not an id of ${m.mapping.target}` });
        }
      }
    }
    for (const u of m.unmapped ?? []) {
      if (nodeFramework.get(u.node) !== m.mapping.source)
        problems.push({ file: m.file, node: u.node, message: `unmapped node is not a node of ${m.mapping.source}` });
      if ([...edges].some((e) => e.startsWith(`${u.node} -> `)))
        problems.push({ file: m.file, node: u.node, message: "listed as unmapped but has edges" });
    }
  }
  problems.push(...checkRuleReferences(catalog));
  return problems;
}
