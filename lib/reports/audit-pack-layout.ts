/** The audit pack's format and fixed file names (nothing in a path ever comes from user input). */
export const PACK_FORMAT = "assay-audit-pack/1";

export const PACK_FILES = {
  report: "report.pdf",
  reportData: "report-data.json",
  assessmentResults: "oscal/assessment-results.json",
  auditLog: "audit/entries.jsonl",
  logCheckpoint: "log/checkpoint.json",
  logProofs: "log/inclusion-proofs.jsonl",
  signer: "signing/signer.pem",
  chain: "signing/chain.pem",
  root: "signing/root.pem",
  readme: "README.txt",
  manifest: "manifest.json",
  manifestSignature: "manifest.json.sig",
  sums: "SHA256SUMS",
  sumsSignature: "SHA256SUMS.sig",
} as const;

/** Files that describe the others and so are not listed in the manifest. */
export const PACK_SELF_FILES: readonly string[] = [
  PACK_FILES.manifest,
  PACK_FILES.manifestSignature,
  PACK_FILES.sums,
  PACK_FILES.sumsSignature,
];

export interface PackFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** The signed manifest of an audit pack. */
export interface PackManifest {
  format: typeof PACK_FORMAT;
  createdAt: string;
  reportId: string;
  organization: { id: string; slug: string; name: string };
  snapshot: { id: string; asOf: string; digest: string };
  scope: { systems: { id: string; name: string }[]; frameworks: { id: string; title: string; version: string }[] };
  report: { path: string; sha256: string; dataPath: string; dataSha256: string };
  signer: { subject: string; fingerprint: string; signerFingerprint: string };
  /**
   * The log part: how many audit entries audit/entries.jsonl lists, and the signed checkpoint of the
   * organization's tamper-evident log that log/inclusion-proofs.jsonl proves every evidence file and
   * the report's own audit entries against.
   */
  log: { entries: number; proofs: number; checkpoint: { treeSize: string; rootHash: string } };
  files: PackFile[];
}
