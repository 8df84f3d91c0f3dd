import { reindentJsonTokens } from "./reindent-json-tokens.ts";
import { tokenizeJson, type JsonToken } from "./tokenize-json.ts";

/**
 * The tokens the evidence page shows for a body preview. A complete JSON document on one line (the
 * usual webhook body) is re-indented for reading; anything else (pretty JSON, JSON Lines, a cut-off
 * preview, other text) is shown as it is.
 */
export function jsonPreviewTokens(text: string, complete: boolean): { tokens: JsonToken[]; reindented: boolean } {
  const tokens = tokenizeJson(text);
  const trimmed = text.trim();
  const oneDocument = complete && /^[[{]/.test(trimmed) && !trimmed.includes("\n") && trimmed.length <= 200_000;
  const reindented = oneDocument ? reindentJsonTokens(tokens) : null;
  return reindented ? { tokens: reindented, reindented: true } : { tokens, reindented: false };
}
