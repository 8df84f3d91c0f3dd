import type { NormalizedFinding } from "../../source-adapter.ts";

type Subject = NormalizedFinding["subject"];

/**
 * What a SARIF run scanned, when the run says: an image (Trivy puts `imageName` and `repoDigests` in
 * `run.properties`) by name and registry digest, or a repository from `versionControlProvenance`
 * (`https://github.com/owner/name.git` becomes `owner/name`, `revisionId` the revision). Null otherwise,
 * and the caller names the subject after the scanned file.
 */
export function readSarifSubject(run: {
  properties?: Record<string, unknown> | null;
  versionControlProvenance?: readonly unknown[] | null;
}): Subject | null {
  const imageName = run.properties?.imageName;
  if (typeof imageName === "string" && imageName !== "") {
    const digests = run.properties?.repoDigests;
    const digest = Array.isArray(digests)
      ? (digests as unknown[])
          .map((d) => (typeof d === "string" ? d.split("@")[1] : undefined))
          .find((d) => d?.startsWith("sha256:"))
      : undefined;
    return { kind: "container-image", name: imageName, ...(digest ? { digest } : {}) };
  }
  for (const entry of run.versionControlProvenance ?? []) {
    if (typeof entry !== "object" || entry === null) continue;
    const { repositoryUri, revisionId } = entry as Record<string, unknown>;
    if (typeof repositoryUri !== "string" || repositoryUri === "") continue;
    const name = repositoryUri
      .replace(/^[a-z]+:\/\/[^/]+\//i, "")
      .replace(/\.git$/, "")
      .replace(/\/$/, "");
    return {
      kind: "repository",
      name,
      ...(typeof revisionId === "string" && revisionId ? { revision: revisionId } : {}),
    };
  }
  return null;
}
