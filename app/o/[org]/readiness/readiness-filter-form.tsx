import Link from "next/link";
import type { RequirementResultFilters } from "@/lib/readiness/filter-requirement-results.ts";
import { READINESS_STATUSES } from "@/lib/scoring/scoring-types.ts";
import { STATUS_LABEL } from "@/lib/ui/status-labels.ts";

interface Props {
  action: string;
  filters: RequirementResultFilters;
  /** The requested date (YYYY-MM-DD), or "" for now. */
  day: string;
  systems: { id: string; name: string }[];
  frameworks: { id: string; title: string }[];
  /** The group filtered on, named, with the URL of the same view without it. */
  group: { id: string; label: string; clearHref: string } | null;
}

/** The drill-down list's filters as a plain GET form, so every view is a URL that can be shared. */
export function ReadinessFilterForm({ action, filters, day, systems, frameworks, group }: Props) {
  const chosen = new Set(filters.statuses ?? []);
  return (
    <form method="get" action={action} className="panel stack" aria-label="Readiness filters">
      {group ? (
        <div className="inline-controls">
          <input type="hidden" name="group" value={group.id} />
          <span className="badge badge-info">Under: {group.label}</span>
          <Link href={group.clearHref}>
            Remove<span className="visually-hidden"> the filter {group.label}</span>
          </Link>
        </div>
      ) : null}
      <fieldset>
        <legend>Status (none checked: every status except not applicable)</legend>
        <div className="inline-controls">
          {READINESS_STATUSES.map((s) => (
            <div className="checkbox" key={s}>
              <input type="checkbox" id={`filter-status-${s}`} name="status" value={s} defaultChecked={chosen.has(s)} />
              <label htmlFor={`filter-status-${s}`}>{STATUS_LABEL[s]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="filter-system">AI system</label>
          <select id="filter-system" name="system" defaultValue={filters.systemId ?? ""}>
            <option value="">Every system</option>
            {systems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-framework">Framework</label>
          <select id="filter-framework" name="framework" defaultValue={filters.frameworkId ?? ""}>
            <option value="">Every framework</option>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-as-of">By date</label>
          <input id="filter-as-of" type="date" name="asOf" defaultValue={day} aria-describedby="filter-as-of-hint" />
          <p className="hint" id="filter-as-of-hint">
            Empty: now.
          </p>
        </div>
        <button type="submit">Show requirements</button>
      </div>
    </form>
  );
}
