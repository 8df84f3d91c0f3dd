"use client";

import { useState } from "react";
import { apiRequest } from "./api-request.ts";
import { useHydrated } from "./use-hydrated.ts";

/** Ends the session on the server (the row is deleted), then leaves with a full page load. */
export function SignOutButton() {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    const result = await apiRequest<null>("DELETE", "/api/v1/session");
    // 401 means the session was already gone: signed out either way.
    if (!result.ok && result.status !== 401) {
      setBusy(false);
      setError(result.message);
      return;
    }
    window.location.assign("/signin");
  }

  return (
    <>
      <button type="button" className="secondary small" onClick={() => void signOut()} disabled={busy || !hydrated}>
        Sign out
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
