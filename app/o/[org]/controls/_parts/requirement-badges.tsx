import type { CatalogNode } from "@/lib/catalog/catalog-schema.ts";
import { labelOf, OPERATOR_ROLE_LABEL, SCOPE_LABEL } from "@/lib/ui/classification-labels.ts";

/**
 * A requirement's facts at a glance: the roles it binds, its scope, its dates (as amended by the
 * Digital Omnibus on AI, and the original Art. 113 date) and, for Zero Trust controls, the maturity stage.
 */
export function RequirementBadges({ node }: { node: CatalogNode }) {
  const removed = node.omnibus?.change === "removed";
  return (
    <span className="badges">
      {(node.roles ?? []).map((r) => (
        <span key={`role-${r}`} className="badge">
          {labelOf(OPERATOR_ROLE_LABEL, r)}
        </span>
      ))}
      {(node.scope ?? []).map((s) => (
        <span key={`scope-${s}`} className="badge badge-info">
          {labelOf(SCOPE_LABEL, s)}
        </span>
      ))}
      {node.appliesFrom ? <span className="badge badge-warning">Applies from {node.appliesFrom} (amended)</span> : null}
      {removed ? <span className="badge badge-danger">Removed by the Digital Omnibus</span> : null}
      {node.appliesFromOriginal ? <span className="badge">Original date {node.appliesFromOriginal}</span> : null}
      {node.stage ? <span className="badge badge-success">Zero Trust stage: {node.stage}</span> : null}
    </span>
  );
}
