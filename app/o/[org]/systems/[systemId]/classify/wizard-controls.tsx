import type { ReactNode } from "react";

/** A radio button or checkbox with its label and an optional one-line description read as its hint. */
export function Choice({
  type,
  name,
  value,
  label,
  description,
  defaultChecked,
  invalid,
}: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: ReactNode;
  description?: ReactNode;
  defaultChecked: boolean;
  invalid?: boolean;
}) {
  const id = `wizard-${name}-${value}`;
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={description ? `${id}-hint` : undefined}
        aria-invalid={invalid || undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {description ? (
          <p className="hint" id={`${id}-hint`}>
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A group of choices answering one question; its error (from the API) is announced and tied to it. */
export function Question({
  name,
  legend,
  hint,
  error,
  errorLabel = legend,
  children,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Names the question at the start of its error message (defaults to the legend). */
  errorLabel?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `wizard-${name}-question-hint` : undefined;
  const errorId = error ? `wizard-${name}-question-error` : undefined;
  return (
    <fieldset className="field" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {errorLabel} {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A yes/no question as two radio buttons valued "yes" and "no". */
export function YesNo({
  name,
  legend,
  hint,
  value,
  error,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  value: boolean;
  error?: string | undefined;
}) {
  return (
    <Question name={name} legend={legend} hint={hint} error={error}>
      <div className="choice-row">
        <Choice type="radio" name={name} value="yes" label="Yes" defaultChecked={value} invalid={Boolean(error)} />
        <Choice type="radio" name={name} value="no" label="No" defaultChecked={!value} invalid={Boolean(error)} />
      </div>
    </Question>
  );
}
