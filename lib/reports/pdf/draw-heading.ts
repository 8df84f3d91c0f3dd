import type { ContentsEntry, ReportCanvas } from "./pdf-types.ts";
import { sanitizeText } from "./sanitize-text.ts";

const STYLES = {
  1: { size: 17, bold: true, color: "#1e3a5f" },
  2: { size: 12.5, bold: true, color: "#1e3a5f" },
  3: { size: 10.5, bold: true, color: "#1f2937" },
} as const;
const ACCENT = "#2563eb";

/**
 * Draws a section heading at the cursor and records where it starts: the entry's page (for the table
 * of contents), a named destination (TOC links) and an outline item under `parent` (PDF bookmarks).
 * Returns the outline item, for nested headings.
 */
export function drawHeading(canvas: ReportCanvas, entry: ContentsEntry, parent: PDFKit.PDFOutline): PDFKit.PDFOutline {
  const { doc, box } = canvas;
  const style = STYLES[entry.level];
  entry.pageIndex = canvas.pageIndex();
  doc.addNamedDestination(entry.dest, "XYZ", null, doc.page.height - canvas.y + 4, null);
  // Viewers apply bidi to bookmark titles themselves: no controls may reach them either.
  const item = parent.addItem(sanitizeText(entry.title).replace(/\n/g, " "));
  const width = box.right - box.left;
  const height = canvas.text(entry.title, box.left, canvas.y, style, width);
  canvas.y += height;
  if (entry.level === 1) {
    doc.rect(box.left, canvas.y + 2, 48, 2.5).fill(ACCENT);
    canvas.y += 14;
  } else {
    canvas.y += entry.level === 2 ? 6 : 3;
  }
  return item;
}
