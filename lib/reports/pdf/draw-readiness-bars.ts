import { formatScore } from "./format-score.ts";
import type { ReportCanvas } from "./pdf-types.ts";

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 52;
const BAR_HEIGHT = 11;
const TRACK = "#e5e7eb";
const GRID = "#cbd5e1";
const MUTED = "#6b7280";

/** Bar colour by score: red below 50%, amber below 80%, green from 80%. */
const colorFor = (score: number) => (score < 50 ? "#dc2626" : score < 80 ? "#d97706" : "#16a34a");

/**
 * Horizontal bar chart drawn with vector rectangles: one bar per item with its score printed beside it
 * ("42.5%", or "n/a" with an empty track when nothing counts), a 0–100% scale, and a note under the
 * label (status counts). Breaks to a new page between bars when needed.
 */
export function drawReadinessBars(
  canvas: ReportCanvas,
  items: { label: string; score: number | null; note: string }[],
): void {
  const { doc, box } = canvas;
  const trackX = box.left + LABEL_WIDTH;
  const trackWidth = box.right - box.left - LABEL_WIDTH - VALUE_WIDTH;
  const drawScale = () => {
    for (const tick of [0, 25, 50, 75, 100]) {
      const x = trackX + (trackWidth * tick) / 100;
      canvas.text(`${tick}%`, x - 20, canvas.y, { size: 6.5, color: MUTED }, 40, "center");
    }
    canvas.y += 11;
  };
  canvas.ensureSpace(40);
  drawScale();
  for (const item of items) {
    const label = canvas.layout(item.label, { size: 9, bold: true }, LABEL_WIDTH - 10);
    const note = canvas.layout(item.note, { size: 7, color: MUTED }, LABEL_WIDTH + trackWidth);
    const labelHeight = label.length * canvas.lineHeight(9);
    const rowHeight = Math.max(labelHeight, BAR_HEIGHT + 4) + note.length * canvas.lineHeight(7) + 8;
    if (canvas.ensureSpace(rowHeight)) drawScale();
    const top = canvas.y;
    canvas.drawLines(label, box.left, top, { size: 9, bold: true }, LABEL_WIDTH - 10);
    const barTop = top + 1.5;
    doc.rect(trackX, barTop, trackWidth, BAR_HEIGHT).fill(TRACK);
    for (const tick of [25, 50, 75]) {
      const x = trackX + (trackWidth * tick) / 100;
      doc
        .moveTo(x, barTop)
        .lineTo(x, barTop + BAR_HEIGHT)
        .lineWidth(0.5)
        .strokeColor(GRID)
        .stroke();
    }
    if (item.score !== null) {
      const filled = (trackWidth * Math.max(0, Math.min(100, item.score))) / 100;
      if (filled > 0) doc.rect(trackX, barTop, filled, BAR_HEIGHT).fill(colorFor(item.score));
    }
    const value = formatScore(item.score);
    const valueStyle = { size: 9.5, bold: true, color: item.score === null ? MUTED : "#1f2937" };
    canvas.text(value, trackX + trackWidth + 6, top, valueStyle, VALUE_WIDTH - 6);
    canvas.drawLines(
      note,
      box.left,
      top + Math.max(labelHeight, BAR_HEIGHT + 4),
      { size: 7, color: MUTED },
      LABEL_WIDTH + trackWidth,
    );
    canvas.y += rowHeight;
  }
}
