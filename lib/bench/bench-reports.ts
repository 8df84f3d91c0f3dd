import { runJsonChild } from "./run-json-child.ts";

export interface ReportsResult {
  systems: number;
  requirements: number;
  recompute: { seconds: number };
  report: { seconds: number; peakMiB: number; growthMiB: number; bytes: number };
  pack: { files: number; evidence: number; seconds: number; growthMiB: number; bytes: number };
  baseline: { seconds: number; bytes: number };
}

/** Runs lib/bench/bench-reports-child.ts in its own process on `databaseUrl` and returns its figures. */
export function benchReports(databaseUrl: string, plan: { systems: number; files: number }): Promise<ReportsResult> {
  return runJsonChild<ReportsResult>("lib/bench/bench-reports-child.ts", plan, {
    DATABASE_URL: databaseUrl,
    ASSAY_SECRET: "bench-secret-".padEnd(40, "x"),
    LOG_LEVEL: "error",
  });
}
