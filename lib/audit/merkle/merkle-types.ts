/**
 * Shared constants and result types for the RFC 6962 Merkle tree functions in this folder.
 *
 * Hashes are SHA-256 (RFC 6962 §2.1), so every leaf hash, node hash, root and proof element is exactly
 * {@link HASH_SIZE} bytes. Sizes and indices are JavaScript numbers and must be safe integers
 * (`Number.isSafeInteger`), which is far beyond what a per-organization audit log will reach.
 */

/** Length in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

/** Outcome of a proof verification: either proven, or rejected with a stable, precise reason. */
export type VerificationResult<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

/** Why an inclusion proof was rejected. */
export type InclusionProofFailure =
  /** The claim is not an object (only possible from untyped callers). */
  | "invalid-claim"
  /** `leafIndex` is not a non-negative safe integer. */
  | "invalid-leaf-index"
  /** `treeSize` is not a non-negative safe integer. */
  | "invalid-tree-size"
  /** `treeSize` is 0: the empty tree contains no leaf. */
  | "empty-tree"
  /** `leafIndex >= treeSize`. */
  | "leaf-index-out-of-range"
  /** `leafHash` is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-leaf-hash"
  /** `root` is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-root"
  /** `proof` is not an array. */
  | "invalid-proof"
  /** A proof element is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-proof-element"
  /** The proof has fewer elements than the audit path for this index and size. */
  | "proof-too-short"
  /** The proof has more elements than the audit path for this index and size. */
  | "proof-too-long"
  /** The proof is well formed but does not lead from the leaf hash to the root. */
  | "root-mismatch";

/** Why a consistency proof was rejected. */
export type ConsistencyProofFailure =
  /** The claim is not an object (only possible from untyped callers). */
  | "invalid-claim"
  /** `oldSize` is not a non-negative safe integer. */
  | "invalid-old-size"
  /** `newSize` is not a non-negative safe integer. */
  | "invalid-new-size"
  /** `oldSize` is 0: consistency with the empty tree proves nothing and has no proof (RFC 6962 §2.1.2). */
  | "old-size-zero"
  /** `oldSize > newSize`: a log never shrinks. */
  | "old-size-greater-than-new-size"
  /** `oldRoot` is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-old-root"
  /** `newRoot` is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-new-root"
  /** `proof` is not an array. */
  | "invalid-proof"
  /** A proof element is not a byte array of {@link HASH_SIZE} bytes. */
  | "invalid-proof-element"
  /** The proof has fewer elements than the consistency proof for these sizes. */
  | "proof-too-short"
  /** The proof has more elements than the consistency proof for these sizes (equal sizes need none). */
  | "proof-too-long"
  /** The proof does not reproduce the old root. */
  | "old-root-mismatch"
  /** The proof does not reproduce the new root (or, for equal sizes, the two roots differ). */
  | "new-root-mismatch";
