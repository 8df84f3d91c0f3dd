import { z } from "zod";

/** Organization slugs: lower-case letters, digits and inner hyphens, 2 to 40 characters; they appear in URLs. */
export const orgSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/, "must be 2-40 lower-case letters, digits or inner hyphens");
