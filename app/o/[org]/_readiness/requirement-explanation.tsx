import Link from "next/link";
import type { EvidenceRef, RequirementResult } from "@/lib/scoring/scoring-types.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { sourceLabel } from "@/lib/ui/source-labels.ts";
import { OutcomeBadge } from "@/app/_components/outcome-badge.tsx";
import { StatusBadge } from "@/app/_components/status-badge.tsx";

function EvidenceCitation({ orgSlug, item, label }: { orgSlug: string; item: EvidenceRef; label?: string }) {
  return (
    <>
      {label ? `${label}: ` : null}
      <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence/${item.evidenceId}`}>
        {sourceLabel(item.source)} evidence observed {formatDateTime(item.observedAt)}
      </Link>{" "}
      <OutcomeBadge outcome={item.outcome} />
      {item.findingKey ? (
        <>
          {" "}
          finding <code>{item.findingKey}</code>
        </>
      ) : null}
      {item.ruleId ? (
        <>
          {" "}
          by rule <code>{item.ruleId}</code>
        </>
      ) : (
        " linked by hand"
      )}
      {item.justification ? <>: “{item.justification}”</> : null}
      {item.expiresAt ? <span className="muted"> (counts until {formatDateTime(item.expiresAt)})</span> : null}{" "}
      <code className="muted" title={item.sha256}>
        sha256 {item.sha256.slice(0, 12)}…
      </code>
    </>
  );
}

/**
 * Why a requirement has its status for one system: the one-line summary, the waiver if any, and each
 * expectation with the evidence that decided it, the last evidence seen (stale), or what would satisfy
 * it and from which kinds of integration (missing).
 */
export function RequirementExplanation({
  orgSlug,
  result,
  hideSummary = false,
}: {
  orgSlug: string;
  result: RequirementResult;
  /** The summary is shown next to it already (as the summary of a details element). */
  hideSummary?: boolean;
}) {
  const { waiver, applicability } = result;
  return (
    <div className="explanation">
      {hideSummary ? null : <p>{result.summary}</p>}
      {waiver ? (
        <p>
          Waiver until {waiver.expiresAt.slice(0, 10)}, approved by {waiver.approvedBy}: {waiver.reason} Compensating
          control: {waiver.compensatingControl} Without it the status would be{" "}
          <StatusBadge status={result.evidenceStatus} />.
        </p>
      ) : null}
      {applicability.reasons.length > 0 && applicability.status !== "not-applicable" ? (
        <p className="muted">Why it applies: {applicability.reasons.join("; ")}.</p>
      ) : null}
      {result.expectations.length > 0 ? (
        <ul aria-label="Expectations">
          {result.expectations.map((e) => (
            <li key={e.id}>
              <StatusBadge status={e.verdict} /> <span className="expectation-title">{e.title}</span>
              {e.id === "manual" ? null : (
                <>
                  {" "}
                  (rule <code>{e.id}</code>)
                </>
              )}
              {e.decidedBy.length > 0 ? (
                <ul>
                  {e.decidedBy.map((ref) => (
                    <li key={ref.linkId}>
                      <EvidenceCitation orgSlug={orgSlug} item={ref} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {e.lastSeen ? (
                <ul>
                  <li>
                    <EvidenceCitation orgSlug={orgSlug} item={e.lastSeen} label="Last seen" />
                  </li>
                </ul>
              ) : null}
              {e.satisfyWith ? (
                <p className="muted">
                  What would satisfy it: {e.satisfyWith.text}.
                  {e.satisfyWith.sources.length > 0 ? (
                    <>
                      {" "}
                      Integration kinds: {e.satisfyWith.sources.map(sourceLabel).join(", ")} (see{" "}
                      <Link href={`/o/${encodeURIComponent(orgSlug)}/integrations`}>Integrations</Link>).
                    </>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
