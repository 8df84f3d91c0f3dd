/**
 * Limits on JSON evidence, checked before and after `JSON.parse` so that a hostile body can cost
 * neither a stack overflow nor unbounded work. The raw bytes are stored as received; these limits only
 * guard the parsed copy adapters read.
 */
export const JSON_LIMITS = {
  /** Deepest nesting of objects and arrays (real tool output stays well below 32). */
  maxDepth: 64,
  /** Most keys in one object. */
  maxKeysPerObject: 10_000,
  /** Most values (objects, arrays, scalars) in one document. */
  maxValues: 2_000_000,
} as const;

/** Keys that are dropped from parsed copies, so no later merge can reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
