/**
 * `value` cut to at most `max` characters (UTF-16 code units), the last one being `…` when it was cut;
 * shorter text is returned unchanged. Titles and details are cut to 500 (the default), attributes to 200.
 */
export function truncateText(value: string, max = 500): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
