const TONE: Record<string, string> = {
  pass: "badge-success",
  accepted: "badge-success",
  active: "badge-success",
  fail: "badge-danger",
  rejected: "badge-danger",
  disabled: "badge-danger",
  expired: "",
  error: "badge-warning",
  expiring: "badge-warning",
  info: "badge-info",
};

/** A finding outcome (pass, fail, info, error) or a delivery or secret status as a badge. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`badge ${TONE[outcome] ?? ""}`.trim()}>{outcome}</span>;
}
