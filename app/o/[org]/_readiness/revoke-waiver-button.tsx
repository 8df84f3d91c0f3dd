"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/app/_components/api-request.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";

/** Ends an active waiver early after asking why (the reason goes into the audit log), then refreshes. */
export function RevokeWaiverButton({ orgSlug, waiverId, label }: { orgSlug: string; waiverId: string; label: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `revoke-reason-${waiverId}`;

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await apiRequest(
      "POST",
      `/api/v1/orgs/${encodeURIComponent(orgSlug)}/waivers/${encodeURIComponent(waiverId)}/revoke`,
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
        Revoke<span className="visually-hidden"> the waiver {label}</span>
      </button>
    );
  }
  return (
    <form
      className="stack"
      aria-label={`Revoke the waiver ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void revoke();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Why revoke it?</label>
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
          Confirm revocation
        </button>
        <button type="button" className="secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
