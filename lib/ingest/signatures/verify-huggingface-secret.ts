import { AppError } from "../../errors/app-error.ts";
import type { SharedTokenInput, VerifiedDelivery } from "./signature-types.ts";
import { verifySharedToken } from "./verify-shared-token.ts";

/**
 * Verifies a Hugging Face Hub webhook (huggingface/hub-docs `docs/hub/webhooks.md`, "Webhook secret").
 * The Hub does not sign the body: it repeats the secret configured on the webhook in `X-Webhook-Secret`,
 * which is checked against the stored SHA-256 hashes (see `verifySharedToken`). The Hub sends no
 * delivery id header, so `deliveryId` is null.
 */
export function verifyHuggingfaceSecret({ headers, tokenHashes }: SharedTokenInput): VerifiedDelivery {
  const presented = headers.get("X-Webhook-Secret");
  if (presented === null || presented === "") {
    throw new AppError("unauthenticated", "missing X-Webhook-Secret header");
  }
  return verifySharedToken({ presented, tokenHashes, scheme: "huggingface-secret", source: "X-Webhook-Secret" });
}
