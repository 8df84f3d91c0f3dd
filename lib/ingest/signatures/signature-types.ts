/**
 * Types shared by the webhook and CI-token verifiers in this folder. Every verifier is pure: the caller
 * passes the raw body bytes, the request headers, the current secrets (or token hashes) and the time.
 */

/** The authentication schemes Assay accepts from senders. */
export type SignatureScheme =
  | "standard-webhooks"
  | "mlflow-hmac"
  | "github-hmac"
  | "gitlab-token"
  | "huggingface-secret"
  | "wandb-hmac"
  | "bearer-token"
  | "event-grid"
  | "api-token"
  | "ci-oidc";

/** What a successful webhook verification proves about one delivery. */
export interface VerifiedDelivery {
  scheme: SignatureScheme;
  /** Delivery id from the sender's headers when the scheme has one (webhook-id, X-MLflow-Delivery-Id, X-GitHub-Delivery, GitLab's Idempotency-Key, ...), else null. */
  deliveryId: string | null;
  /** Sender-stated send time (ISO) when the scheme signs one, else null. */
  signedAt: string | null;
  /** Index into the `secrets` array of the secret that verified (for rotation bookkeeping). */
  secretIndex: number;
}

/** Input of the HMAC verifiers whose signed content includes a timestamp. */
export interface TimestampedHmacInput {
  /** The body exactly as received; never a re-serialized parse. */
  raw: Uint8Array;
  headers: Headers;
  /** Current secrets, newest or oldest first; any of them verifies (rotation). */
  secrets: readonly string[];
  now: Date;
  /** Largest accepted distance between the signed timestamp and `now`, either way. Default 300 s. */
  toleranceSeconds?: number;
}

/** Input of the verifiers where the sender repeats a secret Assay issued, stored only as a hash. */
export interface SharedTokenInput {
  headers: Headers;
  /** SHA-256 (lowercase hex) of each current token, as produced by `hashSecret`. */
  tokenHashes: readonly string[];
}

/** Which CI identities may present OIDC tokens. An empty or missing list allows none of that kind. */
export interface CiOidcAllowList {
  /** GitHub repositories as `owner/repo`, compared case-insensitively with the `repository` claim. */
  githubRepositories?: readonly string[];
  /** GitHub repository ids, compared with the `repository_id` claim (survives renames; names can be re-registered). */
  githubRepositoryIds?: readonly number[];
  /** Accepted GitLab issuers (instance URLs exactly as in `iss`). Default `["https://gitlab.com"]`. */
  gitlabIssuers?: readonly string[];
  /** GitLab projects as `group/project` paths, compared case-insensitively with the `project_path` claim. */
  gitlabProjects?: readonly string[];
  /** GitLab project ids, compared with the `project_id` claim. */
  gitlabProjectIds?: readonly number[];
}

/** Facts common to a verified CI identity token from either provider. */
interface CiOidcIdentityBase {
  issuer: string;
  subject: string;
  /** `owner/repo` on GitHub, the project path `group/project` on GitLab. */
  repository: string;
  /** The full git ref, e.g. `refs/heads/main` (GitLab's `ref_path`, falling back to its short `ref`). */
  ref: string;
  /** Commit SHA the job ran on. */
  sha: string;
}

/** A verified GitHub Actions identity. */
export interface GithubCiOidcIdentity extends CiOidcIdentityBase {
  provider: "github";
  repositoryId: string | null;
  /** Workflow name (`workflow` claim). */
  workflow: string | null;
  /** Workflow run id (`run_id` claim). */
  runId: string | null;
}

/** A verified GitLab CI identity. */
export interface GitlabCiOidcIdentity extends CiOidcIdentityBase {
  provider: "gitlab";
  projectId: string | null;
  /** Pipeline id (`pipeline_id` claim). */
  pipelineId: string | null;
  /** Job id (`job_id` claim). */
  runId: string | null;
}

/** The identity a verified CI OIDC token proves. */
export type CiOidcIdentity = GithubCiOidcIdentity | GitlabCiOidcIdentity;

/** A response to send for an Event Grid subscription handshake. */
export interface EventGridHandshakeAnswer {
  status: 200;
  /** JSON body to send, or null for an empty body. */
  body: unknown;
  headers: Record<string, string>;
}
