import type { JsonToken } from "./tokenize-json.ts";

/**
 * Re-indents a single-line JSON document for reading (two spaces), moving only whitespace: every key,
 * string and number keeps its exact text (no parse and re-serialize, which would round big numbers or
 * merge duplicate keys). Returns null when the tokens are not plain JSON (other text between tokens).
 */
export function reindentJsonTokens(tokens: readonly JsonToken[]): JsonToken[] | null {
  const out: JsonToken[] = [];
  let depth = 0;
  const newline = () => ({ kind: "plain" as const, text: `\n${"  ".repeat(depth)}` });
  const significant = tokens.filter((t) => t.kind !== "plain" || t.text.trim() !== "");
  if (significant.some((t) => t.kind === "plain")) return null;
  for (let i = 0; i < significant.length; i++) {
    const t = significant[i] as JsonToken;
    const next = significant[i + 1];
    if (t.kind !== "punct") {
      out.push(t);
      continue;
    }
    const p = t.text.trim();
    if (p === "{" || p === "[") {
      out.push({ kind: "punct", text: p });
      const closes = next?.kind === "punct" && next.text.trim() === (p === "{" ? "}" : "]");
      if (!closes) {
        depth++;
        out.push(newline());
      }
    } else if (p === "}" || p === "]") {
      const prev = out.at(-1);
      const empty = prev?.kind === "punct" && (prev.text === "{" || prev.text === "[");
      if (!empty) {
        depth = Math.max(0, depth - 1);
        out.push(newline());
      }
      out.push({ kind: "punct", text: p });
    } else if (p === ",") {
      out.push({ kind: "punct", text: "," }, newline());
    } else {
      out.push({ kind: "punct", text: ": " });
    }
  }
  return out;
}
