"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { groupIssuesByField } from "@/lib/ui/group-issues-by-field.ts";
import type { ApiResult } from "./api-request.ts";
import { useHydrated } from "./use-hydrated.ts";

export interface ApiForm {
  busy: boolean;
  /** The form-level message (role="alert"), or null. */
  error: string | null;
  /** Field name -> message, from the API's `issues`. */
  fields: Record<string, string>;
  /** False until the page's JavaScript runs: submit buttons stay disabled so no native GET can leak a password. */
  hydrated: boolean;
  /**
   * Sends the form through `send`; on failure shows the API's field errors (or its message), on success
   * resets the form (unless `reset: false`, for edit forms), refreshes the server components and returns the response data.
   */
  submit<T>(
    form: HTMLFormElement,
    send: (data: FormData) => Promise<ApiResult<T>>,
    options?: { reset?: boolean },
  ): Promise<T | null>;
}

/** The state every API-backed form shares. `failureMessage` is shown when the API names bad fields. */
export function useApiForm(failureMessage: string): ApiForm {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit<T>(
    form: HTMLFormElement,
    send: (data: FormData) => Promise<ApiResult<T>>,
    options: { reset?: boolean } = {},
  ): Promise<T | null> {
    setBusy(true);
    setError(null);
    setFields({});
    const result = await send(new FormData(form));
    setBusy(false);
    if (!result.ok) {
      setFields(groupIssuesByField(result.issues));
      setError(result.issues.length > 0 ? failureMessage : result.message);
      return null;
    }
    if (options.reset !== false) form.reset();
    router.refresh();
    return result.data;
  }

  return { busy, error, fields, hydrated, submit };
}
