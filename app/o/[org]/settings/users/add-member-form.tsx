"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/auth/roles.ts";
import type { CreatedMember } from "@/lib/members/create-member.ts";
import { groupIssuesByField } from "@/lib/ui/group-issues-by-field.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";
import { Field } from "@/app/_components/field.tsx";
import { SecretOnce } from "@/app/_components/secret-once.tsx";

/** Adds a person with a role; a new user without a password gets a temporary one, shown once. */
export function AddMemberForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<CreatedMember | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const name = formText(data, "name").trim();
    const password = formText(data, "password");
    setBusy(true);
    setError(null);
    setFields({});
    setAdded(null);
    const result = await apiRequest<CreatedMember>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/members`, {
      email: formText(data, "email"),
      role: formText(data, "role"),
      ...(name ? { name } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setFields(groupIssuesByField(result.issues));
      setError(result.issues.length > 0 ? "The user was not added: check the fields marked below." : result.message);
      return;
    }
    form.reset();
    setAdded(result.data);
    router.refresh();
  }

  return (
    <section className="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a user</h2>
      <form
        className="stack"
        method="post"
        noValidate
        aria-labelledby="add-member-heading"
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
        <Field id="member-email" name="email" label="Email" error={fields.email}>
          {(control) => <input {...control} type="email" autoComplete="off" required />}
        </Field>
        <Field id="member-name" name="name" label="Name" error={fields.name} hint="Optional.">
          {(control) => <input {...control} type="text" autoComplete="off" />}
        </Field>
        <Field id="member-role" name="role" label="Role" error={fields.role}>
          {(control) => (
            <select {...control} defaultValue="engineer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="member-password"
          name="password"
          label="Password"
          error={fields.password}
          hint="Optional, at least 12 characters. Leave empty to generate a temporary password for a new user."
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" />}
        </Field>
        <button type="submit" disabled={busy || !hydrated}>
          {busy ? "Adding…" : "Add user"}
        </button>
      </form>
      <p role="status" className="form-status">
        {added ? `Added ${added.email} as ${added.role}${added.newUser ? "" : " (existing account)"}.` : ""}
      </p>
      {added?.temporaryPassword ? (
        <SecretOnce
          id="temporary-password"
          label="Temporary password"
          secret={added.temporaryPassword}
          onDismiss={() => setAdded(null)}
        >
          <p>Give it to {added.email} through a safe channel; they sign in with it.</p>
        </SecretOnce>
      ) : null}
    </section>
  );
}
