import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/require-org-page-access.ts";
import { listApiTokens } from "@/lib/tokens/list-api-tokens.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { tokenStatus } from "@/lib/ui/token-status.ts";
import { EmptyState } from "@/app/_components/empty-state.tsx";
import { PageHeader } from "@/app/_components/page-header.tsx";
import { CreateTokenForm } from "./create-token-form.tsx";
import { RevokeTokenButton } from "./revoke-token-button.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

const STATUS_BADGE = { active: "badge-success", revoked: "badge-danger", expired: "badge-warning" } as const;

export default async function TokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { prisma, ctx, user } = await requireOrgPageAccess("PAGE /o/[org]/settings/tokens", { org });
  const isAdmin = ctx.role === "admin";
  const tokens = (await listApiTokens(prisma, ctx)).map((t) => ({ ...t, status: tokenStatus(t) }));

  return (
    <>
      <PageHeader title="API tokens">
        Tokens let CI pipelines and scripts call Assay for {ctx.org.name}. Each token has scopes: read, evidence:write
        (upload evidence) and admin. Only its prefix is kept in readable form.
      </PageHeader>
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">
          <p>Create one below, for example with the evidence:write scope for a CI pipeline.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>API tokens of {ctx.org.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created by</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{t.createdBy ?? "—"}</td>
                  <td>{formatDateTime(t.lastUsedAt, "never")}</td>
                  <td>{formatDateTime(t.expiresAt, "never")}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[t.status]}`}>{t.status}</span>
                  </td>
                  <td>
                    {t.status !== "revoked" && (isAdmin || t.createdById === user.userId) ? (
                      <RevokeTokenButton orgSlug={ctx.org.slug} tokenId={t.id} tokenName={t.name} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateTokenForm orgSlug={ctx.org.slug} canIssueAdmin={isAdmin} />
    </>
  );
}
