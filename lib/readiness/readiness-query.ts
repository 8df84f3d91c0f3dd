import { z } from "zod";

/**
 * `asOf`: a date (YYYY-MM-DD, meaning the end of that day in UTC, so everything that happened on it
 * counts) or an ISO date-time; now when absent. `system`: one AI system's id.
 */
export const readinessQuery = z.strictObject({
  asOf: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      message: "must be a date YYYY-MM-DD or an ISO date-time",
    })
    .optional()
    .transform((value) => {
      if (value === undefined) return new Date();
      return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value);
    })
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, {
      message: "must be a real date between 2000 and 2100",
    }),
  system: z.uuid({ message: "must be an AI system id (a UUID)" }).optional(),
});
export type ReadinessQuery = z.output<typeof readinessQuery>;
