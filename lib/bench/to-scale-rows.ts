import type { ScaleResult } from "./bench-scale.ts";
import type { BenchRow } from "./format-bench-table.ts";

/** Pure: the table rows of the scale benchmark (recomputations and pages), each beside its target. */
export function toScaleRows(scale: ScaleResult): BenchRow[] {
  const { counts } = scale;
  const data = `${counts.systems} systems, ${counts.evidence.toLocaleString("en")} evidence / ${counts.findings.toLocaleString("en")} findings`;
  const pass = `one pass over the findings in PostgreSQL ${(scale.findingsPass.seconds * 1000).toFixed(0)} ms`;
  const seqScans = Object.values(scale.seqScans).reduce((a, b) => a + b, 0);
  return [
    {
      benchmark: `readiness recomputation, full (${data})`,
      figure: `${scale.full.seconds.toFixed(2)} s, peak RSS ${scale.full.peakMiB.toFixed(0)} MiB`,
      target: "< 5 s, memory stated",
      baseline: pass,
      ratio: scale.full.seconds / scale.findingsPass.seconds,
      met: scale.full.seconds < 5,
    },
    {
      benchmark: "readiness recomputation after one new piece of evidence",
      figure: `${(scale.oneMore.seconds * 1000).toFixed(0)} ms (a full pass), peak RSS ${scale.oneMore.peakMiB.toFixed(0)} MiB`,
      target: "< 50 ms, incremental",
      baseline: pass,
      ratio: scale.oneMore.seconds / scale.findingsPass.seconds,
      met: scale.oneMore.seconds < 0.05,
    },
    ...scale.pages.map((page) => ({
      benchmark: `${page.name}, ${counts.systems} systems`,
      figure: `p95 ${page.p95.toFixed(0)} ms (p50 ${page.p50.toFixed(0)} ms, ${page.requests} requests); ${seqScans} sequential scans over evidence`,
      target: "p95 < 150 ms, no sequential scan over evidence",
      baseline: `health endpoint p95 ${scale.health.p95.toFixed(1)} ms`,
      ratio: page.p95 / scale.health.p95,
      met: page.p95 < 150 && seqScans === 0,
    })),
  ];
}
