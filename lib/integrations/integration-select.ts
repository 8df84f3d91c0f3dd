import type { Prisma } from "../db/db-types.ts";

/** What the integration read paths select: never a secret's hash or sealed value. */
export const INTEGRATION_SELECT = {
  id: true,
  name: true,
  source: true,
  scheme: true,
  allowedIdentities: true,
  maxBodyBytes: true,
  createdAt: true,
  disabledAt: true,
  system: { select: { id: true, name: true } },
  secrets: {
    select: { id: true, prefix: true, createdAt: true, expiresAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  },
} as const satisfies Prisma.IntegrationSelect;
