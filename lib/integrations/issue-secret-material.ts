import { randomBytes } from "node:crypto";
import { hashSecret } from "../auth/hash-secret.ts";
import { AppError } from "../errors/app-error.ts";
import { sealSecret } from "./seal-secret.ts";
import { SCHEMES, type IntegrationScheme } from "./source-schemes.ts";

export interface IssuedSecret {
  /** What the sender is configured with: the HMAC secret or the token (null for CI OIDC). */
  secret: string | null;
  /** W&B only: the bearer access token sent beside the HMAC signature. */
  token: string | null;
  row: { prefix: string; tokenHash: string | null; sealed: string | null };
}

/**
 * Generates (or accepts, where the sender's UI lets people choose one) the secret material of a
 * scheme and what is stored of it: sealed for HMAC keys, SHA-256 for repeated tokens.
 */
export function issueSecretMaterial(scheme: IntegrationScheme, provided?: string): IssuedSecret {
  const material = SCHEMES[scheme].material;
  if (provided !== undefined && (material === "none" || material === "hmac-whsec")) {
    throw new AppError("validation_failed", `The ${scheme} scheme does not take a chosen secret; Assay generates it.`, [
      { field: "secret", message: "not allowed for this scheme" },
    ]);
  }
  if (provided !== undefined && provided.length < 16) {
    throw new AppError("validation_failed", "A chosen secret must be at least 16 characters long.", [
      { field: "secret", message: "must be at least 16 characters" },
    ]);
  }
  switch (material) {
    case "none":
      return { secret: null, token: null, row: { prefix: "oidc", tokenHash: null, sealed: null } };
    case "hmac-whsec": {
      const secret = `whsec_${randomBytes(24).toString("base64")}`;
      return { secret, token: null, row: { prefix: secret.slice(0, 10), tokenHash: null, sealed: sealSecret(secret) } };
    }
    case "hmac-raw": {
      const secret = provided ?? randomBytes(32).toString("base64url");
      return { secret, token: null, row: { prefix: secret.slice(0, 6), tokenHash: null, sealed: sealSecret(secret) } };
    }
    case "token": {
      const secret = provided ?? `assay_it_${randomBytes(30).toString("base64url")}`;
      return {
        secret,
        token: null,
        row: {
          prefix: secret.slice(0, secret.startsWith("assay_it_") ? 14 : 6),
          tokenHash: hashSecret(secret),
          sealed: null,
        },
      };
    }
    case "hmac+token": {
      const secret = provided ?? randomBytes(32).toString("base64url");
      const token = `assay_it_${randomBytes(30).toString("base64url")}`;
      return {
        secret,
        token,
        row: { prefix: secret.slice(0, 6), tokenHash: hashSecret(token), sealed: sealSecret(secret) },
      };
    }
  }
}
