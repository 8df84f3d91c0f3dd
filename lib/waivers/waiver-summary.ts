/** A waiver as the API, the CLI and the pages show it. */
export interface WaiverSummary {
  id: string;
  requirementId: string;
  requirementRef: string | null;
  requirementTitle: string | null;
  systemId: string | null;
  systemName: string | null;
  reason: string;
  compensatingControl: string;
  approver: string;
  recordedBy: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** At the time of reading. */
  state: "active" | "expired" | "revoked";
}
