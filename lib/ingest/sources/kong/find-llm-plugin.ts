/** `ai` children that are not LLM plugin entries. */
const NOT_LLM = new Set(["payload", "mcp", "sanitizer", "audit", "compressor", "a2a"]);

/** An LLM plugin entry of a Kong AI log: `ai.proxy` (3.10+) or `ai.<plugin-name>` (3.6-3.9). */
export interface LlmPlugin {
  name: string;
  meta: Record<string, unknown> | null;
  usage: Record<string, unknown> | null;
  cache: Record<string, unknown> | null;
}

/** The LLM plugin entry of `ai`: `proxy` when present, else the first child with `meta` or `usage`. */
export function findLlmPlugin(ai: Record<string, unknown>): LlmPlugin | null {
  const candidates = Object.entries(ai).filter(
    ([name, value]) => !NOT_LLM.has(name) && isObject(value) && (isObject(value.meta) || isObject(value.usage)),
  );
  const [name, value] = candidates.find(([n]) => n === "proxy") ?? candidates[0] ?? [];
  if (name === undefined || !isObject(value)) return null;
  return { name, meta: asObject(value.meta), usage: asObject(value.usage), cache: asObject(value.cache) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Record<string, unknown> | null {
  return isObject(value) ? value : null;
}
