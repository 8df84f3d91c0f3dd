import { z } from "zod";

/**
 * Zod: an optional string field that never fails the parse: a value of another type reads as null, an
 * absent one stays undefined, blank strings are kept. (`lenientText` also drops blank strings.)
 */
export const lenientString = z.string().nullish().catch(null);
