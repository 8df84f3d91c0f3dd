import type { ReactNode } from "react";

interface FormPanelProps {
  /** Prefix for the heading's id. */
  id: string;
  title: string;
  error: string | null;
  onSubmit: (form: HTMLFormElement) => void;
  children: ReactNode;
  /** Shown after the form (results, secrets shown once). */
  after?: ReactNode;
}

/**
 * A titled panel with a POST form that never submits natively (`noValidate`, handled in JS) and a
 * form-level error announced to screen readers.
 */
export function FormPanel({ id, title, error, onSubmit, children, after }: FormPanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <form
        className="stack"
        method="post"
        noValidate
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(e.currentTarget);
        }}
      >
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        {children}
      </form>
      {after}
    </section>
  );
}
