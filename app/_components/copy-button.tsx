"use client";

import { useState } from "react";
import { useHydrated } from "./use-hydrated.ts";

/**
 * Copies a value (an ingest URL, a hash) to the clipboard. Its accessible name says what it copies;
 * the outcome is announced in a status region next to it.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-controls">
      <button type="button" className="secondary small" disabled={!hydrated} onClick={() => void copy()}>
        Copy<span className="visually-hidden"> {label}</span>
      </button>
      <span role="status" className="form-status">
        {state === "copied" ? "Copied." : state === "failed" ? "Copying failed: select the text and copy it." : ""}
      </span>
    </span>
  );
}
