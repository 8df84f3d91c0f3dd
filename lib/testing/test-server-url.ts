/**
 * The PostgreSQL server tests create their databases on: the server of DATABASE_URL (as `.ci/run`
 * sets it) or the local one. Returns a URL for database `name` on that server.
 */
export function testServerUrl(name: string): string {
  const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${name}`;
  return base.toString();
}
