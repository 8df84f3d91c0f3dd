import { z } from "zod";

/**
 * Zod: an optional object field whose entries are read later (properties, digest sets): a value that is
 * not an object reads as null, an absent one stays undefined.
 */
export const lenientRecord = z.record(z.string(), z.unknown()).nullish().catch(null);
