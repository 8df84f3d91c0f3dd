import Link from "next/link";
import type { EvidenceListItem } from "@/lib/evidence/list-evidence.ts";
import { STATUS_SEVERITY } from "@/lib/readiness/worst-status.ts";
import type { SystemReadiness } from "@/lib/scoring/scoring-types.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { sourceLabel } from "@/lib/ui/source-labels.ts";
import { DeadlinesTable } from "../../_readiness/deadlines-table.tsx";
import { FrameworkScoresTable } from "../../_readiness/framework-scores-table.tsx";
import { StatusRowsTable, type StatusRow } from "../../_readiness/status-rows-table.tsx";

interface Props {
  orgSlug: string;
  readiness: SystemReadiness;
  asOf: string;
  frameworkTitles: Record<string, string>;
  timeline: EvidenceListItem[];
}

/**
 * One system's readiness on a date: its score per framework, every applicable requirement's status
 * with the explanation (those without evidence folded away), what applies later, and the evidence that
 * can count for it, newest first.
 */
export function ReadinessSection({ orgSlug, readiness, asOf, frameworkTitles, timeline }: Props) {
  const rank = (s: string) => (STATUS_SEVERITY as readonly string[]).indexOf(s);
  const toRow = (r: SystemReadiness["requirements"][number]): StatusRow => ({
    key: r.requirementId,
    header: (
      <Link href={requirementHref(orgSlug, r.requirementId)}>
        <span className="tree-ref">{r.ref}</span> {r.title}
      </Link>
    ),
    result: r,
  });
  const applicable = readiness.requirements.filter((r) => r.status !== "not-applicable");
  const withEvidence = applicable
    .filter((r) => r.status !== "missing")
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map(toRow);
  const missing = applicable.filter((r) => r.status === "missing").map(toRow);
  const upcoming = readiness.requirements.filter((r) => r.applicability.status === "upcoming");

  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness by {asOf}</h2>
      <p>
        Overall score: <strong>{readiness.tally.score === null ? "—" : `${readiness.tally.score}%`}</strong> over{" "}
        {applicable.length} applicable requirements.
      </p>
      <FrameworkScoresTable
        frameworks={readiness.frameworks}
        titles={frameworkTitles}
        caption={`Readiness of ${readiness.name} per framework`}
      />

      <section className="panel" aria-labelledby="requirement-status-heading">
        <h3 id="requirement-status-heading">Status per requirement</h3>
        {withEvidence.length === 0 ? (
          <p className="muted">No applicable requirement has evidence yet.</p>
        ) : (
          <StatusRowsTable
            orgSlug={orgSlug}
            rows={withEvidence}
            caption="Applicable requirements with evidence or a waiver, worst first"
            headerLabel="Requirement"
          />
        )}
        {missing.length > 0 ? (
          <details>
            <summary>
              {missing.length} applicable {missing.length === 1 ? "requirement has" : "requirements have"} no evidence
              yet, with what would satisfy each
            </summary>
            <StatusRowsTable
              orgSlug={orgSlug}
              rows={missing}
              caption="Applicable requirements without evidence"
              headerLabel="Requirement"
            />
          </details>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="upcoming-obligations-heading">
        <h3 id="upcoming-obligations-heading">Deadlines ahead</h3>
        {readiness.deadlines.length === 0 ? (
          <p className="muted">No obligation of this system starts to apply after {asOf}.</p>
        ) : (
          <>
            <DeadlinesTable
              rows={readiness.deadlines.map((d) => ({ deadline: d }))}
              caption="Upcoming EU AI Act deadlines"
            />
            <ul>
              {upcoming.map((r) => (
                <li key={r.requirementId}>
                  <Link href={requirementHref(orgSlug, r.requirementId)}>{r.ref}</Link> {r.title}: from{" "}
                  {r.applicability.effectiveFrom}
                  {r.applicability.originalDate ? ` (original date ${r.applicability.originalDate})` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">Evidence timeline</h3>
        {timeline.length === 0 ? (
          <p className="muted">No evidence about this system or the whole organization yet.</p>
        ) : (
          <ol className="timeline" aria-label="Evidence, newest first">
            {timeline.map((e) => (
              <li key={e.id}>
                <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>
                <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence/${e.id}`}>{e.eventType}</Link> from{" "}
                {sourceLabel(e.source)}, {e.system ? "about this system" : "organization-wide"}: {e.findings}{" "}
                {e.findings === 1 ? "finding" : "findings"}
                {e.failing > 0 ? (
                  <>
                    {" "}
                    <span className="badge badge-danger">{e.failing} failing</span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
