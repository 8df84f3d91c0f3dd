"use client";

import { useRouter } from "next/navigation";
import { useHydrated } from "./use-hydrated.ts";

export interface SwitcherOrg {
  slug: string;
  name: string;
  role: string | undefined;
}

/**
 * The organizations the signed-in person belongs to, with their role in each. Choosing one opens that
 * organization's dashboard.
 */
export function OrgSwitcher({ orgs, current }: { orgs: SwitcherOrg[]; current: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  return (
    <div>
      <label htmlFor="org-switcher">Organization</label>
      <select
        id="org-switcher"
        value={current}
        disabled={!hydrated}
        onChange={(e) => {
          const slug = e.currentTarget.value;
          if (slug && slug !== current) router.push(`/o/${encodeURIComponent(slug)}/dashboard`);
        }}
      >
        {orgs.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
            {org.role ? ` (${org.role})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
