interface AsOfFormProps {
  /** The page's own path. */
  action: string;
  /** The date shown (YYYY-MM-DD). */
  day: string;
  /** Whether a date was asked for (then a link back to today is offered). */
  chosen: boolean;
  /** Other query parameters to keep (filters). */
  keep?: Record<string, string | undefined>;
  /** Unique per page: prefixes the ids. */
  id?: string;
  label?: string;
  error?: string | null;
}

/**
 * Readiness by a date: a GET form with a date picker, so "as of D" is a shareable URL (`?asOf=D`,
 * meaning the end of that day, UTC) and works without JavaScript.
 */
export function AsOfForm({
  action,
  day,
  chosen,
  keep = {},
  id = "as-of",
  label = "Readiness by date",
  error,
}: AsOfFormProps) {
  const todayHref = (() => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(keep)) if (v) params.set(k, v);
    const search = params.toString();
    return `${action}${search ? `?${search}` : ""}`;
  })();
  return (
    <>
      <form method="get" action={action} className="panel inline-form" aria-label={label}>
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className="field">
          <label htmlFor={`${id}-date`}>{label}</label>
          <input id={`${id}-date`} type="date" name="asOf" defaultValue={day} required />
        </div>
        <button type="submit">Show readiness</button>
        {chosen ? <a href={todayHref}>Back to today</a> : null}
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
