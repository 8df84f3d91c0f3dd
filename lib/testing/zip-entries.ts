import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { open, type Entry } from "yauzl";
import { ZipFile } from "yazl";

/** Test helper: every entry of a (small) ZIP as bytes, in archive order. */
export function readZipEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    open(path, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(out));
      zip.on("entry", (entry: Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Test helper: writes entries as a ZIP (names taken as given, so tests can build hostile archives). */
export async function writeZipEntries(
  path: string,
  entries: Iterable<[string, Buffer]>,
  options: { symlinks?: string[] } = {},
): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) {
    zip.addBuffer(bytes, name, options.symlinks?.includes(name) ? { mode: 0o120777 } : {});
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

/**
 * Test helper: copies a ZIP entry by entry as streams (bounded memory, for large packs), changing one
 * entry's bytes (one byte appended), leaving one out, or adding one.
 */
export function rewriteZip(
  src: string,
  dst: string,
  edit: { change?: string; remove?: string; add?: [string, Buffer] },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = new ZipFile();
    pipeline(out.outputStream, createWriteStream(dst)).then(resolve, reject);
    open(src, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("error", reject);
      zip.on("end", () => {
        if (edit.add) out.addBuffer(edit.add[1], edit.add[0]);
        out.end();
      });
      zip.on("entry", (entry: Entry) => {
        if (entry.fileName === edit.remove) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          if (entry.fileName === edit.change) {
            const chunks: Buffer[] = [];
            stream.on("data", (c: Buffer) => chunks.push(c));
            stream.on("end", () => {
              out.addBuffer(Buffer.concat([...chunks, Buffer.from(" ")]), entry.fileName);
              zip.readEntry();
            });
            return;
          }
          stream.on("end", () => zip.readEntry());
          out.addReadStream(stream, entry.fileName);
        });
      });
      zip.readEntry();
    });
  });
}
