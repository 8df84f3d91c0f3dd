import { z } from "zod";

/**
 * Zod: an optional number field that never fails the parse: a value of another type (numeric text
 * included) reads as null, an absent one stays undefined. (`numberOrNull` reads absent as null.)
 */
export const lenientNumber = z.number().nullish().catch(null);
