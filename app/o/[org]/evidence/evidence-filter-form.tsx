import Link from "next/link";
import { EVIDENCE_OUTCOMES } from "@/lib/evidence/evidence-filters.ts";
import { SOURCE_KINDS } from "@/lib/ingest/source-kinds.ts";
import type { EvidenceQuery } from "@/lib/ui/evidence-query.ts";
import { SOURCE_LABELS } from "@/lib/ui/source-labels.ts";

interface Props {
  action: string;
  query: EvidenceQuery;
  systems: { id: string; name: string }[];
  integrationName: string | null;
}

/**
 * The explorer's filters as a plain GET form: the URL holds the view, so it can be bookmarked and
 * shared, and it works without JavaScript. Submitting starts again at the first page.
 */
export function EvidenceFilterForm({ action, query, systems, integrationName }: Props) {
  return (
    <form method="get" action={action} className="panel inline-form" aria-label="Evidence filters">
      {query.integrationId ? (
        <div className="field">
          <input type="hidden" name="integrationId" value={query.integrationId} />
          <span className="badge badge-info">Integration: {integrationName ?? query.integrationId}</span>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-source">Source</label>
        <select id="filter-source" name="source" defaultValue={query.source ?? ""}>
          <option value="">Any source</option>
          {SOURCE_KINDS.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-system">AI system</label>
        <select id="filter-system" name="systemId" defaultValue={query.systemId ?? ""}>
          <option value="">Any system</option>
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-requirement">Requirement id</label>
        <input
          id="filter-requirement"
          type="text"
          name="requirementId"
          defaultValue={query.requirementId ?? ""}
          placeholder="eu-ai-act:art-15-5"
          spellCheck={false}
          aria-describedby="filter-requirement-hint"
        />
        <p className="hint" id="filter-requirement-hint">
          Evidence linked to it (and not unlinked).
        </p>
      </div>
      <div className="field">
        <label htmlFor="filter-outcome">With a finding that is</label>
        <select id="filter-outcome" name="outcome" defaultValue={query.outcome ?? ""}>
          <option value="">Any outcome</option>
          {EVIDENCE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">Received from</label>
        <input id="filter-from" type="date" name="from" defaultValue={query.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Received to</label>
        <input id="filter-to" type="date" name="to" defaultValue={query.to ?? ""} />
      </div>
      <div className="inline-controls">
        <button type="submit">Apply filters</button>
        <Link href={action}>Clear filters</Link>
      </div>
    </form>
  );
}
