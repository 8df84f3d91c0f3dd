import { z } from "zod";
import { readNumber } from "./read-number.ts";

/**
 * Zod: an optional number field that never fails the parse: a finite number, else null (a value of
 * another type, numeric text included, and an absent field alike). See `readNumber`.
 */
export const numberOrNull = z
  .unknown()
  .optional()
  .transform((value) => readNumber(value));
