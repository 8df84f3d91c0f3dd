import { z } from "zod";

/**
 * Zod: an optional array field whose items are read later: a value that is not an array reads as null,
 * an absent one stays undefined.
 */
export const lenientList = z.array(z.unknown()).nullish().catch(null);
