import { AppError } from "../errors/app-error.ts";
import type { SourceAdapter } from "./source-adapter.ts";

const ALWAYS = ["application/json", "text/plain", "application/octet-stream"];

/**
 * Refuses (415) a declared media type the source never sends. Absent is accepted (several senders,
 * e.g. log shippers, set none); `application/*+json` is accepted for JSON sources.
 */
export function checkContentType(adapter: SourceAdapter, header: string | null): string {
  if (header === null || header.trim() === "") return adapter.contentTypes[0] ?? "application/json";
  const type = header.split(";")[0]?.trim().toLowerCase() ?? "";
  const accepted = [...adapter.contentTypes.map((t) => t.toLowerCase()), ...ALWAYS];
  if (
    accepted.includes(type) ||
    (/^application\/[a-z0-9.+-]+\+json$/.test(type) && accepted.includes("application/json"))
  ) {
    return type;
  }
  throw new AppError(
    "unsupported_media_type",
    `A ${adapter.kind} body cannot be ${type}; send one of ${[...new Set(accepted)].join(", ")}.`,
  );
}
