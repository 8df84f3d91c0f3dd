import Link from "next/link";
import type { WaiverSummary } from "@/lib/waivers/waiver-summary.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";
import { RevokeWaiverButton } from "./revoke-waiver-button.tsx";

interface Props {
  orgSlug: string;
  waivers: WaiverSummary[];
  caption: string;
  /** Show the requirement column (the organization-wide list). */
  showRequirement?: boolean;
  /** Offer a revoke button on active waivers (admin, compliance). */
  canRevoke?: boolean;
}

/** Waivers with their scope, reason, compensating control, approver, expiry and state (active, expired, revoked). */
export function WaiversTable({ orgSlug, waivers, caption, showRequirement = false, canRevoke = false }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showRequirement ? <th scope="col">Requirement</th> : null}
            <th scope="col">AI system</th>
            <th scope="col">Reason</th>
            <th scope="col">Compensating control</th>
            <th scope="col">Approver</th>
            <th scope="col">Recorded</th>
            <th scope="col">Ends</th>
            <th scope="col">State</th>
            {canRevoke ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {waivers.map((w) => {
            const system = w.systemName ?? "All systems";
            return (
              <tr key={w.id}>
                {showRequirement ? (
                  <th scope="row">
                    <Link href={requirementHref(orgSlug, w.requirementId)}>{w.requirementRef ?? w.requirementId}</Link>
                    {w.requirementTitle ? <div className="muted">{w.requirementTitle}</div> : null}
                  </th>
                ) : null}
                <td>
                  {w.systemId ? (
                    <Link href={`/o/${encodeURIComponent(orgSlug)}/systems/${w.systemId}`}>{system}</Link>
                  ) : (
                    system
                  )}
                </td>
                <td>{w.reason}</td>
                <td>{w.compensatingControl}</td>
                <td>{w.approver}</td>
                <td>
                  {formatDateTime(w.createdAt)}
                  {w.recordedBy ? <div className="muted">by {w.recordedBy}</div> : null}
                </td>
                <td>{formatDateTime(w.revokedAt ?? w.expiresAt)}</td>
                <td>
                  <OutcomeBadge outcome={w.state} />
                </td>
                {canRevoke ? (
                  <td>
                    {w.state === "active" ? (
                      <RevokeWaiverButton
                        orgSlug={orgSlug}
                        waiverId={w.id}
                        label={`for ${w.requirementRef ?? w.requirementId}, ${system}`}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
