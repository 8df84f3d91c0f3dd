import { z } from "zod";

/**
 * Zod: an optional text field that never fails the parse: a string that is not blank (as sent), else null
 * (a value of another type, a blank string and an absent field alike). See `readString`.
 */
export const lenientText = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value && value.trim() !== "" ? value : null));
