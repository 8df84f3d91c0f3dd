import { z } from "zod";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";

export const EVIDENCE_OUTCOMES = ["pass", "fail", "info", "error"] as const;
export type EvidenceOutcome = (typeof EVIDENCE_OUTCOMES)[number];

export const EVIDENCE_PAGE_DEFAULT = 50;
export const EVIDENCE_PAGE_MAX = 200;

/** An empty query value (`?source=`, as a GET form sends for an untouched field) counts as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** A date (`2026-11-24`, a whole UTC day) or a date-time with an offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: "must be a date YYYY-MM-DD or an ISO 8601 date-time",
});

/**
 * The evidence explorer's filters (query parameters of `GET …/evidence`); unknown ones are refused.
 * `from`/`to` bound the received time, both inclusive (a date means that whole UTC day).
 */
export const evidenceFilters = z.strictObject({
  source: optional(z.enum(SOURCE_KINDS, { message: "must be a known source kind" })),
  systemId: optional(z.uuid("must be an AI system id")),
  integrationId: optional(z.uuid("must be an integration id")),
  requirementId: optional(z.string().trim().min(1).max(200, "must be at most 200 characters")),
  outcome: optional(z.enum(EVIDENCE_OUTCOMES, { message: `must be one of ${EVIDENCE_OUTCOMES.join(", ")}` })),
  from: optional(instant),
  to: optional(instant),
  cursor: optional(z.string().max(200, "is not a cursor from this list")),
  limit: optional(
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(EVIDENCE_PAGE_MAX, `must be at most ${EVIDENCE_PAGE_MAX}`),
  ),
});

export type EvidenceFilters = z.output<typeof evidenceFilters>;
