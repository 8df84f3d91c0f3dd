import { z } from "zod";

/**
 * Zod: an optional boolean field that never fails the parse: true or false, else null (a value of
 * another type and an absent field alike).
 */
export const booleanOrNull = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "boolean" ? value : null));
