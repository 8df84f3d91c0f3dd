import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "../auth/get-auth-secret.ts";

/** The AES-256 key for sealing integration secrets, derived from the instance secret with HKDF. */
export function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "assay", "integration-secrets/v1", 32));
}

/**
 * Seals an HMAC secret for storage with AES-256-GCM (`v1.<iv>.<tag>.<ciphertext>`, base64url). HMAC
 * schemes need the secret itself to verify, so it cannot be hashed; sealing means a database dump
 * alone does not reveal it (the key lives in ASSAY_SECRET or the data directory, never in the database).
 */
export function sealSecret(plain: string, key: Buffer = sealingKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}
