import Link from "next/link";
import type { EvidenceDetail } from "@/lib/evidence/get-evidence.ts";
import type { EvidenceLink } from "@/lib/evidence/list-evidence-links.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";
import { UnlinkButton } from "./unlink-button.tsx";

function RequirementCell({ orgSlug, link }: { orgSlug: string; link: EvidenceLink }) {
  return (
    <th scope="row">
      <Link href={requirementHref(orgSlug, link.requirementId)}>
        {link.requirement ? `${link.requirement.ref} ${link.requirement.title}` : link.requirementId}
      </Link>
      <div className="muted">
        <code>{link.requirementId}</code>
      </div>
    </th>
  );
}

function How({ link, findingTitles }: { link: EvidenceLink; findingTitles: Map<string, string> }) {
  const finding = link.findingKey ? (
    <div className="muted">finding: {findingTitles.get(link.findingKey) ?? link.findingKey}</div>
  ) : null;
  if (link.ruleId) {
    return (
      <>
        Evidence rule <code>{link.ruleId}</code>
        {finding}
      </>
    );
  }
  return (
    <>
      Linked by {link.createdBy?.name ?? link.createdBy?.email ?? "an API token"}: {link.justification}
      {finding}
    </>
  );
}

/** The requirements this evidence supports (by rule or by hand), and the links people removed. */
export function LinksSection({ orgSlug, e, canLink }: { orgSlug: string; e: EvidenceDetail; canLink: boolean }) {
  const active = e.links.filter((l) => !l.removedAt);
  const removed = e.links.filter((l) => l.removedAt);
  const pending = e.links.length === 0 && e.result.requirements.length > 0;
  const findingTitles = new Map(e.findings.map((f) => [f.key, f.title]));
  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">Requirements it supports</h2>
      {pending ? (
        <p className="muted">
          Links to {e.result.requirements.length} requirements are being written; reload in a moment.
        </p>
      ) : active.length === 0 ? (
        <p className="muted">Not linked to any requirement.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Requirements this evidence supports</caption>
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">How</th>
                <th scope="col">Outcome</th>
                <th scope="col">Counts until</th>
                {canLink ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {active.map((l) => (
                <tr key={l.id}>
                  <RequirementCell orgSlug={orgSlug} link={l} />
                  <td>
                    <How link={l} findingTitles={findingTitles} />
                  </td>
                  <td>
                    <OutcomeBadge outcome={l.outcome} />
                  </td>
                  <td>{formatDateTime(l.expiresAt, "no expiry")}</td>
                  {canLink ? (
                    <td>
                      <UnlinkButton
                        orgSlug={orgSlug}
                        evidenceId={e.id}
                        linkId={l.id}
                        requirement={l.requirement?.ref ?? l.requirementId}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removed.length > 0 ? (
        <details>
          <summary>Unlinked ({removed.length})</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Removed links</caption>
              <thead>
                <tr>
                  <th scope="col">Requirement</th>
                  <th scope="col">How it was linked</th>
                  <th scope="col">Unlinked</th>
                </tr>
              </thead>
              <tbody>
                {removed.map((l) => (
                  <tr key={l.id}>
                    <RequirementCell orgSlug={orgSlug} link={l} />
                    <td>
                      <How link={l} findingTitles={findingTitles} />
                    </td>
                    <td>
                      {formatDateTime(l.removedAt)} by {l.removedBy?.name ?? l.removedBy?.email ?? "an API token"}
                      {l.removedReason ? `: ${l.removedReason}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
