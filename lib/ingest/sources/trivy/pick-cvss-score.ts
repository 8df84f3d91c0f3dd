/**
 * The highest CVSS base score a Trivy vulnerability states across its sources (`CVSS.<source>.V3Score`,
 * else `V2Score`; e.g. `nvd`, `redhat`, `ghsa`), or null when it states none.
 */
export function pickCvssScore(cvss: Record<string, unknown> | null | undefined): number | null {
  let best: number | null = null;
  for (const entry of Object.values(cvss ?? {})) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) continue;
    const scores = entry as Record<string, unknown>;
    const score = typeof scores.V3Score === "number" ? scores.V3Score : scores.V2Score;
    if (typeof score === "number" && Number.isFinite(score) && (best === null || score > best)) best = score;
  }
  return best;
}
