import { computeInclusionProofLength } from "./compute-inclusion-proof-length.ts";
import { hashChildren } from "./hash-children.ts";
import { HASH_SIZE, type InclusionProofFailure, type VerificationResult } from "./merkle-types.ts";

/** What an inclusion proof claims: `leafHash` is leaf number `leafIndex` of the tree of `treeSize` leaves whose root is `root`. */
export interface InclusionProofClaim {
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}

const isHash = (value: unknown): value is Uint8Array => value instanceof Uint8Array && value.length === HASH_SIZE;
const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const fail = (reason: InclusionProofFailure): VerificationResult<InclusionProofFailure> => ({ ok: false, reason });

/**
 * Verifies an RFC 6962 inclusion proof (audit path) with the algorithm of RFC 9162 §2.1.3.2.
 *
 * Never throws and never accepts malformed input: every argument is checked at run time (the claim
 * may come straight from untrusted JSON), each failure with its own reason. The proof length is checked
 * against the audit path length for (`leafIndex`, `treeSize`) before any hashing.
 *
 * The tree size is authenticated by the signed tree head that carries `root`, not by the proof: the
 * same hashes can prove a leaf against the same root for another size whose audit path has the same
 * shape. Always verify against a (size, root) pair that was signed together.
 */
export function verifyInclusionProof(claim: InclusionProofClaim): VerificationResult<InclusionProofFailure> {
  if (typeof claim !== "object" || claim === null) return fail("invalid-claim");
  const { leafHash, leafIndex, treeSize, root } = claim;
  if (!isSize(leafIndex)) return fail("invalid-leaf-index");
  if (!isSize(treeSize)) return fail("invalid-tree-size");
  if (treeSize === 0) return fail("empty-tree");
  if (leafIndex >= treeSize) return fail("leaf-index-out-of-range");
  if (!isHash(leafHash)) return fail("invalid-leaf-hash");
  if (!isHash(root)) return fail("invalid-root");
  const untrustedProof: unknown = claim.proof;
  if (!Array.isArray(untrustedProof)) return fail("invalid-proof");
  const elements: readonly unknown[] = untrustedProof;
  // An index loop, not `every`: `every` skips the holes of a sparse array.
  for (let i = 0; i < elements.length; i += 1) if (!isHash(elements[i])) return fail("invalid-proof-element");
  const proof = elements as readonly Uint8Array[];
  const expected = computeInclusionProofLength(leafIndex, treeSize);
  if (proof.length < expected) return fail("proof-too-short");
  if (proof.length > expected) return fail("proof-too-long");

  // RFC 9162 §2.1.3.2, with arithmetic instead of 32-bit bitwise operators so any safe integer works.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return fail("proof-too-long");
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail("proof-too-short");
  return Buffer.compare(r, root) === 0 ? { ok: true } : fail("root-mismatch");
}
