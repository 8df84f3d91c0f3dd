import { AppError } from "../../errors/app-error.ts";
import { JSON_LIMITS } from "./json-limits.ts";

/**
 * Scans JSON text for nesting deeper than the limit without parsing it (brackets inside strings do
 * not count), so that `JSON.parse` never recurses on a hostile body.
 */
export function checkJsonDepth(text: string, what = "body", maxDepth: number = JSON_LIMITS.maxDepth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) {
        throw new AppError("bad_request", `The ${what} nests JSON deeper than ${maxDepth} levels.`);
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
