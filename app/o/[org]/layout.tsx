import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getPageUser } from "@/lib/auth/get-page-user.ts";
import { getDatabase } from "@/lib/db/get-database.ts";
import { listOrganizations } from "@/lib/orgs/list-organizations.ts";
import { AppNav } from "@/app/_components/app-nav.tsx";
import { OrgSwitcher } from "@/app/_components/org-switcher.tsx";
import { SignOutButton } from "@/app/_components/sign-out-button.tsx";

export const dynamic = "force-dynamic";

/**
 * The organization shell: navigation, organization switcher, the signed-in person and sign-out. This
 * layout only loads what it displays; every page under it checks its own access with
 * `requirePageAccess` and its own key from the permission table.
 */
export default async function OrgLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ org: string }>;
}) {
  const { org } = await params;
  const user = await getPageUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/o/${org}`)}`);
  const { prisma } = await getDatabase();
  const orgs = await listOrganizations(prisma, user.userId);
  const current = orgs.find((o) => o.slug === org);
  // Not a member (or no such organization): the same 404 the pages give, without the shell.
  if (!current) notFound();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <aside className="sidebar">
        <Link className="brand" href={`/o/${current.slug}/dashboard`}>
          Assay
        </Link>
        <OrgSwitcher current={current.slug} orgs={orgs.map((o) => ({ slug: o.slug, name: o.name, role: o.role }))} />
        <AppNav orgSlug={current.slug} />
      </aside>
      <div className="main-column">
        <header className="topbar">
          <span className="user-email">
            <span className="visually-hidden">Signed in as </span>
            {user.email}
          </span>
          <SignOutButton />
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
