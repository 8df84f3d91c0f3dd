import { readFileSync } from "node:fs";
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { getConfig } from "../config/get-config.ts";
import { AppError } from "../errors/app-error.ts";

const remote = new Map<string, JWTVerifyGetKey>();
let local: { path: string; getKey: JWTVerifyGetKey } | undefined;

function jwksUrl(issuer: string): URL {
  if (issuer === "https://token.actions.githubusercontent.com") return new URL(`${issuer}/.well-known/jwks`);
  return new URL(`${issuer.replace(/\/+$/, "")}/oauth/discovery/keys`);
}

/**
 * Resolves the signing key of a CI OIDC token: from `ASSAY_CI_OIDC_JWKS_FILE` when set (air-gapped
 * installs and tests keep the issuers' keys in a local file), else from the issuer's published JWKS
 * (GitHub Actions, or a GitLab instance's `/oauth/discovery/keys`), cached per issuer by jose.
 * `verifyCiOidcToken` checks the issuer against the allowed ones before this runs.
 */
export const getCiOidcKey: JWTVerifyGetKey = async (header, token) => {
  const file = getConfig().ASSAY_CI_OIDC_JWKS_FILE;
  if (file) {
    if (local?.path !== file) {
      let jwks: JSONWebKeySet;
      try {
        jwks = JSON.parse(readFileSync(file, "utf8")) as JSONWebKeySet;
      } catch (error) {
        throw new AppError("config_invalid", `ASSAY_CI_OIDC_JWKS_FILE cannot be read: ${String(error)}`);
      }
      local = { path: file, getKey: createLocalJWKSet(jwks) };
    }
    return local.getKey(header, token);
  }
  let issuer: string | undefined;
  try {
    const claims = JSON.parse(
      typeof token.payload === "string"
        ? Buffer.from(token.payload, "base64url").toString("utf8")
        : new TextDecoder().decode(token.payload),
    ) as { iss?: unknown };
    issuer = typeof claims.iss === "string" ? claims.iss : undefined;
  } catch {
    issuer = undefined;
  }
  if (!issuer) throw new AppError("unauthenticated", "The OIDC token names no issuer.");
  let getKey = remote.get(issuer);
  if (!getKey) {
    getKey = createRemoteJWKSet(jwksUrl(issuer), { timeoutDuration: 5_000 });
    remote.set(issuer, getKey);
  }
  return getKey(header, token);
};
