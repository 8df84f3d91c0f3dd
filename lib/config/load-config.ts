import { AppError } from "../errors/app-error.ts";
import { configSchema, type AssayConfig } from "./config-schema.ts";

/**
 * Validates the environment. Throws `config_invalid` naming every bad variable, so that start-up
 * fails with one clear message instead of a later, obscure crash.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AssayConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
    const lines = issues.map((i) => `  ${i.field}: ${i.message}`).join("\n");
    throw new AppError("config_invalid", `Invalid configuration:\n${lines}`, issues);
  }
  const data = result.data;
  return { ...data, url: (data.ASSAY_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, "") };
}
