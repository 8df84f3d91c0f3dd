import { isRecord } from "../shared/is-record.ts";
import { readNumber } from "../shared/read-number.ts";

/** Pass counts of one probe/detector pair, as an eval record or a digest entry states them. */
export interface GarakEvalCounts {
  probe: string;
  detector: string;
  passed: number;
  total: number | null;
}

/**
 * The probe/detector results of a garak `digest` record (`eval.<group>.<probe>.<detector>`, see garak's
 * `analyze/report_digest.py`), for reports that carry a digest but no eval records. Newer digests state
 * `passed`/`total_evaluated`; older ones only the `absolute_score` (the pass rate, 0..1), which is then
 * expressed over 100 outputs.
 */
export function readDigestCounts(digest: Record<string, unknown>): GarakEvalCounts[] {
  const counts: GarakEvalCounts[] = [];
  const groups = digest.eval;
  if (!isRecord(groups)) return counts;
  for (const group of Object.values(groups)) {
    if (!isRecord(group)) continue;
    for (const [probe, probeEntry] of Object.entries(group)) {
      if (probe === "_summary" || !isRecord(probeEntry)) continue;
      for (const [detector, detectorEntry] of Object.entries(probeEntry)) {
        if (detector === "_summary" || !isRecord(detectorEntry)) continue;
        const passed = readNumber(detectorEntry.passed);
        const total = readNumber(detectorEntry.total_evaluated);
        const score = readNumber(detectorEntry.absolute_score);
        if (passed !== null && total !== null) counts.push({ probe, detector, passed, total });
        else if (score !== null) counts.push({ probe, detector, passed: Math.round(score * 100), total: 100 });
      }
    }
  }
  return counts;
}
