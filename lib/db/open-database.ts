import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { AppError } from "../errors/app-error.ts";
import { getLogger } from "../log/get-logger.ts";
import { acquireDataDirLock } from "./acquire-data-dir-lock.ts";
import { PrismaClient } from "./generated/client.ts";
import type { MigrationResult } from "./migrate-database.ts";
import type { SqlRunner } from "./sql-runner.ts";

export interface Database {
  readonly kind: "postgres" | "pglite";
  /** Where the data lives: the URL without credentials, or the data directory. */
  readonly location: string;
  readonly prisma: PrismaClient;
  /** The underlying connection, for pg-boss (lib/jobs): its own pool on PostgreSQL, the same PGlite. */
  readonly native: { kind: "postgres"; url: string } | { kind: "pglite"; pglite: PGlite };
  /** What the start-up migration run did (set by getDatabase). */
  migration?: MigrationResult;
  /** Runs `fn` on one dedicated connection (needed for session advisory locks and transactions). */
  withConnection<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** Run (newest first) before the connection closes, e.g. to stop the job queue. */
  readonly beforeClose: (() => Promise<void>)[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgresql:// URL; when absent the embedded PGlite store under `dataDir` is used. */
  url?: string | undefined;
  dataDir?: string;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "postgresql://(unparseable)";
  }
}

/** The role the application's queries run as on PostgreSQL (PGlite has one user: see the README). */
export const APP_ROLE = "assay_app";

async function openPostgres(url: string): Promise<Database> {
  // Two pools on one URL: the owner's (migrations, the job queue's schema, advisory locks) and the
  // application's, whose connections start as APP_ROLE (prisma/migrations/*_app_role): it cannot change
  // or remove evidence, findings, audit entries or the log, whatever the code asks.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const appPool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.ASSAY_DB_POOL_SIZE ?? 10),
    options: `-c role=${APP_ROLE}`,
  });
  // A server-side disconnect (restart, failover, DROP DATABASE … FORCE) must not crash the process:
  // the broken client is dropped from the pool and the next query gets a fresh one.
  const onError = (error: Error): void => getLogger().warn({ err: error.message }, "database connection lost");
  for (const p of [pool, appPool]) {
    p.on("error", onError);
    p.on("connect", (client) => client.on("error", onError));
  }
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await Promise.all([pool.end(), appPool.end()]);
    throw new AppError(
      "database_unavailable",
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(appPool) });
  const beforeClose: (() => Promise<void>)[] = [];
  return {
    kind: "postgres",
    location: redactUrl(url),
    prisma,
    native: { kind: "postgres", url },
    beforeClose,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          kind: "postgres",
          query: async <T extends Record<string, unknown>>(text: string, params?: readonly unknown[]) =>
            (await client.query<T>(text, params ? [...params] : undefined)).rows,
          exec: async (text) => {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      for (const hook of beforeClose.splice(0).reverse()) await hook();
      await prisma.$disconnect();
      await Promise.all([pool.end(), appPool.end()]);
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const lock = acquireDataDirLock(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(join(resolve(dataDir), "pg"));
  } catch (error) {
    lock.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  const beforeClose: (() => Promise<void>)[] = [];
  const runner: SqlRunner = {
    kind: "pglite",
    query: async <T extends Record<string, unknown>>(text: string, params?: readonly unknown[]) =>
      (await db.query<T>(text, params ? [...params] : undefined)).rows,
    exec: async (text) => {
      await db.exec(text);
    },
  };
  return {
    kind: "pglite",
    location: resolve(dataDir),
    prisma,
    native: { kind: "pglite", pglite: db },
    beforeClose,
    withConnection: (fn) => fn(runner),
    async close() {
      for (const hook of beforeClose.splice(0).reverse()) await hook();
      await prisma.$disconnect();
      await db.close();
      lock.release();
    },
  };
}

/** Opens PostgreSQL (when a URL is given) or the embedded PGlite store, without migrating. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? ".data");
}
