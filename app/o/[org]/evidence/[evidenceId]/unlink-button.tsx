"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/app/_components/api-request.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";

/** Unlinks evidence from a requirement after asking why (the reason goes into the audit log). */
export function UnlinkButton({
  orgSlug,
  evidenceId,
  linkId,
  requirement,
}: {
  orgSlug: string;
  evidenceId: string;
  linkId: string;
  requirement: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `unlink-reason-${linkId}`;

  async function unlink() {
    setBusy(true);
    setError(null);
    const result = await apiRequest(
      "DELETE",
      `/api/v1/orgs/${encodeURIComponent(orgSlug)}/evidence/${encodeURIComponent(evidenceId)}/links/${encodeURIComponent(linkId)}`,
      { reason },
    );
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
        Unlink<span className="visually-hidden"> from {requirement}</span>
      </button>
    );
  }
  return (
    <form
      className="stack"
      aria-label={`Unlink from ${requirement}`}
      onSubmit={(e) => {
        e.preventDefault();
        void unlink();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Why unlink it?</label>
        <input
          id={inputId}
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
          Confirm unlink
        </button>
        <button type="button" className="secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
