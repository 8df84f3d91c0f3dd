const SECRET = /authorization|signature|token|secret|cookie|api-key|apikey|password/i;
const KEEP =
  /^(content-type|user-agent|x-github-event|x-github-delivery|x-github-hook-id|x-gitlab-event|x-gitlab-event-uuid|x-gitlab-webhook-uuid|x-gitlab-instance|webhook-id|webhook-timestamp|svix-id|x-mlflow-delivery-id|x-mlflow-timestamp|aeg-event-type|aeg-subscription-name|aeg-delivery-count|ce-type|ce-id|ce-source|x-amz-event-bridge-id|idempotency-key|x-request-id)$/i;

/**
 * The request headers worth keeping with evidence (what the content is, which delivery it was),
 * never credentials: the worker re-parses with them and people see them on the evidence page.
 */
export function keepDescriptiveHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (KEEP.test(name) && !SECRET.test(name)) out[name.toLowerCase()] = value.slice(0, 500);
  });
  return out;
}
