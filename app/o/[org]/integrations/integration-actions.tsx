"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IngestResponse } from "@/lib/ingest/ingest-types.ts";
import type { CreatedIntegration } from "@/lib/integrations/create-integration.ts";
import { formatDateTime } from "@/lib/ui/format-date-time.ts";
import { apiRequest, type ApiResult } from "@/app/_components/api-request.ts";
import { useHydrated } from "@/app/_components/use-hydrated.ts";
import { CreatedIntegrationNotice } from "./created-integration.tsx";

interface Props {
  orgSlug: string;
  integration: { id: string; name: string; scheme: string; disabled: boolean };
}

type Rotated = CreatedIntegration & { previousValidUntil: string };

/**
 * What admins and engineers can do with an integration: rotate its secret with an overlap window
 * (the new one is shown once), disable or enable it, and send a test delivery through the pipeline.
 */
export function IntegrationActions({ orgSlug, integration }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; evidenceId?: string } | null>(null);
  const [overlap, setOverlap] = useState("24");
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/integrations/${encodeURIComponent(integration.id)}`;
  const prefix = `integration-${integration.id}`;

  async function run<T>(send: () => Promise<ApiResult<T>>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    const result = await send();
    setBusy(false);
    if (!result.ok) {
      setError(
        result.issues.length > 0 ? result.issues.map((i) => `${i.field} ${i.message}`).join("; ") : result.message,
      );
      return null;
    }
    router.refresh();
    return result.data;
  }

  async function rotate() {
    const hours = overlap.trim() === "" ? 24 : Number(overlap);
    if (!Number.isInteger(hours) || hours < 0 || hours > 720) {
      setError("Overlap must be a whole number of hours from 0 to 720.");
      return;
    }
    setRotated(null);
    const data = await run(() => apiRequest<Rotated>("POST", `${base}/rotate`, { overlapHours: hours }));
    if (data) setRotated(data);
  }

  async function toggle() {
    if (
      !integration.disabled &&
      !window.confirm(`Disable “${integration.name}”? Every delivery to it is refused until it is enabled again.`)
    )
      return;
    const data = await run(() => apiRequest("PATCH", base, { disabled: !integration.disabled }));
    if (data) setStatus({ text: integration.disabled ? "Enabled." : "Disabled." });
  }

  async function sendTest() {
    const data = await run(() => apiRequest<IngestResponse>("POST", `${base}/test-delivery`, {}));
    if (data) setStatus({ text: "Test delivery accepted.", evidenceId: data.evidenceId });
  }

  const canRotate = integration.scheme !== "ci-oidc";
  return (
    <div className="stack">
      <div className="inline-form">
        {canRotate ? (
          <div className="field">
            <label htmlFor={`${prefix}-overlap`}>Old secret keeps working for (hours)</label>
            <input
              id={`${prefix}-overlap`}
              type="number"
              min={0}
              max={720}
              step={1}
              inputMode="numeric"
              value={overlap}
              onChange={(e) => setOverlap(e.currentTarget.value)}
            />
          </div>
        ) : null}
        <div className="inline-controls">
          {canRotate ? (
            <button type="button" className="secondary" disabled={busy || !hydrated} onClick={() => void rotate()}>
              Rotate secret<span className="visually-hidden"> of {integration.name}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="secondary"
            disabled={busy || !hydrated || integration.disabled}
            onClick={() => void sendTest()}
          >
            Send test delivery<span className="visually-hidden"> to {integration.name}</span>
          </button>
          <button
            type="button"
            className={integration.disabled ? "secondary" : "danger"}
            disabled={busy || !hydrated}
            onClick={() => void toggle()}
          >
            {integration.disabled ? "Enable" : "Disable"}
            <span className="visually-hidden"> {integration.name}</span>
          </button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <p role="status" className="form-status">
        {status ? (
          <>
            {status.text}{" "}
            {status.evidenceId ? (
              <Link href={`/o/${encodeURIComponent(orgSlug)}/evidence/${status.evidenceId}`}>Open the evidence</Link>
            ) : null}
          </>
        ) : null}
      </p>
      {rotated ? (
        <CreatedIntegrationNotice
          created={rotated}
          idPrefix={`${prefix}-rotated`}
          note={`New secret issued. The previous one keeps verifying until ${formatDateTime(rotated.previousValidUntil)}.`}
          onDismiss={() => setRotated(null)}
        />
      ) : null}
    </div>
  );
}
