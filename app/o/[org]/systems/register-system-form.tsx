"use client";

import { useState } from "react";
import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { Field } from "@/app/_components/field.tsx";

const LIFECYCLES = ["planned", "development", "production", "retired"] as const;

/** Registers an AI system through POST /api/v1/orgs/<slug>/systems (admin and compliance). */
export function RegisterSystemForm({ orgSlug }: { orgSlug: string }) {
  const form = useApiForm("Check the fields marked below.");
  const { fields } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit(element: HTMLFormElement) {
    setDone(null);
    const created = await form.submit(element, (data) =>
      apiRequest<AiSystemSummary>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/systems`, {
        name: formText(data, "name"),
        purpose: formText(data, "purpose"),
        owner: formText(data, "owner"),
        lifecycle: formText(data, "lifecycle"),
      }),
    );
    if (created) setDone(`Registered ${created.name}.`);
  }

  return (
    <FormPanel id="register-system" title="Register an AI system" error={form.error} onSubmit={(f) => void submit(f)}>
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
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Registering…" : "Register AI system"}
      </button>
      <p role="status" className="form-status">
        {done}
      </p>
    </FormPanel>
  );
}
