import { AppError } from "../errors/app-error.ts";

interface Bucket {
  tokens: number;
  updated: number;
}

const buckets = new Map<string, Bucket>();
const MAX_BUCKETS = 10_000;

/**
 * A token bucket per key (an integration, an API token, an OIDC identity), in this process's memory:
 * `ratePerSecond` sustained with bursts up to `burst`. Over the limit it throws `rate_limited` (429)
 * with the seconds until a token is available. Several server processes each keep their own buckets,
 * so the effective limit scales with the number of processes (written down in the README).
 */
export function takeRateToken(key: string, ratePerSecond: number, burst: number, now: number = Date.now()): void {
  let bucket = buckets.get(key);
  if (!bucket) {
    if (buckets.size >= MAX_BUCKETS) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    bucket = { tokens: burst, updated: now };
    buckets.set(key, bucket);
  }
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) / 1000) * ratePerSecond);
  bucket.updated = now;
  if (bucket.tokens < 1) {
    const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
    throw new AppError(
      "rate_limited",
      `Too many deliveries for ${key.split(":")[0] ?? "this sender"}; retry in ${wait} s.`,
      [],
      {
        retryAfterSeconds: wait,
      },
    );
  }
  bucket.tokens -= 1;
}
