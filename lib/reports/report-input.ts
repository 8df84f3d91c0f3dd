import { z } from "zod";

/** A PKCS#12 file is a few kilobytes; 256 KiB leaves room for long chains and nothing more. */
export const MAX_P12_BYTES = 256 * 1024;

/** `POST /api/v1/orgs/<org>/reports`: the scope (omitted: all systems, all frameworks). */
export const reportInput = z.strictObject({
  systems: z.array(z.uuid()).min(1).max(500).optional().describe("AI systems to cover (default: all)"),
  frameworks: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "must be a framework id"))
    .min(1)
    .max(50)
    .optional()
    .describe("frameworks to cover by id (default: all assessed frameworks)"),
});

/** `PUT /api/v1/orgs/<org>/signing-certificate`: an admin's own signing identity. */
export const uploadSigningCertificateInput = z.strictObject({
  pkcs12: z
    .base64()
    .min(1)
    .max(Math.ceil((MAX_P12_BYTES * 4) / 3) + 4)
    .describe("the .p12/.pfx file, base64"),
  passphrase: z.string().max(1024),
});
