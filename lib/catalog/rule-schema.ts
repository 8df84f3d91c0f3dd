import { z } from "zod";
import { FINDING_CHECK_NAMES, type FindingCheck } from "../ingest/finding-checks.ts";
import { SOURCE_KINDS } from "../ingest/source-kinds.ts";

/** Finding outcomes, and the ones a rule matches when it names none (info and error never decide by default). */
export const RULE_OUTCOMES = ["pass", "fail", "info", "error"] as const;
export const DEFAULT_RULE_OUTCOMES: readonly (typeof RULE_OUTCOMES)[number][] = ["pass", "fail"];

/** Finding severities from lowest to highest (the order `minSeverity` compares in). */
export const RULE_SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;

/** True when the text holds a replacement character or a C0 control other than tab, newline, carriage return. */
function looksMisdecoded(value: string): boolean {
  return [...value].some((ch) => {
    const code = ch.charCodeAt(0);
    return code === 0xfffd || (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r");
  });
}

const ruleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !looksMisdecoded(s), "contains a replacement or control character (broken encoding)");

const quoted = (input: unknown) => (typeof input === "string" ? `"${input}"` : JSON.stringify(input));

const sourceKind = z.enum(SOURCE_KINDS, {
  error: (issue) => `unknown source ${quoted(issue.input)} (see lib/ingest/source-kinds.ts)`,
});
const findingCheck = z.enum(FINDING_CHECK_NAMES as [FindingCheck, ...FindingCheck[]], {
  error: (issue) => `unknown check ${quoted(issue.input)} (see lib/ingest/finding-checks.ts)`,
});
const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, "lists a value twice");

/** Which findings a rule accepts: every field present must hold. */
export const ruleMatchSchema = z.strictObject({
  /** Source kinds the finding must come from; any source when absent. */
  sources: uniqueList(sourceKind).optional(),
  /** What the finding checked (lib/ingest/finding-checks.ts); at least one. */
  checks: uniqueList(findingCheck),
  /** Outcomes that link; pass and fail when absent (info and error link only when listed here). */
  outcomes: uniqueList(z.enum(RULE_OUTCOMES)).optional(),
  /**
   * Finding attributes that must be equal (strictly: `1` is not `"1"`). A list means any one of its
   * values. A finding without the attribute does not match.
   */
  attributes: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]+$/, "must be an attribute name (letters, digits, _ . -)"),
      z.union([attributeValue, z.array(attributeValue).min(1)]),
    )
    .optional(),
  /**
   * Failing findings below this severity do not match (passing findings have no severity and always
   * match; a failing finding whose severity is unknown matches, since unknown is not low).
   */
  minSeverity: z.enum(RULE_SEVERITIES).optional(),
});

const requirementId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9.-]*$/, "must be a requirement id like framework:local-id");

/** One evidence rule: findings it matches support (pass) or count against (fail) these requirements. */
export const evidenceRuleSchema = z.strictObject({
  /** Stable, kebab-case, unique across all rule files; links in the database keep it. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, single hyphens)"),
  title: ruleText(160),
  /** Our own words: why this evidence supports these requirements, and why this freshness. */
  summary: ruleText(1500),
  match: ruleMatchSchema,
  /** Requirement node ids of any framework under controls/frameworks/. */
  requirements: uniqueList(requirementId),
  /** Days a finding counts from when it was observed (or received); after that it is stale. */
  freshnessDays: z.int().min(1).max(3650),
});
export type EvidenceRule = z.output<typeof evidenceRuleSchema>;
export type RuleMatchSpec = z.output<typeof ruleMatchSchema>;

export const ruleFileSchema = z.strictObject({
  rules: z.array(evidenceRuleSchema).min(1),
});
export type RuleFile = z.output<typeof ruleFileSchema>;
