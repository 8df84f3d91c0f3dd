import type { RejectedDelivery } from "../ingest/record-rejection.ts";
import { integrationUrl } from "./integration-url.ts";
import { SCHEMES, type IntegrationScheme } from "./source-schemes.ts";

export interface IntegrationSecretSummary {
  id: string;
  /** First characters of the secret, to recognise it; never the hash or the sealed value. */
  prefix: string;
  createdAt: string;
  /** Set at rotation: the secret keeps verifying until then. */
  expiresAt: string | null;
  active: boolean;
}

/** One accepted delivery of an integration (a row of Evidence), without its bytes. */
export interface AcceptedDelivery {
  evidenceId: string;
  receivedAt: string;
  eventType: string;
  findings: number;
  failing: number;
  requirements: number;
}

export interface IntegrationSummary {
  id: string;
  name: string;
  source: string;
  scheme: string;
  /** The header (or token) the scheme reads, e.g. `X-Hub-Signature-256`. */
  schemeHeader: string;
  url: string;
  system: { id: string; name: string } | null;
  allowedIdentities: string[];
  maxBodyBytes: number;
  createdAt: string;
  disabledAt: string | null;
  disabled: boolean;
  secrets: IntegrationSecretSummary[];
  /** The last accepted deliveries, newest first. */
  deliveries: AcceptedDelivery[];
  /** Recently rejected deliveries kept in this process's memory, newest first. */
  rejections: RejectedDelivery[];
}

/** The row shape `toIntegrationSummary` reads (selected without any secret material). */
export interface IntegrationRow {
  id: string;
  name: string;
  source: string;
  scheme: string;
  allowedIdentities: string[];
  maxBodyBytes: number;
  createdAt: Date;
  disabledAt: Date | null;
  system: { id: string; name: string } | null;
  secrets: { id: string; prefix: string; createdAt: Date; expiresAt: Date | null }[];
}

/** The JSON shape of an integration in API responses and on the integrations page. */
export function toIntegrationSummary(
  row: IntegrationRow,
  deliveries: AcceptedDelivery[],
  rejections: RejectedDelivery[],
  now: Date = new Date(),
): IntegrationSummary {
  const scheme = SCHEMES[row.scheme as IntegrationScheme] as { header: string } | undefined;
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    scheme: row.scheme,
    schemeHeader: scheme?.header ?? row.scheme,
    url: integrationUrl(row.id),
    system: row.system ? { id: row.system.id, name: row.system.name } : null,
    allowedIdentities: row.allowedIdentities,
    maxBodyBytes: row.maxBodyBytes,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabled: row.disabledAt !== null,
    secrets: row.secrets.map((s) => ({
      id: s.id,
      prefix: s.prefix,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt?.toISOString() ?? null,
      active: s.expiresAt === null || s.expiresAt > now,
    })),
    deliveries,
    rejections,
  };
}
