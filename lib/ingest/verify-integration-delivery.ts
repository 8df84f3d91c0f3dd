import { AppError } from "../errors/app-error.ts";
import { openSealedSecret } from "../integrations/open-sealed-secret.ts";
import type { IntegrationScheme } from "../integrations/source-schemes.ts";
import type { VerifiedDelivery } from "./signatures/signature-types.ts";
import { verifyBearerToken } from "./signatures/verify-bearer-token.ts";
import { verifyGithubSignature } from "./signatures/verify-github-signature.ts";
import { verifyGitlabToken } from "./signatures/verify-gitlab-token.ts";
import { verifyHuggingfaceSecret } from "./signatures/verify-huggingface-secret.ts";
import { verifyMlflowSignature } from "./signatures/verify-mlflow-signature.ts";
import { verifySharedToken } from "./signatures/verify-shared-token.ts";
import { verifyStandardWebhooks } from "./signatures/verify-standard-webhooks.ts";
import { verifyWandbSignature } from "./signatures/verify-wandb-signature.ts";

export interface ActiveSecret {
  tokenHash: string | null;
  sealed: string | null;
}

/**
 * Checks a webhook delivery against an integration's current secrets (those inside their rotation
 * overlap included), on the raw bytes, before anything parses them. Fails closed: an unknown scheme
 * or an integration without usable secrets is `unauthenticated`. Event Grid deliveries may carry the
 * token as `?token=` in the subscription URL, because Azure cannot always add headers.
 */
export function verifyIntegrationDelivery(
  scheme: string,
  secrets: readonly ActiveSecret[],
  raw: Uint8Array,
  headers: Headers,
  url: URL,
  now: Date,
): VerifiedDelivery {
  const sealed = secrets.flatMap((s) => (s.sealed ? [openSealedSecret(s.sealed)] : []));
  const tokenHashes = secrets.flatMap((s) => (s.tokenHash ? [s.tokenHash] : []));
  switch (scheme as IntegrationScheme) {
    case "standard-webhooks":
      return verifyStandardWebhooks({ raw, headers, secrets: sealed, now });
    case "mlflow-hmac":
      return verifyMlflowSignature({ raw, headers, secrets: sealed, now });
    case "github-hmac":
      return verifyGithubSignature({ raw, headers, secrets: sealed });
    case "gitlab-token":
      return verifyGitlabToken({ headers, tokenHashes });
    case "huggingface-secret":
      return verifyHuggingfaceSecret({ headers, tokenHashes });
    case "wandb-hmac":
      return verifyWandbSignature({ raw, headers, secrets: sealed, tokenHashes });
    case "bearer-token":
      return verifyBearerToken({ headers, tokenHashes });
    case "event-grid": {
      const query = url.searchParams.get("token");
      if (query !== null && !headers.has("authorization")) {
        return verifySharedToken({
          presented: query,
          tokenHashes,
          scheme: "event-grid",
          source: "token query parameter",
        });
      }
      return verifyBearerToken({ headers, tokenHashes, scheme: "event-grid" });
    }
    case "ci-oidc":
      throw new AppError(
        "unauthenticated",
        "This integration accepts CI OIDC uploads only: POST them to /api/v1/evidence with the workflow's token.",
      );
    default:
      throw new AppError("unauthenticated", `Unknown signature scheme ${scheme.slice(0, 40)}.`);
  }
}
