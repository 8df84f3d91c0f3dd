/**
 * `key`, or when `taken` already holds it, the first of `key#2`, `key#3`... that it does not; the result
 * is added to `taken`. Unlike `takeNumberedKey`, a key that already looks numbered (`a#2` sent as is)
 * can never be handed out twice.
 */
export function takeUniqueKey(taken: Set<string>, key: string): string {
  let unique = key;
  for (let n = 2; taken.has(unique); n++) unique = `${key}#${n}`;
  taken.add(unique);
  return unique;
}
