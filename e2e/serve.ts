// Starts the production build for the Playwright tests on a fresh PostgreSQL database holding the
// fixture: org `acme` (one member per role), org `globex` (its admin, and admin@acme.test as ciso),
// AI systems in both, and the demo organization `demo` with admin@acme.test (admin) and
// compliance@acme.test (compliance) as members. Run by playwright.config.ts; e2e/global-teardown.ts drops the database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createMember } from "../lib/members/create-member.ts";
import { createAiSystem } from "../lib/systems/create-ai-system.ts";
import { syncCatalogFromDisk } from "../lib/catalog/sync-catalog-from-disk.ts";
import { resolveOrgContext } from "../lib/orgs/resolve-org-context.ts";
import { seedDemo } from "../lib/seed/seed-demo.ts";
import { getConfig } from "../lib/config/get-config.ts";
import { getDatabase } from "../lib/db/get-database.ts";
import { startServer } from "../lib/server/start-server.ts";
import { seedAuthzFixture, FIXTURE_PASSWORD } from "../lib/testing/seed-authz-fixture.ts";
import { testServerUrl } from "../lib/testing/test-server-url.ts";

const port = process.env.E2E_PORT ?? "3100";
const name = `assay_e2e_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: testServerUrl("postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();

process.env.DATABASE_URL = testServerUrl(name);
process.env.PORT = port;
process.env.HOST = "127.0.0.1";
process.env.ASSAY_URL = `http://127.0.0.1:${port}`;
process.env.ASSAY_SECRET ??= randomBytes(32).toString("base64url");

const db = await getDatabase();
await syncCatalogFromDisk(db.prisma);
const f = await seedAuthzFixture(db.prisma);
await createMember(db.prisma, f.globex, { email: "admin@acme.test", role: "ciso", password: FIXTURE_PASSWORD });
await createAiSystem(db.prisma, f.acme, {
  name: "Credit scoring model",
  purpose: "Scores loan applications.",
  owner: "Risk",
  lifecycle: "production",
});
// The demo organization (evidence, a waiver, obligations now and later), with two acme people in it.
await seedDemo(db.prisma);
const demo = await resolveOrgContext(db.prisma, { kind: "cli" }, "demo");
for (const role of ["admin", "compliance"] as const) {
  await db.prisma.membership.create({ data: { orgId: demo.org.id, userId: f.members[role].userId, role } });
}
await startServer(getConfig());
process.stderr.write(`e2e server on ${process.env.ASSAY_URL} (database ${name})\n`);
