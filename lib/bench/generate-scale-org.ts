import type { OrgContext } from "../auth/actor.ts";
import type { PrismaClient } from "../db/db-types.ts";
import { getEvidenceRules } from "../ingest/get-evidence-rules.ts";
import { createOrganization } from "../orgs/create-organization.ts";
import { classifySystem } from "../systems/classify-system.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";

export interface ScaleOrg {
  ctx: OrgContext;
  systemIds: string[];
  evidence: number;
  findings: number;
  links: number;
}

const CHUNK = 100_000;
/** Evidence is spread back in time this far, one piece every SPACING_S seconds per organization. */
const SPACING_S = 15;

/**
 * Benchmark fixture: an organization of `systems` classified AI systems over the synced catalogs and
 * `evidence` pieces of evidence, written with SQL (generate_series, 100,000 at a time) as ingestion and
 * the mapper would have written them: piece i is about system i mod systems, from the source of rule
 * (i / systems) mod rules, about one of four models of its system, every SPACING_S seconds back in time (so older ones have expired), with three
 * findings: one the rule matches (failing one time in seven), linked to every requirement of the rule
 * with its freshness, and two `info` findings no rule maps (latency and usage, as gateway logs carry).
 * Not logged in the tamper-evident log: the benchmarks read readiness and pages, not proofs.
 */
export async function generateScaleOrg(
  prisma: PrismaClient,
  options: { slug: string; systems: number; evidence: number; onProgress?: (done: number) => void },
): Promise<ScaleOrg> {
  const org = await createOrganization(prisma, { kind: "cli" }, { slug: options.slug, name: `Scale ${options.slug}` });
  const ctx: OrgContext = {
    org: { id: org.id, slug: org.slug, name: org.name },
    actor: { kind: "cli" },
    role: "admin",
  };
  const systemIds: string[] = [];
  for (let i = 1; i <= options.systems; i += 1) {
    const system = await createAiSystem(prisma, ctx, {
      name: `Scale system ${String(i).padStart(3, "0")}`,
      purpose: "A system of the scale benchmark.",
      owner: "Bench",
      lifecycle: "production",
    });
    await classifySystem(prisma, ctx, system.id, {
      operatorRoles: ["provider", "deployer"],
      answers: { isAiSystem: true, interactsWithPersons: true },
    });
    systemIds.push(system.id);
  }
  const rules = getEvidenceRules();
  const ruleArgs = [
    rules.map((_, i) => i),
    rules.map((r) => r.match.checks[0] ?? "unknown"),
    rules.map((r) => r.match.sources?.[0] ?? "standard-webhooks"),
    rules.map((r) => r.freshnessDays),
    rules.map((r) => r.id),
  ];
  const pairs = rules.flatMap((r, i) => r.requirements.map((req) => [i, req] as const));
  for (let from = 0; from < options.evidence; from += CHUNK) {
    const to = Math.min(options.evidence, from + CHUNK) - 1;
    const keys = Array.from({ length: to - from + 1 }, (_, k) => `scale:${from + k}`);
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO "Evidence" ("id","orgId","systemId","source","eventType","scheme","identity","dedupeKey",
             "contentType","sizeBytes","sha256","body","receivedAt","result")
           SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + i % cardinality($2::uuid[])],
             (SELECT r.src FROM unnest($5::int[], $6::text[]) AS r(n, src) WHERE r.n = (i / cardinality($2::uuid[])) % cardinality($5::int[])),
             'scale', 'standard-webhooks', 'bench:scale', 'scale:' || i, 'application/json', length(b),
             encode(sha256(b), 'hex'), b, now() - make_interval(secs => i * ${SPACING_S}), '{}'::jsonb
           FROM generate_series($3::int, $4::int) i,
             LATERAL (SELECT convert_to('{"type":"scale","run":' || i || '}', 'UTF8') AS b) x`,
          org.id,
          systemIds,
          from,
          to,
          ruleArgs[0],
          ruleArgs[2],
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Finding" ("id","orgId","evidenceId","key","subjectKind","subjectName","check","outcome","title")
           SELECT gen_random_uuid(), e."orgId", e."id", f.key, 'model',
             'model-' || ((split_part(e."dedupeKey", ':', 2)::int / ($5::int * cardinality($3::int[]))) % 4),
             CASE f.key WHEN 'f0' THEN r.chk ELSE f.key END,
             CASE WHEN f.key <> 'f0' THEN 'info' WHEN split_part(e."dedupeKey", ':', 2)::int % 7 = 0 THEN 'fail' ELSE 'pass' END,
             f.key
           FROM "Evidence" e
           JOIN unnest($3::int[], $4::text[]) AS r(n, chk)
             ON r.n = (split_part(e."dedupeKey", ':', 2)::int / $5::int) % cardinality($3::int[])
           CROSS JOIN (VALUES ('f0'), ('latency'), ('usage')) AS f(key)
           WHERE e."orgId" = $1::uuid AND e."dedupeKey" = ANY($2::text[])`,
          org.id,
          keys,
          ruleArgs[0],
          ruleArgs[1],
          systemIds.length,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ControlLink" ("id","orgId","evidenceId","findingKey","requirementId","ruleId","outcome","expiresAt")
           SELECT gen_random_uuid(), e."orgId", e."id", 'f0', p.req, r.id, f."outcome",
             e."receivedAt" + make_interval(days => r.fresh)
           FROM "Evidence" e
           JOIN unnest($3::int[], $4::text[], $5::int[]) AS r(n, id, fresh)
             ON r.n = (split_part(e."dedupeKey", ':', 2)::int / $8::int) % cardinality($3::int[])
           JOIN unnest($6::int[], $7::text[]) AS p(n, req) ON p.n = r.n
           JOIN "Finding" f ON f."evidenceId" = e."id" AND f."key" = 'f0'
           WHERE e."orgId" = $1::uuid AND e."dedupeKey" = ANY($2::text[])`,
          org.id,
          keys,
          ruleArgs[0],
          ruleArgs[4],
          ruleArgs[3],
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          systemIds.length,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    options.onProgress?.(to + 1);
  }
  const [counts] = await prisma.$queryRawUnsafe<{ evidence: number; findings: number; links: number }[]>(
    `SELECT (SELECT count(*)::int FROM "Evidence" WHERE "orgId" = $1::uuid) AS evidence,
            (SELECT count(*)::int FROM "Finding" WHERE "orgId" = $1::uuid) AS findings,
            (SELECT count(*)::int FROM "ControlLink" WHERE "orgId" = $1::uuid) AS links`,
    org.id,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "Evidence", "Finding", "ControlLink", "SubjectVerdict"`);
  return {
    ctx,
    systemIds,
    evidence: counts?.evidence ?? 0,
    findings: counts?.findings ?? 0,
    links: counts?.links ?? 0,
  };
}
