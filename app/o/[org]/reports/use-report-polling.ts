"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ReportSummary } from "@/lib/reports/report-summary.ts";
import { apiRequest } from "@/app/_components/api-request.ts";
import { isFinished, reportUrls } from "./report-stages.ts";

/** Consecutive failed polls (network, 5xx) tolerated before giving up with a message. */
const MAX_FAILURES = 5;

/**
 * Follows a report while the worker produces it: polls `GET …/reports/<id>` every `intervalMs` until it
 * is done or failed, then refreshes the server components once (so the history shows the result).
 * Stops on unmount. Give the component using it `key={report.id}` so a new report starts afresh.
 */
export function useReportPolling(
  orgSlug: string,
  initial: ReportSummary,
  intervalMs: number,
): { report: ReportSummary; pollError: string | null } {
  const router = useRouter();
  const [report, setReport] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const url = reportUrls(orgSlug, initial.id).self;
  const startFinished = isFinished(initial.status);

  useEffect(() => {
    if (startFinished) return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await apiRequest<ReportSummary>("GET", url);
      if (cancelled) return;
      if (result.ok) {
        failures = 0;
        setPollError(null);
        setReport(result.data);
        if (isFinished(result.data.status)) {
          router.refresh();
          return;
        }
      } else {
        failures += 1;
        const fatal = result.status >= 400 && result.status < 500;
        if (fatal || failures >= MAX_FAILURES) {
          setPollError(`Could not follow the report's progress: ${result.message}`);
          return;
        }
      }
      timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [url, intervalMs, startFinished, router]);

  return { report, pollError };
}
