export interface BenchRow {
  benchmark: string;
  figure: string;
  target: string;
  baseline: string;
  /** The figure over the baseline measured in the same run (a rate over a rate, a time over a time). */
  ratio: number;
  /** Whether the target is reached (null: no target). */
  met: boolean | null;
}

/** The benchmark table as Markdown (printed by `npm run bench`, pasted into the README). */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const header = ["benchmark", "figure", "target", "baseline (same run)", "ratio", "target met"];
  const lines = rows.map((r) => [
    r.benchmark,
    r.figure,
    r.target,
    r.baseline,
    r.ratio.toFixed(2),
    r.met === null ? "—" : r.met ? "yes" : "**no**",
  ]);
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [row(header), row(header.map(() => "---")), ...lines.map(row)].join("\n");
}
