const TONE: Record<string, string> = {
  planned: "badge-info",
  development: "badge-warning",
  production: "badge-success",
  retired: "",
};

/** An AI system's lifecycle stage as a badge. */
export function LifecycleBadge({ lifecycle }: { lifecycle: string }) {
  return <span className={`badge ${TONE[lifecycle] ?? ""}`.trim()}>{lifecycle}</span>;
}
