import Link from "next/link";
import type { IntegrationSummary } from "@/lib/integrations/to-integration-summary.ts";
import { formatBytes } from "@/lib/ui/format-bytes.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { sourceLabel } from "@/lib/ui/source-labels.ts";
import { CopyButton } from "@/app/_components/copy-button.tsx";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";
import { DeliveriesTable } from "./deliveries-table.tsx";
import { IntegrationActions } from "./integration-actions.tsx";

function secretStatus(s: IntegrationSummary["secrets"][number]): string {
  if (!s.active) return "expired";
  return s.expiresAt ? "expiring" : "active";
}

/** One integration: how it authenticates, where it sends, its secrets, its last deliveries, and its actions. */
export function IntegrationPanel({
  orgSlug,
  integration: i,
  canManage,
}: {
  orgSlug: string;
  integration: IntegrationSummary;
  canManage: boolean;
}) {
  const headingId = `integration-${i.id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <header className="page-header-actions">
        <h2 id={headingId}>{i.name}</h2>
        <OutcomeBadge outcome={i.disabled ? "disabled" : "active"} />
      </header>
      <dl className="details">
        <dt>Source</dt>
        <dd>{sourceLabel(i.source)}</dd>
        <dt>Authenticates with</dt>
        <dd>
          <code>{i.schemeHeader}</code> <span className="muted">({i.scheme})</span>
        </dd>
        <dt>Ingest URL</dt>
        <dd>
          <span className="inline-controls">
            <code>{i.url}</code>
            <CopyButton value={i.url} label={`ingest URL of ${i.name}`} />
          </span>
        </dd>
        <dt>AI system</dt>
        <dd>
          {i.system ? (
            <Link href={`/o/${encodeURIComponent(orgSlug)}/systems/${i.system.id}`}>{i.system.name}</Link>
          ) : (
            "—"
          )}
        </dd>
        {i.allowedIdentities.length > 0 ? (
          <>
            <dt>Allowed repositories</dt>
            <dd>{i.allowedIdentities.join(", ")}</dd>
          </>
        ) : null}
        <dt>Largest body</dt>
        <dd>{formatBytes(i.maxBodyBytes)}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(i.createdAt)}</dd>
        {i.disabledAt ? (
          <>
            <dt>Disabled</dt>
            <dd>{formatDateTime(i.disabledAt)}</dd>
          </>
        ) : null}
      </dl>

      {i.secrets.length > 0 && i.scheme !== "ci-oidc" ? (
        <>
          <h3>Secrets</h3>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Secrets of {i.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Prefix</th>
                  <th scope="col">Created</th>
                  <th scope="col">Valid until</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {i.secrets.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <code>{s.prefix}…</code>
                    </td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.expiresAt, "no expiry")}</td>
                    <td>
                      <OutcomeBadge outcome={secretStatus(s)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h3>Recent deliveries</h3>
      <p className="muted">
        Accepted deliveries are stored as evidence. Rejected ones are never stored: the last few are kept in this
        server&apos;s memory (and every one in its log) to help set a sender up.
      </p>
      <DeliveriesTable orgSlug={orgSlug} integration={i} />
      <p>
        <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence?integrationId=${i.id}`}>
          All evidence from {i.name}
        </Link>
      </p>
      {canManage ? (
        <IntegrationActions
          orgSlug={orgSlug}
          integration={{ id: i.id, name: i.name, scheme: i.scheme, disabled: i.disabled }}
        />
      ) : null}
    </section>
  );
}
