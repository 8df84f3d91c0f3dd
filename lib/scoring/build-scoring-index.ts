import type { EvidenceItem, ScoringInput, ScoringNode, ScoringRule } from "./scoring-types.ts";

export interface ScoringIndex {
  nodes: Map<string, ScoringNode>;
  /** Assessable requirements in catalog order. */
  requirements: ScoringNode[];
  /** requirementId -> its group ancestors, nearest first. */
  ancestors: Map<string, string[]>;
  rulesByRequirement: Map<string, ScoringRule[]>;
  itemsByRequirement: Map<string, EvidenceItem[]>;
  /** Zero Trust functions: group id -> its staged controls. */
  functions: Map<string, ScoringNode[]>;
}

/** Pure: lookup tables over the scoring input, built once per run. */
export function buildScoringIndex(input: ScoringInput): ScoringIndex {
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  const requirements = input.nodes.filter((n) => n.kind === "requirement");
  const ancestors = new Map<string, string[]>();
  const functions = new Map<string, ScoringNode[]>();
  for (const req of requirements) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let p = req.parentId; p !== null && !seen.has(p); p = nodes.get(p)?.parentId ?? null) {
      seen.add(p);
      if (nodes.has(p)) chain.push(p);
    }
    ancestors.set(req.id, chain);
    if (req.stage !== undefined && req.parentId !== null) {
      const list = functions.get(req.parentId) ?? [];
      list.push(req);
      functions.set(req.parentId, list);
    }
  }
  const rulesByRequirement = new Map<string, ScoringRule[]>();
  for (const rule of input.rules) {
    for (const id of new Set(rule.requirementIds)) {
      const list = rulesByRequirement.get(id) ?? [];
      list.push(rule);
      rulesByRequirement.set(id, list);
    }
  }
  const itemsByRequirement = new Map<string, EvidenceItem[]>();
  for (const item of input.items) {
    const list = itemsByRequirement.get(item.requirementId) ?? [];
    list.push(item);
    itemsByRequirement.set(item.requirementId, list);
  }
  return { nodes, requirements, ancestors, rulesByRequirement, itemsByRequirement, functions };
}
