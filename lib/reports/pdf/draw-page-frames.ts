import type { ReportCanvas } from "./pdf-types.ts";

const MUTED = "#6b7280";
const RULE = "#d5dbe3";
const SIZE = 7;

/**
 * Draws, once every page exists, the footer of every page (cover and contents included): "Report
 * <id>", "Page X of N" and the full report data sha256 on one line; and a running header on every page
 * after the cover.
 */
export function drawPageFrames(
  canvas: ReportCanvas,
  frame: { reportId: string; dataSha256: string; header: string },
): void {
  const { doc, box } = canvas;
  const { start, count } = doc.bufferedPageRange();
  const width = box.right - box.left;
  const line = canvas.lineHeight(SIZE);
  const footerTop = box.height - 44;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    if (i > start) {
      canvas.text(frame.header, box.left, 24, { size: SIZE, color: MUTED }, width);
      doc.moveTo(box.left, 36).lineTo(box.right, 36).lineWidth(0.4).strokeColor(RULE).stroke();
    }
    doc.moveTo(box.left, footerTop).lineTo(box.right, footerTop).lineWidth(0.4).strokeColor(RULE).stroke();
    const page = `Page ${i - start + 1} of ${count}`;
    canvas.text(page, box.right - 120, footerTop + 5, { size: SIZE, bold: true, color: MUTED }, 120, "right");
    canvas.text(`Report ${frame.reportId}`, box.left, footerTop + 5, { size: SIZE, color: MUTED }, width - 124);
    canvas.text(
      `Report data sha256 ${frame.dataSha256}`,
      box.left,
      footerTop + 5 + line,
      { size: SIZE, color: MUTED },
      width,
    );
  }
}
