"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/app/_components/api-request.ts";

/** Revokes a token after asking; anything using it fails from its next request. */
export function RevokeTokenButton({
  orgSlug,
  tokenId,
  tokenName,
}: {
  orgSlug: string;
  tokenId: string;
  tokenName: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!window.confirm(`Revoke the token "${tokenName}"? Anything using it stops working on its next request.`))
      return;
    setBusy(true);
    setError(null);
    const result = await apiRequest(
      "DELETE",
      `/api/v1/orgs/${encodeURIComponent(orgSlug)}/tokens/${encodeURIComponent(tokenId)}`,
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  return (
    <div className="inline-controls">
      <button type="button" className="danger small" disabled={busy} onClick={() => void revoke()}>
        Revoke<span className="visually-hidden"> {tokenName}</span>
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
