import Link from "next/link";
import type { CrosswalkEdge } from "@/lib/catalog/get-requirement-detail.ts";
import { frameworkOfNode, requirementHref } from "@/lib/ui/catalog-links.ts";

/**
 * The crosswalk edges touching a node, in both directions. The node at the other end is a link when it
 * belongs to a synced framework; external ids (ISO/IEC 42001, NIST AI RMF) are shown as text.
 */
export function CrosswalkTable({
  orgSlug,
  edges,
  frameworkIds,
}: {
  orgSlug: string;
  edges: readonly CrosswalkEdge[];
  frameworkIds: ReadonlySet<string>;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Crosswalk edges</caption>
        <thead>
          <tr>
            <th scope="col">Mapping</th>
            <th scope="col">Direction</th>
            <th scope="col">Relationship</th>
            <th scope="col">Other node</th>
            <th scope="col">Its title</th>
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={`${e.mappingId} ${e.direction} ${e.otherId}`}>
              <td>
                <code>{e.mappingId}</code>
              </td>
              <td>{e.direction === "outgoing" ? "This node → other" : "Other → this node"}</td>
              <td>
                <span className="badge">{e.relationship}</span>
              </td>
              <td>
                {frameworkIds.has(frameworkOfNode(e.otherId)) ? (
                  <Link href={requirementHref(orgSlug, e.otherId)}>
                    <code>{e.otherId}</code>
                  </Link>
                ) : (
                  <code>{e.otherId}</code>
                )}
              </td>
              <td>{e.otherTitle ?? "—"}</td>
              <td>{e.rationale}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
