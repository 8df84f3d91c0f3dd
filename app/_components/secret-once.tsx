"use client";

import { useState, type ReactNode } from "react";

interface SecretOnceProps {
  id: string;
  /** Accessible label of the read-only field holding the secret, e.g. "Temporary password". */
  label: string;
  secret: string;
  children?: ReactNode;
  /** How Assay stores it, after "you will not see it again". */
  kept?: string;
  onDismiss: () => void;
}

/**
 * A secret the server returns once (a temporary password, a new API token): shown in a read-only field
 * with a copy button and a clear warning. It lives only in client state, so it is gone after a reload.
 */
export function SecretOnce({
  id,
  label,
  secret,
  children,
  kept = "Assay keeps only a hash of it.",
  onDismiss,
}: SecretOnceProps) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="secret" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{label}</h3>
      {children}
      <p>
        <strong>Copy it now: you will not see it again.</strong> {kept}
      </p>
      <div className="secret-row">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          type="text"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" className="form-status">
        {copied === "copied"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Copying failed: select the text and copy it by hand."
            : ""}
      </p>
      <button type="button" className="secondary small" onClick={onDismiss}>
        Done, hide it
      </button>
    </section>
  );
}
