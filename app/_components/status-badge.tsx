import type { ReadinessStatus, Stage } from "@/lib/scoring/scoring-types.ts";
import { STAGE_LABEL, STATUS_LABEL } from "@/lib/ui/status-labels.ts";

/**
 * A readiness status as a badge: its name in words and its colour (app/_styles/readiness.css), so the
 * colour is never the only cue. `prefix` adds hidden context for screen readers ("Status:").
 */
export function StatusBadge({ status, prefix }: { status: ReadinessStatus; prefix?: string }) {
  return (
    <span className={`badge status-badge status-${status}`}>
      {prefix ? <span className="visually-hidden">{prefix} </span> : null}
      {STATUS_LABEL[status]}
    </span>
  );
}

/** A Zero Trust maturity stage (CISA ZTMM) as a badge. */
export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`badge status-badge stage-${stage}`}>{STAGE_LABEL[stage]}</span>;
}
