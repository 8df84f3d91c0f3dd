import {
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type ProtectedHeaderParameters,
} from "jose";
import { AppError } from "../../errors/app-error.ts";
import type { CiOidcAllowList, CiOidcIdentity, GithubCiOidcIdentity, GitlabCiOidcIdentity } from "./signature-types.ts";

const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
const DEFAULT_GITLAB_ISSUERS = ["https://gitlab.com"];
const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_TOKEN_CHARS = 16 * 1024;

/**
 * Verifies an OpenID Connect ID token that a CI job presents instead of a stored secret, and returns the
 * CI identity it proves. Two issuers are understood:
 *
 * - GitHub Actions (GitHub Docs, "About security hardening with OpenID Connect" / "OpenID Connect
 *   reference"): issuer `https://token.actions.githubusercontent.com`, keys at
 *   `<issuer>/.well-known/jwks`; the identity is the `repository` (`owner/repo`) or `repository_id` claim.
 * - GitLab CI/CD `id_tokens` (GitLab docs, "OpenID Connect (OIDC) Authentication Using ID Tokens"):
 *   issuer = the instance URL (`allowed.gitlabIssuers`, default `https://gitlab.com`), keys at
 *   `<issuer>/oauth/discovery/keys`; the identity is the `project_path` or `project_id` claim.
 *
 * The token must be a JWS signed with RS256 (both providers sign that way; anything else, `none` and HMAC
 * included, is refused before any key is looked up), from a supported issuer, with `aud` equal to
 * `audience`, and `exp`/`nbf` valid at `now` within 60 s of clock skew (RFC 7519). `getKey` resolves the
 * signing key: `createLocalJWKSet` in tests, and in production a function that picks the
 * `createRemoteJWKSet` of the token's issuer (this function checks the unverified `iss` against the
 * supported issuers before `getKey` runs, so it only ever sees those). Every failure is `unauthenticated`
 * with a message naming what failed.
 */
export async function verifyCiOidcToken({
  token,
  getKey,
  audience,
  allowed,
  now,
}: {
  token: string;
  getKey: JWTVerifyGetKey;
  audience: string;
  allowed: CiOidcAllowList;
  now: Date;
}): Promise<CiOidcIdentity> {
  const { header, unverified } = decodeUnverified(token);
  if (header.alg !== "RS256") {
    throw new AppError("unauthenticated", `OIDC token is signed with ${quote(header.alg)}; only RS256 is accepted`);
  }
  const gitlabIssuers = allowed.gitlabIssuers ?? DEFAULT_GITLAB_ISSUERS;
  const issuer = unverified.iss;
  const provider =
    issuer === GITHUB_ISSUER ? "github" : issuer !== undefined && gitlabIssuers.includes(issuer) ? "gitlab" : null;
  if (provider === null || issuer === undefined) {
    throw new AppError("unauthenticated", `OIDC token issuer ${quote(issuer)} is not supported`);
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, getKey, {
      algorithms: ["RS256"],
      issuer,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
      requiredClaims: ["exp", "sub"],
    }));
  } catch (error) {
    throw new AppError("unauthenticated", describeFailure(error, header, audience, now));
  }
  const exactAudience =
    payload.aud === audience || (Array.isArray(payload.aud) && payload.aud.length === 1 && payload.aud[0] === audience);
  if (!exactAudience) {
    throw new AppError("unauthenticated", `OIDC token audience ${quote(payload.aud)} is not exactly ${audience}`);
  }
  const subject = payload.sub ?? "";
  return provider === "github"
    ? readGithubIdentity(payload, issuer, subject, allowed)
    : readGitlabIdentity(payload, issuer, subject, allowed);
}

function decodeUnverified(token: string): { header: ProtectedHeaderParameters; unverified: JWTPayload } {
  if (token === "" || token.length > MAX_TOKEN_CHARS) {
    throw new AppError("unauthenticated", `OIDC token is empty or longer than ${MAX_TOKEN_CHARS} characters`);
  }
  try {
    return { header: decodeProtectedHeader(token), unverified: decodeJwt(token) };
  } catch {
    throw new AppError("unauthenticated", "OIDC token is malformed; expected a compact JWS (header.payload.signature)");
  }
}

