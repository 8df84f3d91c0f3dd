"use client";

import type { EvidenceLink } from "@/lib/evidence/list-evidence-links.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { Field } from "@/app/_components/field.tsx";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { useState } from "react";

interface Props {
  orgSlug: string;
  evidenceId: string;
  findings: { key: string; title: string; outcome: string }[];
}

/** Links the evidence (or one finding) to a requirement by hand, with a justification (admin, compliance). */
export function LinkRequirementForm({ orgSlug, evidenceId, findings }: Props) {
  const form = useApiForm("The link was not made: check the fields marked below.");
  const { fields } = form;
  const [done, setDone] = useState<string | null>(null);

  async function submit(element: HTMLFormElement) {
    setDone(null);
    const link = await form.submit(element, (data) => {
      const findingKey = formText(data, "findingKey");
      return apiRequest<EvidenceLink>(
        "POST",
        `/api/v1/orgs/${encodeURIComponent(orgSlug)}/evidence/${encodeURIComponent(evidenceId)}/links`,
        {
          requirementId: formText(data, "requirementId").trim(),
          justification: formText(data, "justification"),
          ...(findingKey ? { findingKey } : {}),
        },
      );
    });
    if (link) setDone(`Linked to ${link.requirement?.ref ?? link.requirementId}.`);
  }

  return (
    <FormPanel id="link-requirement" title="Link to a requirement" error={form.error} onSubmit={(f) => void submit(f)}>
      <Field
        id="link-requirement-id"
        name="requirementId"
        label="Requirement id"
        error={fields.requirementId}
        hint="An assessable requirement of the catalog, e.g. eu-ai-act:art-26-6 (see Controls)."
      >
        {(control) => <input {...control} type="text" required maxLength={200} spellCheck={false} autoComplete="off" />}
      </Field>
      <Field
        id="link-justification"
        name="justification"
        label="Justification"
        error={fields.justification}
        hint="Why this evidence supports the requirement; at least 10 characters. It is kept with the link and in the audit log."
      >
        {(control) => <textarea {...control} required minLength={10} maxLength={2000} />}
      </Field>
      {findings.length > 0 ? (
        <Field
          id="link-finding"
          name="findingKey"
          label="Finding"
          error={fields.findingKey}
          hint="Optional: link one finding; the link then takes its outcome."
        >
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">The whole evidence</option>
              {findings.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.title} ({f.outcome})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Linking…" : "Link to requirement"}
      </button>
      <p role="status" className="form-status">
        {done}
      </p>
    </FormPanel>
  );
}
