import { z } from "zod";

/**
 * Zod: an optional boolean field that never fails the parse: a value of another type reads as null, an
 * absent one stays undefined. (`booleanOrNull` reads absent as null.)
 */
export const lenientBoolean = z.boolean().nullish().catch(null);
