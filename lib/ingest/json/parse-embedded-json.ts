import { parseJsonText } from "./parse-json-text.ts";

/**
 * Senders often put JSON inside JSON as a string (LiteLLM's `metadata`, EventBridge details, log
 * shippers). Returns the parsed value when `value` is a string holding a JSON object or array, and
 * `value` unchanged otherwise (including strings that only look like JSON but do not parse).
 */
export function parseEmbeddedJson(value: unknown, what = "embedded JSON"): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return value;
  try {
    return parseJsonText(t, what);
  } catch {
    return value;
  }
}
