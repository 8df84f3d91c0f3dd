/**
 * A dynamic route segment as the id it encodes (`eu-ai-act%3Aart-4` -> `eu-ai-act:art-4`). A malformed
 * escape gives the segment unchanged, so a bad URL reads as an unknown id (404) rather than a crash.
 */
export function decodeRouteParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
