import { asRecord } from "../shared/as-record.ts";
import { isRecord } from "../shared/is-record.ts";

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
    ([name, value]) => !NOT_LLM.has(name) && isRecord(value) && (isRecord(value.meta) || isRecord(value.usage)),
  );
  const [name, value] = candidates.find(([n]) => n === "proxy") ?? candidates[0] ?? [];
  if (name === undefined || !isRecord(value)) return null;
  return { name, meta: asRecord(value.meta), usage: asRecord(value.usage), cache: asRecord(value.cache) };
}
