"use client";

import { useState } from "react";
import type { CreatedApiToken } from "@/lib/tokens/create-api-token.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { Field, FieldError } from "@/app/_components/field.tsx";
import { SecretOnce } from "@/app/_components/secret-once.tsx";

const SCOPES = [
  { value: "read", help: "read the organization's AI systems and results" },
  { value: "evidence:write", help: "upload evidence, e.g. from a CI pipeline" },
  { value: "admin", help: "everything an admin can do through the API" },
] as const;

/** Issues a scoped token; the token itself is shown once. Only admins may issue admin-scoped tokens. */
export function CreateTokenForm({ orgSlug, canIssueAdmin }: { orgSlug: string; canIssueAdmin: boolean }) {
  const form = useApiForm("The token was not created: check the fields marked below.");
  const { fields } = form;
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  async function submit(element: HTMLFormElement) {
    setCreated(null);
    const token = await form.submit(element, (data) => {
      const days = formText(data, "expiresInDays").trim();
      if (days !== "" && !/^\d+$/.test(days)) {
        const issue = { field: "expiresInDays", message: "must be a whole number of days" };
        return Promise.resolve({
          ok: false as const,
          status: 0,
          code: "validation_failed",
          message: "",
          issues: [issue],
        });
      }
      return apiRequest<CreatedApiToken>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/tokens`, {
        name: formText(data, "name"),
        scopes: data.getAll("scopes").filter((v): v is string => typeof v === "string"),
        ...(days ? { expiresInDays: Number(days) } : {}),
      });
    });
    if (token) setCreated(token);
  }

  return (
    <FormPanel
      id="create-token"
      title="Create a token"
      error={form.error}
      onSubmit={(f) => void submit(f)}
      after={
        created ? (
          <SecretOnce id="new-token" label="New API token" secret={created.token} onDismiss={() => setCreated(null)}>
            <p>
              Token “{created.name}” with scopes {created.scopes.join(", ")}
              {created.expiresAt ? `, expiring ${created.expiresAt.slice(0, 10)}` : ", without expiry"}.
            </p>
          </SecretOnce>
        ) : null
      }
    >
      <Field
        id="token-name"
        name="name"
        label="Name"
        error={fields.name}
        hint="Where it is used, e.g. “GitHub Actions: model-ci”."
      >
        {(control) => <input {...control} type="text" required maxLength={100} autoComplete="off" />}
      </Field>
      <fieldset className="field" aria-describedby={fields.scopes ? "token-scopes-error" : undefined}>
        <legend>Scopes</legend>
        {SCOPES.map((s) => {
          const disabled = s.value === "admin" && !canIssueAdmin;
          return (
            <div className="checkbox" key={s.value}>
              <input
                id={`scope-${s.value}`}
                type="checkbox"
                name="scopes"
                value={s.value}
                defaultChecked={s.value === "evidence:write"}
                disabled={disabled}
              />
              <label htmlFor={`scope-${s.value}`}>
                <code>{s.value}</code>: {s.help}
                {disabled ? " (only admins may issue it)" : ""}
              </label>
            </div>
          );
        })}
        <FieldError id="token-scopes-error" label="Scopes" message={fields.scopes} />
      </fieldset>
      <Field
        id="token-expiry"
        name="expiresInDays"
        label="Expires in (days)"
        error={fields.expiresInDays}
        hint="Optional, 1 to 3650. Leave empty for a token that does not expire."
      >
        {(control) => <input {...control} type="number" min={1} max={3650} step={1} inputMode="numeric" />}
      </Field>
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Creating…" : "Create token"}
      </button>
    </FormPanel>
  );
}
