import { createDecipheriv } from "node:crypto";
import { AppError } from "../errors/app-error.ts";
import { sealingKey } from "./seal-secret.ts";

/** Opens a secret sealed by `sealSecret`; a wrong key or a changed byte is an internal error, not a guess. */
export function openSealedSecret(sealed: string, key: Buffer = sealingKey()): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) {
    throw new AppError("internal", "A stored integration secret has an unknown format.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError(
      "internal",
      "A stored integration secret cannot be opened: ASSAY_SECRET (or .data/secret) changed since it was sealed.",
    );
  }
}
