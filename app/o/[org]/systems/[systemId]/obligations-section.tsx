import Link from "next/link";
import type { ReactNode } from "react";
import type { SystemObligation, SystemObligations } from "@/lib/applicability/list-system-obligations.ts";
import { requirementHref } from "@/lib/ui/catalog-links.ts";

const BASIS_LABEL = {
  amended: "As amended by the Digital Omnibus on AI",
  original: "Original dates (Art. 113)",
} as const;

function RequirementCells({ orgSlug, item }: { orgSlug: string; item: SystemObligation }) {
  return (
    <>
      <th scope="row">
        <Link href={requirementHref(orgSlug, item.requirementId)}>{item.ref}</Link>
      </th>
      <td>{item.title}</td>
    </>
  );
}

/** One table of obligations: requirement and title, then the columns this section adds. */
function ObligationTable({
  orgSlug,
  items,
  columns,
}: {
  orgSlug: string;
  items: SystemObligation[];
  columns: { heading: string; cell: (item: SystemObligation) => ReactNode }[];
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">Title</th>
            {columns.map((c) => (
              <th scope="col" key={c.heading}>
                {c.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.requirementId}>
              <RequirementCells orgSlug={orgSlug} item={item} />
              {columns.map((c) => (
                <td key={c.heading}>{c.cell(item)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Props {
  orgSlug: string;
  /** The system page's own path, the target of the date form. */
  action: string;
  obligations: SystemObligations;
  /** Why the requested date or basis was not used (then the defaults are shown). */
  queryError: string | null;
}

/**
 * The EU AI Act obligations of a classified system on a date, under either set of dates: what applies
 * now, what is coming (and in how many days), and what does not apply with the deciding reason.
 */
export function ObligationsSection({ orgSlug, action, obligations: o, queryError }: Props) {
  const total = o.applies.length + o.upcoming.length + o.notApplicable.length;
  return (
    <section aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">EU AI Act obligations</h2>
      <form method="get" action={action} className="panel inline-form" aria-label="Obligations date">
        <div className="field">
          <label htmlFor="obligations-as-of">On date</label>
          <input id="obligations-as-of" type="date" name="asOf" defaultValue={o.asOf} required />
        </div>
        <div className="field">
          <label htmlFor="obligations-basis">Application dates</label>
          <select id="obligations-basis" name="basis" defaultValue={o.basis}>
            <option value="amended">{BASIS_LABEL.amended}</option>
            <option value="original">{BASIS_LABEL.original}</option>
          </select>
        </div>
        <button type="submit">Show obligations</button>
      </form>
      {queryError ? (
        <p className="form-error" role="alert">
          {queryError} Showing today under the amended dates instead.
        </p>
      ) : null}
      <p role="status">
        Obligations on <strong>{o.asOf}</strong>, with application dates{" "}
        {o.basis === "amended" ? "as amended by the Digital Omnibus on AI" : "of the original Art. 113"}.
      </p>
      {total === 0 ? (
        <p className="empty-state">
          The EU AI Act catalog is not loaded, so there are no obligations to show. It is loaded from{" "}
          <code>controls/</code> when Assay starts.
        </p>
      ) : null}

      <section className="panel" aria-labelledby="applies-heading">
        <h3 id="applies-heading">Applies now</h3>
        {o.applies.length === 0 ? (
          <p className="muted">Nothing applies on this date.</p>
        ) : (
          <ObligationTable
            orgSlug={orgSlug}
            items={o.applies}
            columns={[{ heading: "Applies since", cell: (item) => item.effectiveFrom ?? "—" }]}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="upcoming-heading">
        <h3 id="upcoming-heading">Upcoming</h3>
        {o.upcoming.length === 0 ? (
          <p className="muted">Nothing more will apply later under these dates.</p>
        ) : (
          <ObligationTable
            orgSlug={orgSlug}
            items={o.upcoming}
            columns={[
              { heading: "Applies from", cell: (item) => item.effectiveFrom },
              { heading: "Days left", cell: (item) => item.daysLeft },
            ]}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="not-applicable-heading">
        <h3 id="not-applicable-heading">Does not apply</h3>
        <details>
          <summary>
            {o.notApplicable.length} {o.notApplicable.length === 1 ? "requirement does" : "requirements do"} not apply
            to this system, with the reason
          </summary>
          <ObligationTable
            orgSlug={orgSlug}
            items={o.notApplicable}
            columns={[{ heading: "Why not", cell: (item) => item.reasons.at(-1) ?? "—" }]}
          />
        </details>
      </section>
    </section>
  );
}
