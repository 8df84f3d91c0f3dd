import type { ReactNode } from "react";

interface FieldProps {
  /** The control's DOM id (unique on the page). */
  id: string;
  /** The form field name, as the API calls it. */
  name: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Renders the control; receives the attributes that tie it to its label, hint and error. */
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}

/**
 * A labelled form control with an optional hint and a field error (role="alert") that names the field,
 * e.g. "Email must be an email address".
 */
export function Field({ id, name, label, error, hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} label={label} message={error} />
    </div>
  );
}

/** A field's error message, announced when it appears. */
export function FieldError({
  id,
  label,
  message,
}: {
  id?: string | undefined;
  label: string;
  message?: string | undefined;
}) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {label} {message}
    </p>
  );
}
