import type { Prisma } from "../db/db-types.ts";
import type { ReportScope } from "./report-types.ts";

const list = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;

/** Pure: a stored scope (JSON) as a ReportScope; anything unreadable means "all". */
export function toReportScope(value: Prisma.JsonValue): ReportScope {
  const o = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  return { systems: list(o["systems"]), frameworks: list(o["frameworks"]) };
}
