import { hash } from "@node-rs/argon2";

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). The parameters are
 * stored in the PHC string, so raising them later still verifies old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}
