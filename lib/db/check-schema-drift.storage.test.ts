import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { checkSchemaDrift } from "./check-schema-drift.ts";

const schema = readFileSync("prisma/schema.prisma", "utf8");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe(`schema.prisma vs. the migrated database (${process.env.ASSAY_TEST_STORE ?? "postgres"})`, () => {
  it("agree: tables, columns, types, nullability, defaults, enums and indexes", async () => {
    expect(await t.db.withConnection((r) => checkSchemaDrift(r, schema))).toEqual([]);
  });

  it("fixture: a column added to schema.prisma without a migration is reported", async () => {
    const withExtraColumn = schema.replace(/model AiSystem \{\n/, "model AiSystem {\n  riskNote String?\n");
    expect(withExtraColumn).not.toBe(schema);
    const problems = await t.db.withConnection((r) => checkSchemaDrift(r, withExtraColumn));
    expect(problems).toEqual(["AiSystem.riskNote: in schema.prisma, missing in the database"]);
  });

  it("fixture: nullability, type, index and enum changes without a migration are reported", async () => {
    const changed = schema
      .replace(/(\n {2}purpose +)String\n/, "$1String?\n")
      .replace("  expires_at        Int?\n", "  expires_at        BigInt?\n")
      .replace("  @@index([userId])\n}\n\n/// Database sessions", "}\n\n/// Database sessions")
      .replace("  engineer\n}", "  engineer\n  auditor\n}");
    const problems = await t.db.withConnection((r) => checkSchemaDrift(r, changed));
    expect(problems).toEqual(
      expect.arrayContaining([
        "AiSystem.purpose: NOT NULL in the database, optional in schema.prisma",
        "Account.expires_at: type int4 in the database, int8 in schema.prisma",
        "index Account/Account_userId_idx: in the database, missing in schema.prisma",
        "enum Role: (admin, compliance, ciso, engineer) in the database, (admin, compliance, ciso, engineer, auditor) in schema.prisma",
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("a column added to the database by hand is reported too", async () => {
    await t.db.withConnection((r) => r.exec(`ALTER TABLE "User" ADD COLUMN "shadow" TEXT`));
    try {
      expect(await t.db.withConnection((r) => checkSchemaDrift(r, schema))).toEqual([
        "User.shadow: in the database, missing in schema.prisma",
      ]);
    } finally {
      await t.db.withConnection((r) => r.exec(`ALTER TABLE "User" DROP COLUMN "shadow"`));
    }
  });
});
