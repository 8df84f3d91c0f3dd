/**
 * Numbers the uses of a key: the first use of `base` is `base`, the next ones `base#2`, `base#3`...
 * (`uses` counts them per base). Only uses of the same base are counted: a base that itself ends in
 * `#2` is not checked against the numbered ones (`takeUniqueKey` is).
 */
export function takeNumberedKey(uses: Map<string, number>, base: string): string {
  const count = (uses.get(base) ?? 0) + 1;
  uses.set(base, count);
  return count === 1 ? base : `${base}#${count}`;
}
