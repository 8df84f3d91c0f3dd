"use client";

import { useState } from "react";
import { SOURCE_KINDS, type SourceKind } from "@/lib/ingest/source-kinds.ts";
import type { CreatedIntegration } from "@/lib/integrations/create-integration.ts";
import { DEFAULT_SCHEME, SCHEMES } from "@/lib/integrations/source-schemes.ts";
import { SOURCE_LABELS } from "@/lib/ui/source-labels.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { Field } from "@/app/_components/field.tsx";
import { FormPanel } from "@/app/_components/form-panel.tsx";
import { formText } from "@/app/_components/form-text.ts";
import { useApiForm } from "@/app/_components/use-api-form.ts";
import { CreatedIntegrationNotice } from "./created-integration.tsx";

const GROUPS = [...new Set(SOURCE_KINDS.map((s) => SOURCE_LABELS[s].group))];

interface Props {
  orgSlug: string;
  systems: { id: string; name: string }[];
}

/**
 * Creates an integration (admin, engineer): a source, how it authenticates (its own scheme, or CI OIDC
 * tokens of allowed repositories), an optional name and AI system. The URL and the secret are shown
 * once afterwards.
 */
export function CreateIntegrationForm({ orgSlug, systems }: Props) {
  const form = useApiForm("The integration was not created: check the fields marked below.");
  const { fields } = form;
  const [source, setSource] = useState<SourceKind>("standard-webhooks");
  const [ciOidc, setCiOidc] = useState(false);
  const [created, setCreated] = useState<CreatedIntegration | null>(null);
  const scheme = ciOidc ? "ci-oidc" : DEFAULT_SCHEME[source];

  async function submit(element: HTMLFormElement) {
    setCreated(null);
    const result = await form.submit(element, (data) => {
      const name = formText(data, "name").trim();
      const systemId = formText(data, "systemId");
      const identities = formText(data, "allowedIdentities")
        .split(/[\s,]+/)
        .filter(Boolean);
      return apiRequest<CreatedIntegration>("POST", `/api/v1/orgs/${encodeURIComponent(orgSlug)}/integrations`, {
        source,
        ...(name ? { name } : {}),
        ...(systemId ? { systemId } : {}),
        ...(ciOidc ? { scheme: "ci-oidc", allowedIdentities: identities } : {}),
      });
    });
    if (result) {
      setCreated(result);
      setSource("standard-webhooks");
      setCiOidc(false);
    }
  }

  return (
    <FormPanel
      id="create-integration"
      title="Add an integration"
      error={form.error}
      onSubmit={(f) => void submit(f)}
      after={
        created ? (
          <CreatedIntegrationNotice
            created={created}
            idPrefix="new-integration"
            note={`Integration “${created.name}” was created.`}
            onDismiss={() => setCreated(null)}
          />
        ) : null
      }
    >
      <Field
        id="integration-source"
        name="source"
        label="Source"
        error={fields.source}
        hint={
          <>
            Authenticates with <code>{SCHEMES[scheme].header}</code> ({scheme}).
          </>
        }
      >
        {(control) => (
          <select {...control} value={source} onChange={(e) => setSource(e.currentTarget.value as SourceKind)}>
            {GROUPS.map((group) => (
              <optgroup key={group} label={group}>
                {SOURCE_KINDS.filter((s) => SOURCE_LABELS[s].group === group).map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_LABELS[s].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <div className="checkbox">
        <input
          id="integration-ci-oidc"
          type="checkbox"
          checked={ciOidc}
          onChange={(e) => setCiOidc(e.currentTarget.checked)}
        />
        <label htmlFor="integration-ci-oidc">
          Upload from CI with the job&apos;s OIDC token (GitHub Actions, GitLab CI) instead of a secret
        </label>
      </div>
      {ciOidc ? (
        <Field
          id="integration-identities"
          name="allowedIdentities"
          label="Allowed repositories"
          error={fields.allowedIdentities ?? fields.scheme}
          hint="One per line: owner/repo on GitHub, group/project on GitLab. Only their CI jobs may upload."
        >
          {(control) => <textarea {...control} required spellCheck={false} />}
        </Field>
      ) : null}
      <Field
        id="integration-name"
        name="name"
        label="Name"
        error={fields.name}
        hint="Optional, unique in the organization, e.g. “MLflow production registry”."
      >
        {(control) => <input {...control} type="text" maxLength={100} autoComplete="off" />}
      </Field>
      <Field
        id="integration-system"
        name="systemId"
        label="AI system"
        error={fields.systemId}
        hint="Optional: evidence from this integration is about this system."
      >
        {(control) => (
          <select {...control} defaultValue="">
            <option value="">None</option>
            {systems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.busy || !form.hydrated}>
        {form.busy ? "Creating…" : "Create integration"}
      </button>
    </FormPanel>
  );
}
