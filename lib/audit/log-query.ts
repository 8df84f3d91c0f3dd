import { z } from "zod";

const size = z
  .string()
  .regex(/^\d{1,15}$/, "must be a whole number")
  .transform((v) => BigInt(v));

/** `GET …/log/inclusion`: one evidence id or one audit entry id, and optionally the tree size (default: latest checkpoint). */
export const inclusionQuery = z
  .strictObject({
    evidenceId: z.uuid().optional(),
    entryId: z
      .string()
      .regex(/^\d{1,19}$/, "must be an audit entry id")
      .optional(),
    treeSize: size.optional(),
  })
  .refine((q) => (q.evidenceId === undefined) !== (q.entryId === undefined), {
    message: "give exactly one of evidenceId and entryId",
    path: ["evidenceId"],
  });

/** `GET …/log/consistency`: two tree sizes, `from` ≤ `to` (default `to`: the latest checkpoint). */
export const consistencyQuery = z.strictObject({ from: size, to: size.optional() });
