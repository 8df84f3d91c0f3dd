"use client";

import { useState } from "react";
import { groupIssuesByField } from "@/lib/ui/group-issues-by-field.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";
import { Field } from "@/app/_components/field.tsx";

/** Email and password sign-in through POST /api/v1/session, which sets the session cookie. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setFields({});
    const result = await apiRequest("POST", "/api/v1/session", {
      email: formText(data, "email"),
      password: formText(data, "password"),
    });
    if (result.ok) {
      // A full load, so every server component renders with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setFields(groupIssuesByField(result.issues));
    setError(result.issues.length > 0 ? null : result.message);
  }

  return (
    <form
      className="stack"
      method="post"
      noValidate
      aria-label="Sign in"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <Field id="signin-email" name="email" label="Email" error={fields.email}>
        {(control) => <input {...control} type="email" autoComplete="username" required autoFocus />}
      </Field>
      <Field id="signin-password" name="password" label="Password" error={fields.password}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" disabled={busy || !hydrated}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
