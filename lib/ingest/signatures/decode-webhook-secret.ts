import { AppError } from "../../errors/app-error.ts";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Turns a Standard Webhooks signing secret into its HMAC key: the `whsec_` prefix is removed and the
 * rest is base64-decoded (a secret without the prefix is taken as base64 as a whole). A secret that is
 * not base64 or decodes to nothing is a configuration error, not a sender's fault.
 */
export function decodeWebhookSecret(secret: string, index: number): Uint8Array {
  const encoded = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  if (encoded === "" || !BASE64.test(encoded)) {
    throw new AppError("config_invalid", `webhook secret #${index} is not whsec_<base64>`);
  }
  return new Uint8Array(Buffer.from(encoded, "base64"));
}
