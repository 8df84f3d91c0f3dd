import { z } from "zod";
import { ROLES } from "../auth/roles.ts";

export const roleField = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

/** Password rule (OWASP ASVS 5.0 §6.2): at least 12 characters, at most 128, anything allowed. */
export const passwordField = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");

export const createMemberInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "must be an email address" }).max(254, "must be at most 254 characters")),
  name: z.string().trim().min(1).max(120, "must be at most 120 characters").optional(),
  role: roleField,
  password: passwordField.optional(),
});

export const changeRoleInput = z.strictObject({ role: roleField });
