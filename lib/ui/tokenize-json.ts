export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punct" | "plain";

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const PATTERN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;

/**
 * Splits text into JSON tokens for syntax highlighting: object keys, strings, numbers, literals and
 * punctuation; anything else (whitespace, or text that is not JSON at all) is `plain`. Tolerant: it
 * never throws and the tokens always join back into the exact input. After `maxTokens` the rest is one
 * `plain` token, so a huge body cannot make a huge page.
 */
export function tokenizeJson(text: string, maxTokens = 10_000): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    if (tokens.length >= maxTokens) break;
    if (m.index > last) tokens.push({ kind: "plain", text: text.slice(last, m.index) });
    if (m[1] !== undefined) {
      tokens.push({ kind: m[2] ? "key" : "string", text: m[1] });
      if (m[2]) tokens.push({ kind: "punct", text: m[2] });
    } else if (m[3] !== undefined) tokens.push({ kind: "number", text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: "literal", text: m[4] });
    else tokens.push({ kind: "punct", text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) tokens.push({ kind: "plain", text: text.slice(last) });
  return tokens;
}
