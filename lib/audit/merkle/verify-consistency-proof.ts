import { computeConsistencyProofLength } from "./compute-consistency-proof-length.ts";
import { hashChildren } from "./hash-children.ts";
import { HASH_SIZE, type ConsistencyProofFailure, type VerificationResult } from "./merkle-types.ts";

/** What a consistency proof claims: the tree of `oldSize` leaves with root `oldRoot` is a prefix of the tree of `newSize` leaves with root `newRoot`. */
export interface ConsistencyProofClaim {
  oldSize: number;
  newSize: number;
  oldRoot: Uint8Array;
  newRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

const isHash = (value: unknown): value is Uint8Array => value instanceof Uint8Array && value.length === HASH_SIZE;
const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const fail = (reason: ConsistencyProofFailure): VerificationResult<ConsistencyProofFailure> => ({ ok: false, reason });

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x % 2 === 0) x /= 2;
  return x === 1;
}

/**
 * Verifies an RFC 6962 consistency proof with the algorithm of RFC 9162 §2.1.4.2.
 *
 * Never throws and never accepts malformed input: every argument is checked at run time, each failure
 * with its own reason. Equal sizes are consistent only with an empty proof and equal roots. An old size
 * of 0 is always rejected: RFC 6962 defines no proof from the empty tree, and accepting one would prove
 * nothing.
 *
 * As with inclusion proofs, the sizes are authenticated by the signed tree heads that carry the roots,
 * not by the proof; verify against (size, root) pairs that were signed together.
 */
export function verifyConsistencyProof(claim: ConsistencyProofClaim): VerificationResult<ConsistencyProofFailure> {
  if (typeof claim !== "object" || claim === null) return fail("invalid-claim");
  const { oldSize, newSize, oldRoot, newRoot } = claim;
  if (!isSize(oldSize)) return fail("invalid-old-size");
  if (!isSize(newSize)) return fail("invalid-new-size");
  if (oldSize === 0) return fail("old-size-zero");
  if (oldSize > newSize) return fail("old-size-greater-than-new-size");
  if (!isHash(oldRoot)) return fail("invalid-old-root");
  if (!isHash(newRoot)) return fail("invalid-new-root");
  const untrustedProof: unknown = claim.proof;
  if (!Array.isArray(untrustedProof)) return fail("invalid-proof");
  const elements: readonly unknown[] = untrustedProof;
  // An index loop, not `every`: `every` skips the holes of a sparse array.
  for (let i = 0; i < elements.length; i += 1) if (!isHash(elements[i])) return fail("invalid-proof-element");
  const proof = elements as readonly Uint8Array[];
  const expected = computeConsistencyProofLength(oldSize, newSize);
  if (proof.length < expected) return fail("proof-too-short");
  if (proof.length > expected) return fail("proof-too-long");

  if (oldSize === newSize) {
    return Buffer.compare(oldRoot, newRoot) === 0 ? { ok: true } : fail("new-root-mismatch");
  }

  // RFC 9162 §2.1.4.2 (0 < oldSize < newSize here, so the proof is not empty), with arithmetic instead
  // of 32-bit bitwise operators so any safe integer works.
  const path: readonly Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [first, ...rest] = path;
  if (first === undefined) return fail("proof-too-short");
  let fr: Buffer = Buffer.from(first);
  let sr: Buffer = Buffer.from(first);
  for (const c of rest) {
    if (sn === 0) return fail("proof-too-long");
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail("proof-too-short");
  if (Buffer.compare(fr, oldRoot) !== 0) return fail("old-root-mismatch");
  if (Buffer.compare(sr, newRoot) !== 0) return fail("new-root-mismatch");
  return { ok: true };
}
