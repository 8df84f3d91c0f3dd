import { getDMMF } from "@prisma/get-dmmf";
import type { SqlRunner } from "./sql-runner.ts";

/** The part of Prisma's DMMF this check reads (its published types do not resolve cleanly here). */
interface Field {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
}
interface Model {
  name: string;
  dbName: string | null;
  fields: Field[];
}
interface Datamodel {
  models: Model[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] }[];
  indexes: {
    model: string;
    type: "id" | "normal" | "unique" | "fulltext";
    dbName?: string | null;
    fields: { name: string }[];
  }[];
}

const SCALAR_UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
  Float: "float8",
  Decimal: "numeric",
};

const NATIVE_UDT: Record<string, string> = {
  Uuid: "uuid",
  Text: "text",
  VarChar: "varchar",
  Char: "bpchar",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Date: "date",
  Integer: "int4",
  SmallInt: "int2",
  BigInt: "int8",
  JsonB: "jsonb",
  Json: "json",
  DoublePrecision: "float8",
  Real: "float4",
  Inet: "inet",
};

/** Defaults Prisma fills in on the client; they leave no DEFAULT in the database. */
const CLIENT_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

interface Column extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  datetime_precision: number | null;
}

interface Index extends Record<string, unknown> {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  columns: string[];
}

function expectedUdt(field: Field): string {
  const base =
    field.kind === "enum"
      ? field.type
      : (NATIVE_UDT[field.nativeType?.[0] ?? ""] ?? SCALAR_UDT[field.type] ?? field.type);
  return field.isList ? `_${base}` : base;
}

function hasDbDefault(field: Field): boolean {
  if (!field.hasDefaultValue || field.default === undefined) return false;
  const value: unknown = field.default;
  if (typeof value === "object" && value !== null && "name" in value) return !CLIENT_DEFAULTS.has(String(value.name));
  return true;
}

/**
 * Compares `schema.prisma` with a migrated database: tables, columns (type, nullability, precision,
 * presence of a database default), enums and their values, and indexes (name, uniqueness, columns).
 * Returns one line per difference; an empty list means they agree. Run by a test on every CI run, so a
 * schema change without a migration (or a migration that forgets part of one) fails the build.
 */
export async function checkSchemaDrift(runner: SqlRunner, schemaText: string): Promise<string[]> {
  const dmmf: unknown = getDMMF({ datamodel: schemaText });
  if (typeof dmmf !== "object" || dmmf === null || !("datamodel" in dmmf)) {
    throw new Error(`schema.prisma does not parse: ${JSON.stringify(dmmf)}`);
  }
  const { datamodel } = dmmf as { datamodel: Datamodel };
  const problems: string[] = [];
  const columns = await runner.query<Column>(
    `SELECT table_name::text, column_name::text, udt_name::text, is_nullable::text, column_default::text, datetime_precision::int
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await runner.query<Index>(
    `SELECT t.relname::text AS table_name, i.relname::text AS index_name, ix.indisunique AS is_unique,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisunique`,
  );
  const enumRows = await runner.query<{ enum_name: string; value: string }>(
    `SELECT t.typname::text AS enum_name, e.enumlabel::text AS value
       FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
  );

  const dbTables = new Map<string, Map<string, Column>>();
  for (const c of columns) {
    if (!dbTables.has(c.table_name)) dbTables.set(c.table_name, new Map());
    dbTables.get(c.table_name)?.set(c.column_name, c);
  }
  const modelTables = new Set<string>();
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    modelTables.add(table);
    const dbColumns = dbTables.get(table);
    if (!dbColumns) {
      problems.push(`table ${table}: in schema.prisma, missing in the database`);
      continue;
    }
    const fieldColumns = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const name = field.dbName ?? field.name;
      fieldColumns.add(name);
      const col = dbColumns.get(name);
      const where = `${table}.${name}`;
      if (!col) {
        problems.push(`${where}: in schema.prisma, missing in the database`);
        continue;
      }
      const udt = expectedUdt(field);
      if (col.udt_name !== udt)
        problems.push(`${where}: type ${col.udt_name} in the database, ${udt} in schema.prisma`);
      const nullable = field.isList || !field.isRequired;
      if ((col.is_nullable === "YES") !== nullable) {
        problems.push(
          `${where}: ${col.is_nullable === "YES" ? "nullable" : "NOT NULL"} in the database, ${nullable ? "optional" : "required"} in schema.prisma`,
        );
      }
      if (hasDbDefault(field) !== (col.column_default !== null)) {
        problems.push(
          `${where}: default ${col.column_default ?? "none"} in the database, ${hasDbDefault(field) ? "a default" : "none"} in schema.prisma`,
        );
      }
      if (field.type === "DateTime" && !field.isList) {
        const precision = field.nativeType?.[0] === "Date" ? 0 : Number(field.nativeType?.[1]?.[0] ?? 3);
        if (col.datetime_precision !== precision)
          problems.push(`${where}: precision ${col.datetime_precision} in the database, ${precision} in schema.prisma`);
      }
    }
    for (const name of dbColumns.keys()) {
      if (!fieldColumns.has(name)) problems.push(`${table}.${name}: in the database, missing in schema.prisma`);
    }
  }
  for (const table of dbTables.keys()) {
    if (!modelTables.has(table)) problems.push(`table ${table}: in the database, missing in schema.prisma`);
  }

  const expectedIndexes = new Map<string, { unique: boolean; columns: string[] }>();
  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((m) => m.name === index.model);
    if (!model) continue;
    const table = model.dbName ?? model.name;
    const cols = index.fields.map((f) => {
      const field = model.fields.find((x) => x.name === f.name);
      return field?.dbName ?? f.name;
    });
    const suffix =
      index.type === "id" ? "pkey" : index.type === "unique" ? `${cols.join("_")}_key` : `${cols.join("_")}_idx`;
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${suffix}`);
    expectedIndexes.set(`${table}/${name}`, { unique: index.type !== "normal", columns: cols });
  }
  const actualIndexes = new Map(indexes.map((i) => [`${i.table_name}/${i.index_name}`, i]));
  for (const [key, want] of expectedIndexes) {
    const got = actualIndexes.get(key);
    if (!got) {
      problems.push(`index ${key}: in schema.prisma, missing in the database`);
    } else if (got.is_unique !== want.unique || got.columns.join(",") !== want.columns.join(",")) {
      problems.push(
        `index ${key}: (${got.columns.join(", ")})${got.is_unique ? " unique" : ""} in the database, (${want.columns.join(", ")})${want.unique ? " unique" : ""} in schema.prisma`,
      );
    }
  }
  for (const key of actualIndexes.keys()) {
    if (!expectedIndexes.has(key)) problems.push(`index ${key}: in the database, missing in schema.prisma`);
  }

  const dbEnums = new Map<string, string[]>();
  for (const row of enumRows) dbEnums.set(row.enum_name, [...(dbEnums.get(row.enum_name) ?? []), row.value]);
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const want = e.values.map((v) => v.dbName ?? v.name);
    const got = dbEnums.get(name);
    if (!got) problems.push(`enum ${name}: in schema.prisma, missing in the database`);
    else if (got.join(",") !== want.join(","))
      problems.push(`enum ${name}: (${got.join(", ")}) in the database, (${want.join(", ")}) in schema.prisma`);
    dbEnums.delete(name);
  }
  for (const name of dbEnums.keys()) problems.push(`enum ${name}: in the database, missing in schema.prisma`);
  return problems;
}
