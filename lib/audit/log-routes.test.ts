import { verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database.ts";
import { createAiSystem } from "../systems/create-ai-system.ts";
import { callRoute } from "../testing/call-route.ts";
import { seedAuthzFixture, type AuthzFixture } from "../testing/seed-authz-fixture.ts";
import { useAppDatabase } from "../testing/use-app-database.ts";
import type { LogProof } from "./create-log-proofs.ts";
import { hashLeaf } from "./merkle/hash-leaf.ts";
import { verifyConsistencyProof } from "./merkle/verify-consistency-proof.ts";
import { verifyInclusionProof } from "./merkle/verify-inclusion-proof.ts";
import { writeLogCheckpoint, type LogCheckpointView } from "./write-log-checkpoint.ts";

let db: Database;
let cleanup: () => Promise<void>;
let f: AuthzFixture;
beforeAll(async () => {
  ({ db, cleanup } = await useAppDatabase());
  f = await seedAuthzFixture(db.prisma);
});
afterAll(async () => cleanup());

const get = (template: string, query: Record<string, string> = {}, org = "acme", cookie = f.sessions.engineer) =>
  callRoute({ method: "GET", template, params: { org }, query, as: { cookie } });

describe("log proofs served by the API", () => {
  it("serves the signed checkpoint, inclusion proofs that verify against it, and consistency between checkpoints", async () => {
    const first = await writeLogCheckpoint(db.prisma, f.acme.org.id);
    const served = await get("/api/v1/orgs/[org]/log");
    expect(served.status).toBe(200);
    const cp = served.body as LogCheckpointView;
    expect(cp).toMatchObject({ treeSize: first.treeSize, rootHash: first.rootHash });
    expect(verify(null, Buffer.from(cp.note), cp.publicKey, Buffer.from(cp.signature, "base64"))).toBe(true);

    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { orgId: f.acme.org.id },
      orderBy: { id: "asc" },
    });
    const inc = await get("/api/v1/orgs/[org]/log/inclusion", { entryId: entry.id.toString() });
    expect(inc.status).toBe(200);
    const { proof } = inc.body as { proof: LogProof };
    expect(
      verifyInclusionProof({
        leafHash: hashLeaf(Buffer.from(proof.leafContent)),
        leafIndex: Number(proof.seq),
        treeSize: Number(cp.treeSize),
        proof: proof.auditPath.map((h) => Buffer.from(h, "hex")),
        root: Buffer.from(cp.rootHash, "hex"),
      }),
    ).toEqual({ ok: true });

    await createAiSystem(db.prisma, f.acme, {
      name: "Later",
      purpose: "Grows the log.",
      owner: "Ops",
      lifecycle: "planned",
    });
    const second = await writeLogCheckpoint(db.prisma, f.acme.org.id);
    expect(BigInt(second.treeSize)).toBeGreaterThan(BigInt(first.treeSize));
    const cons = await get("/api/v1/orgs/[org]/log/consistency", { from: first.treeSize });
    expect(cons.status).toBe(200);
    const body = cons.body as { proof: string[]; checkpoint: LogCheckpointView };
    expect(body.checkpoint.treeSize).toBe(second.treeSize);
    const claim = {
      oldSize: Number(first.treeSize),
      newSize: Number(second.treeSize),
      oldRoot: Buffer.from(first.rootHash, "hex"),
      newRoot: Buffer.from(second.rootHash, "hex"),
      proof: body.proof.map((h) => Buffer.from(h, "hex")),
    };
    expect(verifyConsistencyProof(claim)).toEqual({ ok: true });
    expect(verifyConsistencyProof({ ...claim, oldRoot: Buffer.alloc(32) }).ok).toBe(false);
  });

  it("another organization's entry is not found; bad queries name the field", async () => {
    await writeLogCheckpoint(db.prisma, f.globex.org.id);
    const foreign = await db.prisma.auditEntry.findFirstOrThrow({ where: { orgId: f.globex.org.id } });
    expect((await get("/api/v1/orgs/[org]/log/inclusion", { entryId: foreign.id.toString() })).status).toBe(404);
    const both = await get("/api/v1/orgs/[org]/log/inclusion", {
      entryId: "1",
      evidenceId: "00000000-0000-4000-8000-000000000000",
    });
    expect(both.status).toBe(422);
    expect(JSON.stringify(both.body)).toMatch(/exactly one of evidenceId and entryId/);
    const zero = await get("/api/v1/orgs/[org]/log/consistency", { from: "0" });
    expect(zero.status).toBe(422);
    expect(JSON.stringify(zero.body)).toMatch(/from/);
    expect((await get("/api/v1/orgs/[org]/log/consistency", { from: "x" })).status).toBe(422);
    expect((await get("/api/v1/orgs/[org]/log/inclusion", { entryId: "1", extra: "1" })).status).toBe(422);
  });
});
