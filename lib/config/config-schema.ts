import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * Every environment variable Assay reads, validated once at start-up. The README's "Configuration"
 * table documents the same list.
 */
export const configSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must be a postgresql:// connection URL")
      .optional(),
  ),
  ASSAY_DATA_DIR: z.string().trim().min(1).default(".data"),
  ASSAY_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional()),
  ASSAY_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OIDC_ISSUER: optionalText.pipe(z.url({ message: "must be the issuer URL" }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
  ASSAY_INGEST_RATE_PER_SECOND: z.coerce.number().positive("must be a positive number").default(500),
  ASSAY_INGEST_BURST: z.coerce.number().int().min(1, "must be at least 1").default(2000),
  ASSAY_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  ASSAY_CI_OIDC_AUDIENCE: optionalText,
  ASSAY_CI_OIDC_GITLAB_ISSUERS: z.string().trim().default("https://gitlab.com"),
  ASSAY_CI_OIDC_JWKS_FILE: optionalText,
  ASSAY_WORKER: z.enum(["inline", "off"]).default("inline"),
  ASSAY_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  ASSAY_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export type AssayConfig = z.output<typeof configSchema> & { url: string };
