"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  ["dashboard", "Dashboard"],
  ["systems", "AI systems"],
  ["controls", "Controls"],
  ["evidence", "Evidence"],
  ["waivers", "Waivers"],
  ["integrations", "Integrations"],
  ["reports", "Reports"],
  ["settings", "Settings"],
] as const;

/** The organization's sections; the one holding the current page is marked aria-current="page". */
export function AppNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const base = `/o/${encodeURIComponent(orgSlug)}`;
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {SECTIONS.map(([segment, label]) => {
          const href = `${base}/${segment}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={segment}>
              <Link href={href} aria-current={current ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
