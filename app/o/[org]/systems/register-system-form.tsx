"use client";

import { useState } from "react";
import type { AiSystemSummary } from "@/lib/systems/to-ai-system-summary.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { Field } from "@/app/_components/field.tsx";

const LIFECYCLES = ["planned", "development", "production", "retired"] as const;

interface Props {
  orgSlug: string;
  /** Edit this system (PATCH) instead of registering a new one (POST). */
  system?: Pick<AiSystemSummary, "id" | "name" | "purpose" | "owner" | "lifecycle">;
}

/**
 * Registers an AI system (POST /api/v1/orgs/<slug>/systems) or edits one's description (PATCH
 * …/systems/<id>); admin and compliance. Roles and risk class change through the classification wizard.
 */
export function RegisterSystemForm({ orgSlug, system }: Props) {
  const editing = system !== undefined;
  const prefix = editing ? "edit-system" : "system";
  const form = useApiForm("Check the fields marked below.");
  const { fields } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit(element: HTMLFormElement) {
    setDone(null);
    const url = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/systems${editing ? `/${system.id}` : ""}`;
    const saved = await form.submit(
      element,
      (data) =>
        apiRequest<AiSystemSummary>(editing ? "PATCH" : "POST", url, {
          name: formText(data, "name"),
          purpose: formText(data, "purpose"),
          owner: formText(data, "owner"),
          lifecycle: formText(data, "lifecycle"),
        }),
      { reset: !editing },
    );
    if (saved) setDone(editing ? `Saved ${saved.name}.` : `Registered ${saved.name}.`);
  }

  return (
    <FormPanel
      id={editing ? "edit-system" : "register-system"}
      title={editing ? "Edit the description" : "Register an AI system"}
      error={form.error}
      onSubmit={(f) => void submit(f)}
    >
      <Field id={`${prefix}-name`} name="name" label="Name" error={fields.name}>
        {(control) => <input {...control} type="text" required maxLength={120} defaultValue={system?.name} />}
      </Field>
      <Field
        id={`${prefix}-purpose`}
        name="purpose"
        label="Purpose"
        error={fields.purpose}
        hint="What the system does and for whom."
      >
        {(control) => <textarea {...control} required maxLength={2000} defaultValue={system?.purpose} />}
      </Field>
      <Field
        id={`${prefix}-owner`}
        name="owner"
        label="Owner"
        error={fields.owner}
        hint="The accountable team or person."
      >
        {(control) => <input {...control} type="text" required maxLength={200} defaultValue={system?.owner} />}
      </Field>
      <Field id={`${prefix}-lifecycle`} name="lifecycle" label="Lifecycle" error={fields.lifecycle}>
        {(control) => (
          <select {...control} defaultValue={system?.lifecycle ?? "development"}>
            {LIFECYCLES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Saving…" : editing ? "Save" : "Register AI system"}
      </button>
      <p role="status" className="form-status">
        {done}
      </p>
    </FormPanel>
  );
}
