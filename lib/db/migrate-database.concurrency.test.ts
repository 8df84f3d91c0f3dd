import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { listMigrations } from "./list-migrations.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { openDatabase, type Database } from "./open-database.ts";

let target: TestDatabase;
const others: Database[] = [];
beforeAll(async () => {
  target = await createTestDatabase({ migrate: false, store: "postgres" });
});
afterAll(async () => {
  for (const db of others) await db.close();
  await target.drop();
});

it("applies each migration exactly once when several processes start at the same time (advisory lock)", async () => {
  for (let i = 0; i < 3; i++) others.push(await openDatabase({ url: target.url }));
  const results = await Promise.all([target.db, ...others].map((db) => db.withConnection((r) => migrateDatabase(r))));
  const appliedCounts = results.map((r) => r.applied.length).sort();
  expect(appliedCounts).toEqual([0, 0, 0, listMigrations().length]);
  const rows = await target.db.withConnection((r) =>
    r.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`),
  );
  expect(rows[0]?.n).toBe(listMigrations().length);
});
