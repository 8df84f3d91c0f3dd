import { z } from "zod";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";
import { SCHEME_NAMES } from "./source-schemes.ts";

export const MAX_BODY_BYTES_DEFAULT = 5 * 1024 * 1024;
export const MAX_BODY_BYTES_LIMIT = 64 * 1024 * 1024;

const identity = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)+$|^[0-9]+$/, "must be owner/repo, group/project or a numeric id");

export const createIntegrationInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters").optional(),
  source: z.enum(SOURCE_KINDS, { message: `must be one of ${SOURCE_KINDS.join(", ")}` }),
  scheme: z.enum(SCHEME_NAMES, { message: `must be one of ${SCHEME_NAMES.join(", ")}` }).optional(),
  secret: z.string().max(200, "must be at most 200 characters").optional(),
  systemId: z.uuid("must be an AI system id").optional(),
  allowedIdentities: z.array(identity).max(100).optional(),
  maxBodyBytes: z
    .number()
    .int()
    .min(1024, "must be at least 1024")
    .max(MAX_BODY_BYTES_LIMIT, `must be at most ${MAX_BODY_BYTES_LIMIT}`)
    .optional(),
});

export type CreateIntegrationInput = z.output<typeof createIntegrationInput>;
