// The scale benchmark's data and recomputations, run as its own process (its peak memory is its own)
// on the database in DATABASE_URL: generates the organization (generateScaleOrg), times a full
// readiness recomputation and one after a single new piece of evidence, and makes an admin session for
// the page measurements. Prints one JSON line.
import { randomUUID } from "node:crypto";
import { createSession } from "../auth/create-session.ts";
import { syncCatalogFromDisk } from "../catalog/sync-catalog-from-disk.ts";
import { closeDatabase } from "../db/close-database.ts";
import { getDatabase } from "../db/get-database.ts";
import { recomputeReadiness } from "../readiness/recompute-readiness.ts";
import { generateScaleOrg } from "./generate-scale-org.ts";
import { measurePeak } from "./measure-peak.ts";

const { systems, evidence } = JSON.parse(process.argv[2] ?? "{}") as { systems: number; evidence: number };
const log = (m: string) => process.stderr.write(`bench: scale: ${m}\n`);

const db = await getDatabase();
await syncCatalogFromDisk(db.prisma);
const generation = await measurePeak(() =>
  generateScaleOrg(db.prisma, {
    slug: "scale",
    systems,
    evidence,
    onProgress: (done) => log(`${done} of ${evidence} pieces of evidence written`),
  }),
);
const org = generation.value;
const verdicts = await db.prisma.subjectVerdict.count({ where: { orgId: org.ctx.org.id } });
log(
  `generated in ${generation.seconds.toFixed(0)} s: ${org.findings} findings, ${org.links} links, ${verdicts} subject verdicts`,
);

const findingsPass = await measurePeak(() =>
  db.prisma.$queryRawUnsafe(`SELECT count(*) FROM "Finding" WHERE "orgId" = $1::uuid`, org.ctx.org.id),
);
const full = await measurePeak(() => recomputeReadiness(db.prisma, org.ctx.org.id, "manual"));

// One new piece of evidence about the first system, with a failing finding its rule maps.
const systemId = org.systemIds[0] ?? "";
const newId = randomUUID();
const link = await db.prisma.controlLink.findFirstOrThrow({
  where: { orgId: org.ctx.org.id, evidence: { systemId } },
  select: { requirementId: true, ruleId: true, evidence: { select: { source: true } } },
});
const oneMore = await measurePeak(async () => {
  await db.prisma.$transaction(async (tx) => {
    await tx.evidence.create({
      data: {
        id: newId,
        orgId: org.ctx.org.id,
        systemId,
        source: link.evidence.source,
        eventType: "scale",
        scheme: "standard-webhooks",
        identity: "bench:scale",
        dedupeKey: `scale:new:${newId}`,
        contentType: "application/json",
        sizeBytes: 2,
        sha256: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        body: new Uint8Array([123, 125]),
        result: {},
      },
    });
    await tx.finding.create({
      data: {
        orgId: org.ctx.org.id,
        evidenceId: newId,
        key: "f0",
        subjectKind: "model",
        subjectName: "model-new",
        check: "new",
        outcome: "fail",
        title: "f0",
      },
    });
    await tx.controlLink.create({
      data: {
        orgId: org.ctx.org.id,
        evidenceId: newId,
        findingKey: "f0",
        requirementId: link.requirementId,
        ruleId: link.ruleId,
        outcome: "fail",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
  });
  return recomputeReadiness(db.prisma, org.ctx.org.id, "evidence");
});

const user = await db.prisma.user.create({ data: { email: "bench@scale.invalid", name: "Bench" } });
await db.prisma.membership.create({ data: { orgId: org.ctx.org.id, userId: user.id, role: "admin" } });
const session = await createSession(db.prisma, user.id, { ASSAY_SESSION_MAX_HOURS: 12 });
await closeDatabase();

process.stdout.write(
  `${JSON.stringify({
    slug: org.ctx.org.slug,
    systemId,
    token: session.token,
    counts: { systems, evidence: org.evidence, findings: org.findings, links: org.links, verdicts },
    generation: { seconds: generation.seconds },
    findingsPass: { seconds: findingsPass.seconds },
    full: { seconds: full.seconds, peakMiB: full.peakMiB, startMiB: full.startMiB, stored: full.value.stored },
    oneMore: { seconds: oneMore.seconds, peakMiB: oneMore.peakMiB, stored: oneMore.value.stored },
  })}\n`,
);
