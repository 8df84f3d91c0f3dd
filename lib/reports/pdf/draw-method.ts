import { drawHeading } from "./draw-heading.ts";
import type { ContentsEntry, ReportCanvas } from "./pdf-types.ts";

const SIZE = 9.5;

/** The method chapter: the readiness method's paragraphs, verbatim, breaking between lines across pages. */
export function drawMethod(
  canvas: ReportCanvas,
  paragraphs: readonly string[],
  entry: ContentsEntry,
  outline: PDFKit.PDFOutline,
): void {
  const { box } = canvas;
  const width = box.right - box.left;
  const step = canvas.lineHeight(SIZE);
  drawHeading(canvas, entry, outline);
  if (paragraphs.length === 0) {
    canvas.y += canvas.text("No method text was recorded with this report.", box.left, canvas.y, { size: SIZE }, width);
    return;
  }
  for (const paragraph of paragraphs) {
    for (const line of canvas.layout(paragraph, { size: SIZE }, width)) {
      canvas.ensureSpace(step);
      canvas.y += canvas.drawLines([line], box.left, canvas.y, { size: SIZE }, width);
    }
    canvas.y += 6;
  }
}
