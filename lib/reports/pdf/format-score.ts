/** A score as the report prints it: one decimal and a percent sign, or "n/a" when nothing counts. */
export function formatScore(score: number | null): string {
  return score === null ? "n/a" : `${score.toFixed(1)}%`;
}
