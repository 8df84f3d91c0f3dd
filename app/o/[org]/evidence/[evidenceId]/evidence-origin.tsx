import Link from "next/link";
import { Fragment } from "react";
import type { EvidenceDetail } from "@/lib/evidence/get-evidence.ts";
import { formatBytes } from "@/lib/ui/format-bytes.ts";
import { sourceLabel } from "@/lib/ui/source-labels.ts";
import { CopyButton } from "@/app/_components/copy-button.tsx";

function Time({ iso }: { iso: string | null }) {
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{iso.replace("T", " ").replace("Z", " UTC")}</time>;
}

/** Where the evidence came from and how that was verified, and what exactly was received. */
export function EvidenceOrigin({ orgSlug, e }: { orgSlug: string; e: EvidenceDetail }) {
  return (
    <section className="panel" aria-labelledby="origin-heading">
      <h2 id="origin-heading">Verified origin</h2>
      <dl className="details">
        <dt>Sent by</dt>
        <dd>
          {e.integration ? (
            <>
              Integration <Link href={`/o/${encodeURIComponent(orgSlug)}/integrations`}>{e.integration.name}</Link>
            </>
          ) : e.apiToken ? (
            <>
              API token {e.apiToken.name} (<code>{e.apiToken.prefix}…</code>)
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>Source</dt>
        <dd>{sourceLabel(e.source)}</dd>
        <dt>Verified with</dt>
        <dd>
          <code>{e.scheme}</code>
        </dd>
        <dt>Identity</dt>
        <dd>
          <code>{e.identity}</code>
        </dd>
        <dt>Delivery id</dt>
        <dd>{e.deliveryId ? <code>{e.deliveryId}</code> : "—"}</dd>
        <dt>AI system</dt>
        <dd>
          {e.system ? (
            <Link href={`/o/${encodeURIComponent(orgSlug)}/systems/${e.system.id}`}>{e.system.name}</Link>
          ) : (
            "—"
          )}
        </dd>
        <dt>Received</dt>
        <dd>
          <Time iso={e.receivedAt} />
        </dd>
        <dt>Effective</dt>
        <dd>
          <Time iso={e.effectiveAt} />
        </dd>
        <dt>Content type</dt>
        <dd>
          <code>{e.contentType}</code>
        </dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(e.sizeBytes)} ({e.sizeBytes.toLocaleString("en")} bytes)
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <span className="inline-controls">
            <code className="hash">{e.sha256}</code>
            <CopyButton value={e.sha256} label="SHA-256" />
          </span>
        </dd>
      </dl>
      {Object.keys(e.headers).length > 0 ? (
        <>
          <h3>Headers</h3>
          <p className="muted">Only headers that describe the content are kept; credentials never are.</p>
          <dl className="details">
            {Object.entries(e.headers).map(([name, value]) => (
              <Fragment key={name}>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>
                  <code>{value}</code>
                </dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
