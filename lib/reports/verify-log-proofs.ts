import { verify } from "node:crypto";
import type { LogProof } from "../audit/create-log-proofs.ts";
import { hashLeaf } from "../audit/merkle/hash-leaf.ts";
import { verifyInclusionProof } from "../audit/merkle/verify-inclusion-proof.ts";
import type { LogCheckpointView } from "../audit/write-log-checkpoint.ts";
import type { PackManifest } from "./audit-pack-layout.ts";
import type { VerifyCheck } from "./verification-types.ts";

const fail = (detail: string): VerifyCheck => ({ name: "log inclusion proofs", ok: false, detail });

/**
 * Pure: checks the pack's log part offline: the checkpoint's Ed25519 signature over its note, the note
 * naming the same size and root, every proof leading from its leaf content to that root (RFC 6962), each
 * evidence leaf naming this organization and the sha256 of the evidence file the pack holds, and every
 * evidence file having a proof.
 */
export function verifyLogProofs(
  manifest: PackManifest,
  checkpointJson: Buffer | undefined,
  proofsJsonl: Buffer | undefined,
  evidenceFiles: ReadonlyMap<string, string>,
): VerifyCheck {
  if (!checkpointJson || !proofsJsonl) return fail("log/checkpoint.json or log/inclusion-proofs.jsonl is missing");
  let checkpoint: LogCheckpointView;
  let proofs: LogProof[];
  try {
    checkpoint = JSON.parse(checkpointJson.toString("utf8")) as LogCheckpointView;
    proofs = proofsJsonl
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogProof);
  } catch (error) {
    return fail(`unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = Buffer.from(checkpoint.rootHash, "hex");
  const [origin, size, rootB64] = checkpoint.note.split("\n");
  let signed = false;
  try {
    signed = verify(
      null,
      Buffer.from(checkpoint.note, "utf8"),
      checkpoint.publicKey,
      Buffer.from(checkpoint.signature, "base64"),
    );
  } catch {
    signed = false;
  }
  if (!signed) return fail("the checkpoint's signature does not verify");
  if (
    origin !== `assay.log/${manifest.organization.id}` ||
    size !== checkpoint.treeSize ||
    rootB64 !== root.toString("base64")
  ) {
    return fail("the checkpoint's note does not name this organization's log, size and root");
  }
  const proven = new Set<string>();
  for (const p of proofs) {
    const result = verifyInclusionProof({
      leafHash: hashLeaf(Buffer.from(p.leafContent, "utf8")),
      leafIndex: Number(p.seq),
      treeSize: Number(checkpoint.treeSize),
      proof: p.auditPath.map((h) => Buffer.from(h, "hex")),
      root,
    });
    if (!result.ok) return fail(`${p.kind} ${p.refId} at leaf ${p.seq}: ${result.reason}`);
    const fields = JSON.parse(p.leafContent) as string[];
    if (fields[2] !== manifest.organization.id || fields[1] !== p.kind || fields[3] !== p.refId) {
      return fail(`${p.kind} ${p.refId}: the leaf names another organization or row`);
    }
    if (p.kind === "evidence") {
      if (evidenceFiles.get(p.refId) !== fields[5])
        return fail(`evidence ${p.refId}: the file in the pack is not the one logged`);
      proven.add(p.refId);
    }
  }
  const unproven = [...evidenceFiles.keys()].filter((id) => !proven.has(id));
  if (unproven.length) return fail(`no proof for evidence ${unproven.slice(0, 3).join(", ")}`);
  return {
    name: "log inclusion proofs",
    ok: true,
    detail: `${proofs.length} leaves proven against the signed checkpoint at size ${checkpoint.treeSize} (root ${checkpoint.rootHash})`,
  };
}
