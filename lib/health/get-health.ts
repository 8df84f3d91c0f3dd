import type { PrismaClient } from "../db/db-types.ts";
import { getDatabase } from "../db/get-database.ts";

export interface Health {
  status: "ok" | "degraded";
  database: {
    kind: "postgres" | "pglite";
    status: "up" | "down";
    latencyMs: number;
    migrations: number;
    error?: string;
  };
  version: string;
}

/** Database status for /api/health and `assay health`: a round trip and the applied migration count. */
export async function getHealth(prisma: PrismaClient): Promise<Health> {
  const { kind } = await getDatabase();
  const started = performance.now();
  try {
    const rows = await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return {
      status: "ok",
      database: { kind, status: "up", latencyMs, migrations: Number(rows[0]?.n ?? 0) },
      version: process.env.npm_package_version ?? "0.1.0",
    };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return {
      status: "degraded",
      database: {
        kind,
        status: "down",
        latencyMs,
        migrations: 0,
        error: error instanceof Error ? (error.message.split("\n")[0] ?? "error") : "error",
      },
      version: process.env.npm_package_version ?? "0.1.0",
    };
  }
}
