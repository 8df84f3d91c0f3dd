// Checks shared by the hostile-input suites: prototype pollution, the exact shape of adapter output,
// and which errors count as a client error.
import { z } from "zod";
import { AppError, type ErrorCode } from "../errors/app-error.ts";
import { FINDING_CHECK_NAMES } from "../ingest/finding-checks.ts";
import { SUBJECT_KINDS, type ParsedEvidence } from "../ingest/source-adapter.ts";
import { POLLUTION_MARKERS } from "./hostile-arbitraries.ts";

const GUARDED: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
];

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

function takeSnapshot(): Snapshot {
  const snap: Snapshot = new Map();
  for (const [name, proto] of GUARDED) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d) props.set(key, d);
    }
    snap.set(name, props);
  }
  return snap;
}

/**
 * Snapshots the built-in prototypes (every own key and descriptor of Object, Array, Function, String,
 * Number and Boolean prototypes) and returns a function that lists every change since, plus any
 * pollution marker a plain `{}` now inherits. An empty list means no prototype pollution.
 */
export function watchPrototypes(): () => string[] {
  const before = takeSnapshot();
  return () => {
    const problems: string[] = [];
    const plain = {} as Record<string, unknown>;
    for (const marker of POLLUTION_MARKERS) {
      if (plain[marker] !== undefined)
        problems.push(`({}).${marker} is ${JSON.stringify(plain[marker]) ?? typeof plain[marker]}`);
    }
    if (Object.getPrototypeOf({}) !== Object.prototype) problems.push("({}) no longer has Object.prototype");
    const after = takeSnapshot();
    for (const [name, props] of before) {
      const now = after.get(name) ?? new Map<PropertyKey, PropertyDescriptor>();
      for (const [key, d] of props) {
        const n = now.get(key);
        if (!n) problems.push(`${name}.${String(key)} was deleted`);
        else if (n.value !== d.value || n.get !== d.get || n.set !== d.set || n.writable !== d.writable) {
          problems.push(`${name}.${String(key)} was changed`);
        }
      }
      for (const key of now.keys()) if (!props.has(key)) problems.push(`${name}.${String(key)} was added`);
    }
    return problems;
  };
}

/** A time as `Date.prototype.toISOString` writes it (which is what every adapter emits). */
const ISO_TIME = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoTime = z.string().regex(ISO_TIME, "not an ISO 8601 UTC time");

/**
 * `ParsedEvidence` exactly as `lib/ingest/source-adapter.ts` types it, and nothing else: strict
 * objects (no extra fields), the enums of the type, the check vocabulary of `finding-checks.ts`,
 * absolute http(s) links, scalar attributes (finite numbers only: the result is stored as JSON).
 */
export const parsedEvidenceSchema = z.strictObject({
  eventType: z.string(),
  deliveryId: z.string().nullable(),
  effectiveAt: isoTime.nullable(),
  findings: z.array(
    z.strictObject({
      key: z.string().min(1),
      subject: z.strictObject({
        kind: z.enum(SUBJECT_KINDS),
        name: z.string(),
        version: z.string().optional(),
        digest: z.string().optional(),
        revision: z.string().optional(),
      }),
      check: z.enum(FINDING_CHECK_NAMES as [string, ...string[]]),
      outcome: z.enum(["pass", "fail", "info", "error"]),
      severity: z.enum(["critical", "high", "medium", "low", "info"]).nullable(),
      title: z.string(),
      detail: z.string().optional(),
      observedAt: isoTime.nullable(),
      links: z.array(z.string().regex(/^https?:\/\/\S+$/i, "not an absolute http(s) URL")),
      attributes: z.record(z.string(), z.union([z.string(), z.number().finite(), z.boolean(), z.null()])),
    }),
  ),
});

/**
 * Problems with an adapter's output beyond its shape: duplicate finding keys (the type says keys are
 * unique within the evidence), objects whose prototype is not `Object.prototype` or `null`, and
 * polluting own keys anywhere in the output.
 */
export function outputProblems(parsed: ParsedEvidence): string[] {
  const problems: string[] = [];
  const shape = parsedEvidenceSchema.safeParse(parsed);
  if (!shape.success) {
    for (const issue of shape.error.issues.slice(0, 5)) {
      problems.push(`${issue.path.map(String).join(".")}: ${issue.message}`);
    }
  }
  const keys = new Set<string>();
  for (const f of parsed.findings) {
    if (keys.has(f.key)) problems.push(`duplicate finding key ${JSON.stringify(f.key.slice(0, 80))}`);
    keys.add(f.key);
  }
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
      problems.push("an output object has an unexpected prototype");
    }
    for (const key of Reflect.ownKeys(v)) {
      if (key === "__proto__" || key === "constructor" || key === "prototype") {
        problems.push(`an output object has an own ${String(key)} key`);
      }
      stack.push((v as Record<PropertyKey, unknown>)[key]);
    }
  }
  return problems;
}

/** What an adapter may throw for hostile bytes: malformed (400), not this source's format (422), wrong type (415). */
export const ADAPTER_ERROR_CODES: readonly ErrorCode[] = ["bad_request", "validation_failed", "unsupported_media_type"];

/** A one-line description of a thrown value that is not an allowed AppError, or null when it is one. */
export function unexpectedError(error: unknown, allowed: readonly ErrorCode[] = ADAPTER_ERROR_CODES): string | null {
  if (error instanceof AppError) {
    return allowed.includes(error.code) ? null : `AppError ${error.code}: ${error.message.slice(0, 200)}`;
  }
  if (error instanceof Error) {
    const where = error.stack?.split("\n").find((l) => l.includes("/lib/")) ?? "";
    return `${error.name}: ${error.message.slice(0, 200)} ${where.trim()}`;
  }
  return `non-Error thrown: ${String(error).slice(0, 200)}`;
}
