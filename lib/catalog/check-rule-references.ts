import type { Catalog, CatalogProblem } from "./catalog-types.ts";

/** Suffix of the Annex I twin of a provision whose dates differ for Annex I systems (see controls/README.md). */
const ANNEX_I_TWIN = ".annex-i";

/**
 * The checks on evidence rules that span files: rule ids unique across all rule files; every
 * requirement id an assessable node of a framework (not a group, not an external id); a provision and
 * its Annex I twin listed together (evidence for one is evidence for the other); `minSeverity` only
 * where failing findings can match. Sources and checks are checked by the schema (rule-schema.ts).
 */
export function checkRuleReferences(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const nodeKind = new Map<string, string>();
  for (const fw of catalog.frameworks) for (const node of fw.nodes) nodeKind.set(node.id, node.kind);
  const ruleFile = new Map<string, string>();
  for (const file of catalog.rules) {
    for (const rule of file.rules) {
      const at = { file: file.file, node: rule.id };
      const earlier = ruleFile.get(rule.id);
      if (earlier !== undefined) {
        problems.push({
          ...at,
          message: earlier === file.file ? "duplicate rule id" : `duplicate rule id (also in ${earlier})`,
        });
      } else {
        ruleFile.set(rule.id, file.file);
      }
      const listed = new Set(rule.requirements);
      for (const id of rule.requirements) {
        const kind = nodeKind.get(id);
        if (kind === undefined) {
          problems.push({ ...at, message: `requirement ${id} does not exist in any framework` });
          continue;
        }
        if (kind !== "requirement") {
          problems.push({ ...at, message: `${id} is a ${kind}, not an assessable requirement` });
          continue;
        }
        const twin = id.endsWith(ANNEX_I_TWIN) ? id.slice(0, -ANNEX_I_TWIN.length) : `${id}${ANNEX_I_TWIN}`;
        if (nodeKind.get(twin) === "requirement" && !listed.has(twin)) {
          problems.push({ ...at, message: `lists ${id} but not its twin ${twin} (list both)` });
        }
      }
      const outcomes = rule.match.outcomes;
      if (rule.match.minSeverity && outcomes && !outcomes.includes("fail")) {
        problems.push({ ...at, message: "minSeverity only filters failing findings, but outcomes leaves out fail" });
      }
    }
  }
  return problems;
}
