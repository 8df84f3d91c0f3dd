import { AppError } from "../../errors/app-error.ts";
import { readDeliveryId } from "./read-delivery-id.ts";
import type { SharedTokenInput, VerifiedDelivery } from "./signature-types.ts";
import { verifySharedToken } from "./verify-shared-token.ts";

/**
 * Verifies a GitLab webhook (GitLab docs, "Webhooks": secret token and delivery headers). GitLab does not
 * sign the body: it repeats the hook's secret token in `X-Gitlab-Token`, checked against the stored
 * SHA-256 hashes (see `verifySharedToken`).
 *
 * The delivery id is `Idempotency-Key` (GitLab 17.4+): GitLab generates it once per hook execution and
 * sends the same value on every retry and manual resend, which is what replay dedupe needs. The other
 * UUID headers are deliberately not used: `X-Gitlab-Webhook-UUID` is a fresh random UUID on every HTTP
 * attempt (so a retry would look new), and `X-Gitlab-Event-UUID` is GitLab's recursion-detection id, shared
 * by every hook fired from the same request and by webhooks triggered by earlier webhooks (so distinct
 * events could look like duplicates). Older GitLab sends no `Idempotency-Key`; `deliveryId` is then null.
 */
export function verifyGitlabToken({ headers, tokenHashes }: SharedTokenInput): VerifiedDelivery {
  const presented = headers.get("X-Gitlab-Token");
  if (presented === null || presented === "") {
    throw new AppError("unauthenticated", "missing X-Gitlab-Token header");
  }
  const deliveryId = readDeliveryId(headers, "Idempotency-Key", false);
  const verified = verifySharedToken({ presented, tokenHashes, scheme: "gitlab-token", source: "X-Gitlab-Token" });
  return { ...verified, deliveryId };
}
