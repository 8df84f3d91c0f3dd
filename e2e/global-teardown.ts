import pg from "pg";

/** Drops the databases e2e/serve.ts created (the server process itself is killed by Playwright). */
export default async function globalTeardown(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = "/postgres";
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'assay\\_e2e\\_%'`,
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
