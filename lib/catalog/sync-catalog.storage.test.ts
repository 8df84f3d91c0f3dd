import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { demoCatalogFiles, demoFramework, demoRequirement } from "../testing/demo-catalog.ts";
import { checkCatalog } from "./check-catalog.ts";
import { syncCatalog } from "./sync-catalog.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe(`syncCatalog (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("writes the catalog by stable id, skips unchanged files, rewrites changed ones, and refuses a broken catalog", async () => {
    const first = checkCatalog(demoCatalogFiles());
    const r1 = await syncCatalog(t.db.prisma, first.catalog, first.problems);
    expect(r1).toMatchObject({ updated: ["demo-act", "demo-std"], unchanged: [], requirements: 4, mappingEdges: 1 });
    const row = await t.db.prisma.requirement.findUniqueOrThrow({ where: { id: "demo-act:art-1-1" } });
    expect(row).toMatchObject({
      frameworkId: "demo-act",
      parentId: "demo-act:art-1",
      roles: ["deployer"],
      scope: ["high-risk-annex-iii"],
    });
    expect(row.appliesFrom?.toISOString().slice(0, 10)).toBe("2027-12-02");

    const again = await syncCatalog(t.db.prisma, first.catalog);
    expect(again).toMatchObject({ updated: [], unchanged: ["demo-act", "demo-std"], mappingEdges: 0 });
    expect(await t.db.prisma.auditEntry.count({ where: { action: "catalog.sync" } })).toBe(1);

    const renamed = { ...demoRequirement, title: "Keep the logs for six months" };
    const changed = checkCatalog(
      demoCatalogFiles({ "frameworks/demo-act.yaml": { ...demoFramework, nodes: [demoFramework.nodes[0], renamed] } }),
    );
    const r3 = await syncCatalog(t.db.prisma, changed.catalog);
    expect(r3).toMatchObject({ updated: ["demo-act"], unchanged: ["demo-std"] });
    expect((await t.db.prisma.requirement.findUniqueOrThrow({ where: { id: "demo-act:art-1-1" } })).title).toBe(
      "Keep the logs for six months",
    );
    expect(await t.db.prisma.requirement.count()).toBe(4);

    const broken = checkCatalog(
      demoCatalogFiles({ "frameworks/demo-act.yaml": { ...demoFramework, nodes: [demoRequirement] } }),
    );
    expect(broken.problems.length).toBeGreaterThan(0);
    await expect(syncCatalog(t.db.prisma, broken.catalog, broken.problems)).rejects.toThrow(/problem/);
    expect((await t.db.prisma.requirement.findUniqueOrThrow({ where: { id: "demo-act:art-1-1" } })).title).toBe(
      "Keep the logs for six months",
    );
  });
});
