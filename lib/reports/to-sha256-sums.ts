import type { PackFile } from "./audit-pack-layout.ts";

/** Pure: the `sha256sum -c` form of a file list (two spaces, binary-safe names only). */
export function toSha256Sums(files: readonly PackFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join("");
}
