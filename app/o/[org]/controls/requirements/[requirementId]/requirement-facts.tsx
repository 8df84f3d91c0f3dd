import type { CatalogNode } from "@/lib/catalog/catalog-schema.ts";
import { CONDITION_LABEL, labelOf, OPERATOR_ROLE_LABEL, SCOPE_LABEL } from "@/lib/ui/classification-labels.ts";

const OMNIBUS_CHANGE: Record<string, string> = {
  date: "Only the application date changed.",
  amended: "The obligation itself was amended.",
  removed: "The obligation was removed; it applies only under the original text.",
};

/** Who a requirement binds, what it covers, when it applies and where it comes from, as a definition list. */
export function RequirementFacts({ node }: { node: CatalogNode }) {
  const removed = node.omnibus?.change === "removed";
  const hasDates = Boolean(node.appliesFrom || node.appliesFromOriginal || node.omnibus);
  return (
    <dl className="details">
      <dt>Kind</dt>
      <dd>{node.kind === "group" ? "Group of requirements" : "Assessable requirement"}</dd>
      {node.roles ? (
        <>
          <dt>Binds</dt>
          <dd>{node.roles.map((r) => labelOf(OPERATOR_ROLE_LABEL, r)).join(", ")}</dd>
        </>
      ) : null}
      {node.scope ? (
        <>
          <dt>Scope</dt>
          <dd>{node.scope.map((s) => labelOf(SCOPE_LABEL, s)).join(", ")}</dd>
        </>
      ) : null}
      {node.conditions ? (
        <>
          <dt>Only when</dt>
          <dd>
            <ul className="plain-list">
              {node.conditions.map((c) => (
                <li key={c}>{labelOf(CONDITION_LABEL, c)}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {hasDates ? (
        <>
          <dt>Applies from (as amended by the Digital Omnibus on AI)</dt>
          <dd>{node.appliesFrom ?? (removed ? "Removed by the Digital Omnibus on AI" : "—")}</dd>
          <dt>Original date (Art. 113)</dt>
          <dd>{node.appliesFromOriginal ?? "—"}</dd>
        </>
      ) : null}
      {node.omnibus ? (
        <>
          <dt>Digital Omnibus on AI</dt>
          <dd>
            {OMNIBUS_CHANGE[node.omnibus.change] ?? node.omnibus.change} {node.omnibus.note}
          </dd>
        </>
      ) : null}
      {node.stage ? (
        <>
          <dt>Zero Trust maturity stage</dt>
          <dd>{node.stage}</dd>
        </>
      ) : null}
      {node.source ? (
        <>
          <dt>Source</dt>
          <dd>
            {node.source.document}, {node.source.section} ({node.source.version})
          </dd>
        </>
      ) : null}
    </dl>
  );
}
