import { z } from "zod";

/**
 * Zod: an in-toto Statement (v1, and v0.1 as used with SLSA v0.2) as far as both attestation adapters
 * read it: the `predicateType` is required; `subject` (each entry checked by the adapter) and
 * `predicate` (read per predicate type) are optional.
 */
export const inTotoStatementSchema = z.looseObject({
  _type: z.string().nullish(),
  predicateType: z.string(),
  subject: z.array(z.unknown()).nullish(),
  predicate: z.unknown().optional(),
});
