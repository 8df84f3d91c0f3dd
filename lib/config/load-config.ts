import { AppError, type FieldIssue } from "../errors/app-error.ts";
import { configSchema, type AssayConfig } from "./config-schema.ts";

/**
 * Validates the environment. Throws `config_invalid` naming every bad variable, so that start-up
 * fails with one clear message instead of a later, obscure crash.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AssayConfig {
  const result = configSchema.safeParse(env);
  const issues: FieldIssue[] = result.success
    ? []
    : result.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const oidcSet = oidc.filter((k) => (env[k] ?? "").trim() !== "");
  if (oidcSet.length > 0 && oidcSet.length < oidc.length) {
    for (const key of oidc.filter((k) => !oidcSet.includes(k))) {
      issues.push({ field: key, message: `is required when ${oidcSet.join(", ")} is set (SSO needs all three)` });
    }
  }
  if (!result.success || issues.length > 0) {
    const lines = issues.map((i) => `  ${i.field}: ${i.message}`).join("\n");
    throw new AppError("config_invalid", `Invalid configuration:\n${lines}`, issues);
  }
  const data = result.data;
  return { ...data, url: (data.ASSAY_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, "") };
}
