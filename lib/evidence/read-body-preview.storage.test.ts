import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../orgs/create-organization.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { seedTestEvidence } from "../testing/seed-test-evidence.ts";
import { PREVIEW_BYTES, readBodyPreview } from "./read-body-preview.ts";

let t: TestDatabase;
let orgId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  orgId = (await createOrganization(t.db.prisma, { kind: "cli" }, { slug: "acme" })).id;
});
afterAll(async () => t.drop());

// The preview is cut by the database (raw SQL), so it runs on both stores.
describe(`readBodyPreview (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("reads the start of a large body and the whole of a small one", async () => {
    const big = "x".repeat(PREVIEW_BYTES + 10);
    const bigId = await seedTestEvidence(t.db.prisma, { orgId, receivedAt: new Date(), body: big });
    expect(await readBodyPreview(t.db.prisma, orgId, bigId, big.length)).toEqual({
      text: "x".repeat(PREVIEW_BYTES),
      truncated: true,
    });
    const smallId = await seedTestEvidence(t.db.prisma, { orgId, receivedAt: new Date(), body: '{"a":"é"}' });
    expect(await readBodyPreview(t.db.prisma, orgId, smallId, 10)).toEqual({ text: '{"a":"é"}', truncated: false });
  });
});
