/**
 * The split point `k` of RFC 6962 §2.1: the largest power of two strictly smaller than `n`, for `n >= 2`.
 * A tree of `n` leaves is the tree of its first `k` leaves on the left and of the remaining `n - k` on
 * the right. Arithmetic (not bitwise) so that it is exact for every safe integer.
 *
 * @throws RangeError when `n` is not a safe integer of at least 2.
 */
export function findSplitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`split point needs a size of at least 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
