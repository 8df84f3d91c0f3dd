import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource URL here. Assay applies migrations with its own runner
// (lib/db/migrate-database.ts), so the CLI only needs this for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/unset" },
});
