import { getConfig } from "../config/get-config.ts";

/** The ingest URL a sender is configured with. */
export function integrationUrl(id: string, base: string = getConfig().url): string {
  return `${base.replace(/\/+$/, "")}/api/v1/ingest/${id}`;
}
