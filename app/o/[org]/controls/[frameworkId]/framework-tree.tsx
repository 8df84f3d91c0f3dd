import Link from "next/link";
import type { FrameworkNodes } from "@/lib/catalog/get-framework-nodes.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { RequirementBadges } from "../_parts/requirement-badges.tsx";

type TreeNode = FrameworkNodes["nodes"][number];

/** Children by parent id, siblings in catalog order; nodes whose parent was filtered out become roots. */
function childrenByParent(nodes: readonly TreeNode[]): Map<string | null, TreeNode[]> {
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string | null, TreeNode[]>();
  for (const node of nodes) {
    const parent = node.parent && ids.has(node.parent) ? node.parent : null;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(node);
    else byParent.set(parent, [node]);
  }
  return byParent;
}

function Branch({
  orgSlug,
  parent,
  byParent,
}: {
  orgSlug: string;
  parent: string | null;
  byParent: Map<string | null, TreeNode[]>;
}) {
  const nodes = byParent.get(parent);
  if (!nodes) return null;
  return (
    <ul className={parent === null ? "tree" : undefined}>
      {nodes.map((node) => {
        const label = (
          <>
            <span className="tree-ref">{node.ref}</span> {node.title}
          </>
        );
        return (
          <li key={node.id} className={node.kind === "group" ? "tree-group" : "tree-requirement"}>
            <div className={node.match ? "tree-node tree-match" : "tree-node"}>
              <Link href={requirementHref(orgSlug, node.id)}>{node.match ? <mark>{label}</mark> : label}</Link>
              {node.kind === "requirement" ? <RequirementBadges node={node} /> : null}
            </div>
            <Branch orgSlug={orgSlug} parent={node.id} byParent={byParent} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A framework as an indented tree of nested lists, server-rendered (several hundred nodes need no
 * client code). Search matches are marked; their ancestors are kept for context.
 */
export function FrameworkTree({ orgSlug, nodes }: { orgSlug: string; nodes: readonly TreeNode[] }) {
  return <Branch orgSlug={orgSlug} parent={null} byParent={childrenByParent(nodes)} />;
}
