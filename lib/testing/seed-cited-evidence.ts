import type { PrismaClient } from "../db/db-types.ts";
import { logInsertedEvidence } from "./log-inserted-evidence.ts";

/**
 * Bulk fixture for scale tests and benchmarks: for each (system, requirement) pair, `perPair` stored
 * evidence bodies of about `bodyBytes` (JSON, distinct per file), inserted with one SQL statement as
 * the ingest path would have stored them, linked to the requirement by hand (a hand-made link counts for
 * every expectation), and logged. Returns how many files were stored.
 */
export async function seedCitedEvidence(
  prisma: PrismaClient,
  orgId: string,
  pairs: readonly (readonly [string, string])[],
  options: { perPair: number; bodyBytes: number; tag: string },
): Promise<number> {
  const { perPair, bodyBytes, tag } = options;
  await prisma.$executeRawUnsafe(
    `WITH pairs AS (SELECT * FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS p(sys, req, n)),
     ev AS (
       INSERT INTO "Evidence" ("id","orgId","systemId","source","eventType","scheme","identity","dedupeKey","contentType",
         "sizeBytes","sha256","body","receivedAt","result")
       SELECT gen_random_uuid(), $1::uuid, p.sys, 'promptfoo', 'upload', 'api-token', 'token:' || $4,
         $4 || ':' || p.n || ':' || k, 'application/json', length(b), encode(sha256(b), 'hex'), b,
         now() - interval '1 hour', '{}'::jsonb
       FROM pairs p, generate_series(1, ${perPair}) k,
         LATERAL (SELECT convert_to(json_build_object('pair', p.n, 'run', k, 'pad',
           substr(repeat(md5(p.n::text || ':' || k) || md5(k::text), ${Math.floor(bodyBytes / 64) + 1}), 1, ${bodyBytes - 48}))::text, 'UTF8') AS b) x
       RETURNING "id", "dedupeKey")
     INSERT INTO "ControlLink" ("id","orgId","evidenceId","requirementId","outcome","justification")
     SELECT gen_random_uuid(), $1::uuid, ev."id", p.req, 'pass', $4 || ' fixture'
     FROM ev JOIN pairs p ON split_part(ev."dedupeKey", ':', 2)::int = p.n`,
    orgId,
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
    tag,
  );
  return logInsertedEvidence(prisma, orgId);
}
