import type { ManifestEntry } from "../report-types.ts";
import { drawHeading } from "./draw-heading.ts";
import { drawTable } from "./draw-table.ts";
import { formatUtc } from "./format-utc.ts";
import type { ContentsEntry, ReportCanvas } from "./pdf-types.ts";

const SIZE = 7;

/**
 * The evidence manifest: every piece of evidence the report cites, with its id, source, when it was
 * observed, until when it counts, and its full sha256 on one unbroken line (the column fits 64 hex
 * digits), so a reader can search for a hash and match it against the audit pack's files.
 */
export async function drawManifest(
  canvas: ReportCanvas,
  manifest: ManifestEntry[],
  entry: ContentsEntry,
  outline: PDFKit.PDFOutline,
  onRow: () => void,
): Promise<void> {
  const { box } = canvas;
  const width = box.right - box.left;
  // Wide enough for 64 of the widest hex digit ("b", "d"), so no sha256 wraps.
  const hashWidth = Math.ceil((canvas.layout("d".repeat(64), { size: SIZE }, 10_000)[0]?.width ?? 280) + 10);
  drawHeading(canvas, entry, outline);
  canvas.y += canvas.text(
    `${manifest.length} pieces of evidence, ordered by id. The sha256 is that of the evidence bytes as ` +
      "received; the audit pack holds the files and their hashes. Times are UTC.",
    box.left,
    canvas.y,
    { size: 8.5, color: "#6b7280" },
    width,
  );
  canvas.y += 6;
  await drawTable(canvas, {
    columns: [
      { header: "Evidence id and sha256", width: hashWidth },
      { header: "Source", width: width - hashWidth - 160 },
      { header: "Observed at", width: 80 },
      { header: "Expires", width: 80 },
    ],
    rows: manifest.map((m) => ({
      cells: [`${m.evidenceId}\n${m.sha256}`, m.source, formatUtc(m.observedAt, false), formatUtc(m.expiresAt, false)],
    })),
    size: SIZE,
    continued: "Evidence manifest",
    empty: "No evidence: nothing in this report cites a piece of evidence.",
    truncated: "Cut here: the full entry is in report-data.json of the audit pack.",
    onRow,
  });
}
