"use client";

import { useState } from "react";

interface CsrfResponse {
  csrfToken?: unknown;
}
interface SignInResponse {
  url?: unknown;
}

/**
 * Single sign-on through next-auth's OIDC provider. next-auth 4 answers a GET on its sign-in URL with a
 * redirect back to our sign-in page, so this does what its client does: fetch a CSRF token, POST to
 * /api/auth/signin/oidc asking for JSON, and follow the identity provider URL it returns.
 */
export function SsoButton({ providerName, callbackUrl }: { providerName: string; callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as CsrfResponse;
      if (typeof csrf.csrfToken !== "string") throw new Error("no CSRF token");
      const res = await fetch("/api/auth/signin/oidc", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
      });
      const body = (await res.json()) as SignInResponse;
      if (typeof body.url !== "string") throw new Error("no redirect URL");
      window.location.assign(body.url);
    } catch {
      setBusy(false);
      setError("Could not start single sign-on. Try again, or sign in with your password.");
    }
  }

  return (
    <>
      <button type="button" className="secondary full-width" onClick={() => void start()} disabled={busy}>
        Sign in with {providerName}
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