function describeFailure(error: unknown, header: ProtectedHeaderParameters, audience: string, now: Date): string {
  if (error instanceof errors.JWTExpired) {
    return `OIDC token expired at ${isoTime(error.payload.exp)} (now ${now.toISOString()}, tolerance ${CLOCK_TOLERANCE_SECONDS} s)`;
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return `OIDC token lacks the ${error.claim} claim`;
    if (error.claim === "aud") {
      return `OIDC token audience ${quote(error.payload.aud)} is not ${audience}`;
    }
    if (error.claim === "nbf") {
      return `OIDC token is not valid before ${isoTime(error.payload.nbf)} (now ${now.toISOString()}, tolerance ${CLOCK_TOLERANCE_SECONDS} s)`;
    }
    return `OIDC token claim ${error.claim} is invalid (${error.reason})`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "OIDC token signature does not verify with the issuer's key";
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return `no key of the issuer matches the OIDC token's kid ${quote(header.kid)}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return `OIDC token is signed with ${quote(header.alg)}; only RS256 is accepted`;
  }
  if (error instanceof errors.JWKSTimeout) return "timed out fetching the issuer's signing keys";
  if (error instanceof errors.JOSEError) return `OIDC token is invalid (${error.code})`;
  return "OIDC token could not be verified: the issuer's signing keys are unavailable";
}

function readGithubIdentity(
  payload: JWTPayload,
  issuer: string,
  subject: string,
  allowed: CiOidcAllowList,
): GithubCiOidcIdentity {
  const repository = requireString(payload, "repository");
  const repositoryId = optionalId(payload.repository_id);
  const byName = (allowed.githubRepositories ?? []).some((r) => r.toLowerCase() === repository.toLowerCase());
  const byId = repositoryId !== null && (allowed.githubRepositoryIds ?? []).some((id) => String(id) === repositoryId);
  if (!byName && !byId) {
    throw new AppError(
      "unauthenticated",
      `GitHub repository ${repository} (id ${repositoryId ?? "none"}) is not allowed to upload to this source`,
    );
  }
  return {
    provider: "github",
    issuer,
    subject,
    repository,
    repositoryId,
    ref: requireString(payload, "ref"),
    sha: requireString(payload, "sha"),
    workflow: typeof payload.workflow === "string" ? payload.workflow : null,
    runId: optionalId(payload.run_id),
  };
}

function readGitlabIdentity(
  payload: JWTPayload,
  issuer: string,
  subject: string,
  allowed: CiOidcAllowList,
): GitlabCiOidcIdentity {
  const repository = requireString(payload, "project_path");
  const projectId = optionalId(payload.project_id);
  const byPath = (allowed.gitlabProjects ?? []).some((p) => p.toLowerCase() === repository.toLowerCase());
  const byId = projectId !== null && (allowed.gitlabProjectIds ?? []).some((id) => String(id) === projectId);
  if (!byPath && !byId) {
    throw new AppError(
      "unauthenticated",
      `GitLab project ${repository} (id ${projectId ?? "none"}) is not allowed to upload to this source`,
    );
  }
  const ref = typeof payload.ref_path === "string" && payload.ref_path !== "" ? payload.ref_path : undefined;
  return {
    provider: "gitlab",
    issuer,
    subject,
    repository,
    projectId,
    ref: ref ?? requireString(payload, "ref"),
    sha: requireString(payload, "sha"),
    pipelineId: optionalId(payload.pipeline_id),
    runId: optionalId(payload.job_id),
  };
}

function requireString(payload: JWTPayload, claim: string): string {
  const value = payload[claim];
  if (typeof value !== "string" || value === "") {
    throw new AppError("unauthenticated", `OIDC token lacks the ${claim} claim`);
  }
  return value;
}

/** Ids arrive as strings (GitHub, GitLab) or numbers; anything else, or an odd value, counts as absent. */
function optionalId(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^[\x21-\x7e]{1,128}$/.test(value)) return value;
  return null;
}

function isoTime(seconds: unknown): string {
  return typeof seconds === "number" && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : "an unknown time";
}

/** A claim or header value for an error message: JSON-quoted and cut short (it comes from the sender). */
function quote(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
