import type { ReadinessStatus } from "../scoring/scoring-types.ts";

/** The drill-down list's filters as its URL holds them. */
export interface ReadinessListLink {
  status?: readonly ReadinessStatus[] | undefined;
  system?: string | undefined;
  group?: string | undefined;
  framework?: string | undefined;
  asOf?: string | undefined;
}

/** The readiness drill-down list for these filters (statuses as a comma list), so a view can be shared. */
export function readinessListHref(orgSlug: string, link: ReadinessListLink): string {
  const params = new URLSearchParams();
  if (link.status?.length) params.set("status", link.status.join(","));
  for (const key of ["system", "group", "framework", "asOf"] as const) {
    const value = link[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `/o/${encodeURIComponent(orgSlug)}/readiness${search ? `?${search}` : ""}`;
}
