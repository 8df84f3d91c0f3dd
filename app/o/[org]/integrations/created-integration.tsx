"use client";

import type { CreatedIntegration } from "@/lib/integrations/create-integration.ts";
import { SCHEMES, type IntegrationScheme } from "@/lib/integrations/source-schemes.ts";
import { CopyButton } from "@/app/_components/copy-button.tsx";
import { SecretOnce } from "@/app/_components/secret-once.tsx";

const SEALED = "Assay keeps it encrypted to verify signatures and never shows it again.";
const HASHED = "Assay keeps only a hash of it.";

/**
 * What a sender needs, right after creation or rotation: the ingest URL (always visible on the list
 * too) and the secret or token, shown this once.
 */
export function CreatedIntegrationNotice({
  created,
  idPrefix,
  note,
  onDismiss,
}: {
  created: Pick<CreatedIntegration, "name" | "scheme" | "url" | "secret" | "token">;
  idPrefix: string;
  note?: string;
  onDismiss: () => void;
}) {
  const scheme = SCHEMES[created.scheme as IntegrationScheme] as (typeof SCHEMES)[IntegrationScheme] | undefined;
  const material = scheme?.material ?? "token";
  const urlId = `${idPrefix}-url`;
  return (
    <section className="panel panel-note notice" aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`}>Configure “{created.name}” in the sender</h3>
      {note ? <p>{note}</p> : null}
      <div className="field">
        <label htmlFor={urlId}>Ingest URL</label>
        <div className="copy-row">
          <input id={urlId} type="text" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={created.url} label="ingest URL" />
        </div>
        <p className="hint">
          Authenticity is checked with: <code>{scheme?.header ?? created.scheme}</code>
        </p>
      </div>
      {created.secret ? (
        <SecretOnce
          id={`${idPrefix}-secret`}
          label={material === "token" ? "Token" : "Signing secret"}
          secret={created.secret}
          kept={material === "token" ? HASHED : SEALED}
          onDismiss={onDismiss}
        />
      ) : (
        <p>
          No secret: CI jobs of the allowed repositories or projects authenticate with their own short-lived OIDC token.
        </p>
      )}
      {created.token ? (
        <SecretOnce
          id={`${idPrefix}-token`}
          label="Access token"
          secret={created.token}
          kept={HASHED}
          onDismiss={onDismiss}
        />
      ) : null}
      {created.secret ? null : (
        <button type="button" className="secondary small" onClick={onDismiss}>
          Done, hide it
        </button>
      )}
    </section>
  );
}
