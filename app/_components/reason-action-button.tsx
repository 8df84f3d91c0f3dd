"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/app/_components/api-request.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";

export interface ReasonActionProps {
  method: "POST" | "DELETE";
  url: string;
  /** Unique on the page: names the reason field. */
  fieldId: string;
  /** The button's visible word ("Revoke") and its accessible rest (" the waiver X"). */
  label: string;
  hiddenLabel: string;
  /** The form's accessible name, the reason's question, the confirm button's text. */
  formLabel: string;
  question: string;
  confirmLabel: string;
}

/**
 * A destructive action that asks for a reason first (it goes into the audit log): a button that opens
 * a one-field form, sends `{ reason }` to the API, shows the field error, and refreshes the page.
 */
export function ReasonActionButton(props: ReasonActionProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    const result = await apiRequest(props.method, props.url, { reason });
    setBusy(false);
    if (!result.ok) {
      setError(result.issues.length > 0 ? `Reason ${result.issues[0]?.message ?? "is invalid"}` : result.message);
      return;
    }
    setOpen(false);
    router.refresh();
  }

  if (!open) {
    return (
      <button type="button" className="danger small" disabled={!hydrated} onClick={() => setOpen(true)}>
        {props.label}
        <span className="visually-hidden">{props.hiddenLabel}</span>
      </button>
    );
  }
  return (
    <form
      className="stack"
      aria-label={props.formLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={props.fieldId}>{props.question}</label>
        <input
          id={props.fieldId}
          type="text"
          value={reason}
          maxLength={2000}
          required
          autoFocus
          aria-invalid={Boolean(error)}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="inline-controls">
        <button type="submit" className="danger small" disabled={busy}>
          {props.confirmLabel}
        </button>
        <button type="button" className="secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
