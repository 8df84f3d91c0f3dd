import { createHash } from "node:crypto";
import { open, type Entry, type ZipFile } from "yauzl";

/** Entries whose bytes verification needs (everything else is only hashed as it streams). */
const KEEP = /^(manifest\.json(\.sig)?|SHA256SUMS(\.sig)?|signing\/[a-z]+\.pem|report\.pdf|log\/[a-z-]+\.jsonl?)$/;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const MAX_ENTRIES = 2_000_000;
const MAX_KEPT_BYTES = 512 * 1024 * 1024;

export interface PackEntries {
  /** path -> sha256 and size of every file entry. */
  files: Map<string, { sha256: string; bytes: number }>;
  kept: Map<string, Buffer>;
  /** Names that are unsafe, duplicated, links or directories: any one fails the pack. */
  problems: string[];
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

function readEntry(
  zip: ZipFile,
  entry: Entry,
  keep: boolean,
): Promise<{ sha256: string; bytes: number; data?: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      stream.on("error", reject);
      stream.on("end", () =>
        resolve({ sha256: hash.digest("hex"), bytes, ...(keep ? { data: Buffer.concat(chunks) } : {}) }),
      );
    });
  });
}

/**
 * Reads a ZIP one entry at a time (never the whole archive in memory): hashes every file and keeps the
 * bytes of the few that verification reads. Names must be plain relative paths of safe characters; any
 * absolute path, `..`, backslash, duplicate, symbolic link or directory entry is reported as a problem.
 */
export async function readPackEntries(path: string): Promise<PackEntries> {
  const zip = await openZip(path);
  const out: PackEntries = { files: new Map(), kept: new Map(), problems: [] };
  let keptBytes = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      void (async () => {
        const name = entry.fileName;
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (out.files.size + out.problems.length > MAX_ENTRIES) throw new Error("more than 2,000,000 entries");
        if (name.endsWith("/")) out.problems.push(`directory entry "${name}"`);
        else if (!SAFE_NAME.test(name) || name.split("/").includes("..")) out.problems.push(`unsafe name "${name}"`);
        else if (mode === 0o120000) out.problems.push(`symbolic link "${name}"`);
        else if (out.files.has(name)) out.problems.push(`duplicate entry "${name}"`);
        else {
          const keep = KEEP.test(name) && keptBytes + entry.uncompressedSize <= MAX_KEPT_BYTES;
          const read = await readEntry(zip, entry, keep);
          out.files.set(name, { sha256: read.sha256, bytes: read.bytes });
          if (read.data) {
            keptBytes += read.data.length;
            out.kept.set(name, read.data);
          }
        }
        zip.readEntry();
      })().catch(reject);
    });
    zip.readEntry();
  });
  return out;
}
