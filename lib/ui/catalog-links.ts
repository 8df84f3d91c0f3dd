/** The page of one framework in the controls section. */
export function frameworkHref(orgSlug: string, frameworkId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/controls/${encodeURIComponent(frameworkId)}`;
}

/** The page of one catalog node (ids contain ':', so they are always encoded). */
export function requirementHref(orgSlug: string, nodeId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/controls/requirements/${encodeURIComponent(nodeId)}`;
}

/** The framework a node id belongs to: the part before the first ':' (`eu-ai-act:art-4` -> `eu-ai-act`). */
export function frameworkOfNode(nodeId: string): string {
  const at = nodeId.indexOf(":");
  return at < 0 ? "" : nodeId.slice(0, at);
}
