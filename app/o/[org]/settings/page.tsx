import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { canAccessRoute } from "@/lib/ui/can-access-route.ts";
import { PageHeader } from "@/app/_components/page-header.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await requireOrgPageAccess("PAGE /o/[org]/settings", { org });
  const base = `/o/${ctx.org.slug}/settings`;
  const showUsers = canAccessRoute("PAGE /o/[org]/settings/users", ctx);
  const showTokens = canAccessRoute("PAGE /o/[org]/settings/tokens", ctx);

  return (
    <>
      <PageHeader title="Settings" />
      <section className="panel" aria-labelledby="org-heading">
        <h2 id="org-heading">Organization</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{ctx.org.name}</dd>
          <dt>Slug</dt>
          <dd>
            <code>{ctx.org.slug}</code>
          </dd>
          <dt>Your role</dt>
          <dd>
            <span className="badge">{ctx.role}</span>
          </dd>
        </dl>
      </section>
      {showUsers || showTokens ? (
        <ul className="link-list">
          {showUsers ? (
            <li>
              <Link href={`${base}/users`}>Users</Link>
              <p>Add people to {ctx.org.name}, change their roles, remove them.</p>
            </li>
          ) : null}
          {showTokens ? (
            <li>
              <Link href={`${base}/tokens`}>API tokens</Link>
              <p>Scoped tokens for CI pipelines and scripts: read, evidence:write, admin.</p>
            </li>
          ) : null}
        </ul>
      ) : (
        <p>Users and API tokens are managed by the organization&apos;s admins.</p>
      )}
    </>
  );
}
