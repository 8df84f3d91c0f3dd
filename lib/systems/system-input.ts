import { z } from "zod";
import { OPERATOR_ROLES } from "../catalog/catalog-vocabulary.ts";
import { GPAI_KINDS, RISK_CLASSES } from "../applicability/system-facts.ts";

export const operatorRolesField = z
  .array(z.enum(OPERATOR_ROLES, { message: `must be one of ${OPERATOR_ROLES.join(", ")}` }))
  .min(1, "needs at least one operator role")
  .transform((roles) => [...new Set(roles)]);

export const placedOnMarketField = z.iso.date({ message: "must be a date YYYY-MM-DD" }).nullable();

/** Fields of the register a person may set directly (the classification wizard sets the rest). */
export const systemFields = {
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  purpose: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
  owner: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  lifecycle: z.enum(["planned", "development", "production", "retired"]),
  operatorRoles: operatorRolesField,
  placedOnMarketAt: placedOnMarketField,
  riskClass: z.enum(RISK_CLASSES, { message: `must be one of ${RISK_CLASSES.join(", ")}` }),
  gpai: z.enum(GPAI_KINDS, { message: `must be one of ${GPAI_KINDS.join(", ")}` }),
  annexIIIUseCase: z
    .string()
    .regex(/^[1-8](\([a-h]\))?$/, 'must be an Annex III point, optionally with its letter, such as "4" or "4(a)"')
    .nullable(),
};
