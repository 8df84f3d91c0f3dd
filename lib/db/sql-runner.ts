/** A minimal raw-SQL surface shared by node-postgres and PGlite, used by the migration runner and checks. */
export interface SqlRunner {
  readonly kind: "postgres" | "pglite";
  query<T extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migration files). */
  exec(text: string): Promise<void>;
}
