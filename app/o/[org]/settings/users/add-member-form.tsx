"use client";

import { useState } from "react";
import { ROLES } from "@/lib/auth/roles.ts";
import type { CreatedMember } from "@/lib/members/create-member.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { Field } from "@/app/_components/field.tsx";
import { SecretOnce } from "@/app/_components/secret-once.tsx";

/** Adds a person with a role; a new user without a password gets a temporary one, shown once. */
export function AddMemberForm({ orgSlug }: { orgSlug: string }) {
  const form = useApiForm("The user was not added: check the fields marked below.");
  const { fields } = form;
  const [added, setAdded] = useState<CreatedMember | null>(null);

  async function submit(element: HTMLFormElement) {
    setAdded(null);
    const member = await form.submit(element, (data) => {
      const name = formText(data, "name").trim();
      const password = formText(data, "password");
      return apiRequest<CreatedMember>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/members`, {
        email: formText(data, "email"),
        role: formText(data, "role"),
        ...(name ? { name } : {}),
        ...(password ? { password } : {}),
      });
    });
    if (member) setAdded(member);
  }

  return (
    <FormPanel
      id="add-member"
      title="Add a user"
      error={form.error}
      onSubmit={(f) => void submit(f)}
      after={
        <>
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
        </>
      }
    >
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
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Adding…" : "Add user"}
      </button>
    </FormPanel>
  );
}
