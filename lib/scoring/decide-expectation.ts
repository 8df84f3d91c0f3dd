import type { EvidenceItem, EvidenceRef, ExpectationResult, ExpectationVerdict } from "./scoring-types.ts";
import { toEvidenceRef } from "./to-evidence-ref.ts";

/** At most this many deciding findings are cited per expectation (the rest are in the evidence itself). */
const MAX_CITED = 10;

interface Verdict {
  time: number;
  fails: boolean;
  items: EvidenceItem[];
}

/** The verdict of one piece of evidence about one subject: its latest observation, failing if any finding fails. */
function verdictsBySubject(items: readonly EvidenceItem[]): Map<string, Verdict> {
  const perEvidence = new Map<string, Verdict & { subject: string }>();
  for (const item of items) {
    const key = JSON.stringify([item.subject, item.evidenceId]);
    const v = perEvidence.get(key) ?? { subject: item.subject, time: 0, fails: false, items: [] };
    v.time = Math.max(v.time, item.observedAt.getTime());
    v.fails ||= item.outcome === "fail";
    v.items.push(item);
    perEvidence.set(key, v);
  }
  // Per subject, the latest evidence decides; at the same time a failure outranks a pass.
  const latest = new Map<string, Verdict>();
  for (const v of perEvidence.values()) {
    const current = latest.get(v.subject);
    if (!current || v.time > current.time || (v.time === current.time && v.fails && !current.fails)) {
      latest.set(v.subject, v);
    }
  }
  return latest;
}

function cite(items: readonly EvidenceItem[], fails: boolean): EvidenceRef[] {
  return items
    .filter((i) => (fails ? i.outcome === "fail" : i.outcome === "pass"))
    .slice(0, MAX_CITED)
    .map(toEvidenceRef);
}

/**
 * Pure: the verdict of one expectation of a requirement for one system at `asOf`, from the evidence
 * items that can satisfy it (already narrowed to this requirement, system and rule or hand-made links).
 *
 * - Items received after `asOf`, or removed by then, do not exist yet or any more; info and error
 *   outcomes never decide.
 * - An item is fresh until its expiry. Per subject, the latest fresh piece of evidence decides: a newer
 *   pass supersedes an older failure about the same subject (fixed and re-checked), and a failure
 *   outranks a pass observed at the same time.
 * - failing: some subject's latest fresh result fails; met: at least one passes and none fail;
 *   stale: only expired evidence; missing: none at all.
 */
export function decideExpectation(
  expectation: { id: string; title: string; satisfyWith: ExpectationResult["satisfyWith"] },
  items: readonly EvidenceItem[],
  asOf: Date,
): ExpectationResult {
  const t = asOf.getTime();
  const known = items.filter(
    (i) =>
      i.receivedAt.getTime() <= t &&
      (i.removedAt === null || i.removedAt.getTime() > t) &&
      (i.outcome === "pass" || i.outcome === "fail"),
  );
  const fresh = known.filter((i) => i.expiresAt === null || i.expiresAt.getTime() > t);
  const latest = [...verdictsBySubject(fresh).values()];
  const failing = latest.filter((v) => v.fails);
  let verdict: ExpectationVerdict;
  let decidedBy: EvidenceRef[] = [];
  if (failing.length > 0) {
    verdict = "failing";
    decidedBy = cite(
      failing.flatMap((v) => v.items),
      true,
    );
  } else if (latest.length > 0) {
    verdict = "met";
    decidedBy = cite(
      latest.flatMap((v) => v.items),
      false,
    );
  } else {
    verdict = known.length > 0 ? "stale" : "missing";
  }
  let lastSeen: EvidenceRef | null = null;
  if (verdict === "stale") {
    const newest = known.reduce((a, b) => (b.observedAt.getTime() > a.observedAt.getTime() ? b : a));
    lastSeen = toEvidenceRef(newest);
  }
  return {
    id: expectation.id,
    title: expectation.title,
    verdict,
    decidedBy,
    lastSeen,
    satisfyWith: verdict === "stale" || verdict === "missing" ? expectation.satisfyWith : null,
  };
}
