/** Background job queues (pg-boss). Each is created at start-up with its retry policy. */
export const JOBS = {
  /** Re-parse one piece of evidence and store its findings and rule links. */
  mapEvidence: "evidence.map",
  /** Recompute an organization's readiness (coalesced: one pending job per organization). */
  recomputeReadiness: "readiness.recompute",
  /** Hourly: ask for every organization's recomputation (expiring evidence and waivers, new deadlines). */
  recomputeAll: "readiness.recompute-all",
  /** Build, render and sign one requested report (progress kept on the Report row). */
  generateReport: "report.generate",
  /** Every ten minutes: sign a checkpoint of each organization's log that grew since its last one. */
  checkpointLogs: "audit.checkpoint",
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

export interface MapEvidenceJob {
  evidenceId: string;
  orgId: string;
}

export interface RecomputeReadinessJob {
  orgId: string;
  trigger: string;
}

export interface GenerateReportJob {
  reportId: string;
  orgId: string;
}
