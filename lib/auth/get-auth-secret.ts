import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getConfig } from "../config/get-config.ts";

let cached: string | undefined;

/**
 * The secret next-auth signs its OAuth state and CSRF cookies with: `ASSAY_SECRET`, or one generated
 * once into the data directory (fine for one machine; several instances must share ASSAY_SECRET).
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = getConfig();
  if (config.ASSAY_SECRET) return (cached = config.ASSAY_SECRET);
  const dir = resolve(config.ASSAY_DATA_DIR);
  const path = join(dir, "secret");
  try {
    cached = readFileSync(path, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    cached = randomBytes(32).toString("base64url");
    writeFileSync(path, cached, { mode: 0o600, flag: "wx" });
  }
  return cached;
}
