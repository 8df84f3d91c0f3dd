import { z } from "zod";

const text = (min: number, max: number, what: string) =>
  z
    .string({ message: "is required" })
    .trim()
    .min(min, `must be at least ${min} characters: ${what}`)
    .max(max, `must be at most ${max} characters`);

/** How long a waiver may run at most before someone has to look at it again. */
export const MAX_WAIVER_DAYS = 366;

/** A new waiver. `expiresAt`: a date (the waiver ends when that day starts, UTC) or an ISO date-time. */
export const createWaiverInput = z.strictObject({
  requirementId: z.string({ message: "is required" }).trim().min(1, "is required").max(200),
  /** One AI system; absent or null: every system of the organization. */
  systemId: z.uuid({ message: "must be an AI system id (a UUID)" }).nullable().optional(),
  reason: text(10, 2000, "say why the gap is accepted"),
  compensatingControl: text(5, 2000, "say what limits the risk meanwhile"),
  /** The approver's email: another member with the compliance or admin role. */
  approver: z.email({ message: "must be the email of a compliance or admin member" }),
  expiresAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      message: "must be a date YYYY-MM-DD or an ISO date-time",
    })
    .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)),
});
export type CreateWaiverInput = z.output<typeof createWaiverInput>;

export const revokeWaiverInput = z.strictObject({
  reason: text(5, 2000, "say why the waiver ends early"),
});
