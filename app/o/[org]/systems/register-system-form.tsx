"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import { groupIssuesByField } from "@/lib/ui/group-issues-by-field.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";
import { Field } from "@/app/_components/field.tsx";

const LIFECYCLES = ["planned", "development", "production", "retired"] as const;

/** Registers an AI system through POST /api/v1/orgs/<slug>/systems (admin and compliance). */
export function RegisterSystemForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setFields({});
    setDone(null);
    const result = await apiRequest<AiSystemSummary>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/systems`, {
      name: formText(data, "name"),
      purpose: formText(data, "purpose"),
      owner: formText(data, "owner"),
      lifecycle: formText(data, "lifecycle"),
    });
    setBusy(false);
    if (!result.ok) {
      setFields(groupIssuesByField(result.issues));
      setError(result.issues.length > 0 ? "Check the fields marked below." : result.message);
      return;
    }
    form.reset();
    setDone(`Registered ${result.data.name}.`);
    router.refresh();
  }

  return (
    <section className="panel" aria-labelledby="register-system-heading">
      <h2 id="register-system-heading">Register an AI system</h2>
      <form
        className="stack"
        method="post"
        noValidate
        aria-labelledby="register-system-heading"
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
        <Field id="system-name" name="name" label="Name" error={fields.name}>
          {(control) => <input {...control} type="text" required maxLength={120} />}
        </Field>
        <Field
          id="system-purpose"
          name="purpose"
          label="Purpose"
          error={fields.purpose}
          hint="What the system does and for whom."
        >
          {(control) => <textarea {...control} required maxLength={2000} />}
        </Field>
        <Field id="system-owner" name="owner" label="Owner" error={fields.owner} hint="The accountable team or person.">
          {(control) => <input {...control} type="text" required maxLength={200} />}
        </Field>
        <Field id="system-lifecycle" name="lifecycle" label="Lifecycle" error={fields.lifecycle}>
          {(control) => (
            <select {...control} defaultValue="development">
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy || !hydrated}>
          {busy ? "Registering…" : "Register AI system"}
        </button>
        <p role="status" className="form-status">
          {done}
        </p>
      </form>
    </section>
  );
}
